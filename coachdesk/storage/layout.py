"""What a vault folder holds, by name: a leaf with no imports of ours, so the window's lock
screen can list the vaults before the storage layer has loaded (issue 18)."""

from __future__ import annotations

from pathlib import Path

DB_NAME = "vault.db"
SLOTS_NAME = "keyslots.json"


def is_vault(path: Path) -> bool:
    return (path / DB_NAME).is_file() and (path / SLOTS_NAME).is_file()
