"""The benchmark caseload: a demo vault of 2,000 clients and ~100,000 notes, built once.

Cached in $COACHDESK_BENCH_CACHE (default /tmp/coachdesk-bench) because building it is itself
one of the measured figures; delete the folder to rebuild.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import sqlcipher3

from coachdesk.application.demo import generate
from coachdesk.storage.vault import DB_NAME, Vault

PASSPHRASE = "benchmark passphrase"
CLIENTS = 2000
NOTES_PER_CLIENT = 50


def cache_dir() -> Path:
    folder = Path(os.environ.get("COACHDESK_BENCH_CACHE", "/tmp/coachdesk-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def big_vault() -> tuple[Path, float | None]:
    """The vault's path, and the generation time when it was built by this call."""
    path = cache_dir() / f"vault-{CLIENTS}"
    if (path / DB_NAME).exists():
        return path, None
    vault, _ = Vault.create(path, PASSPHRASE)  # calibrated KDF, as a coach would have
    started = time.perf_counter()
    with vault:
        generate(vault, CLIENTS, seed=11, notes_per_client=NOTES_PER_CLIENT)
    return path, time.perf_counter() - started


def plain_twin(vault_path: Path) -> Path:
    """The same database decrypted into a plain SQLite file (sqlcipher_export), for baselines."""
    plain = cache_dir() / f"plain-{vault_path.name}.db"
    if plain.exists():
        return plain
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        vault.conn.execute("SELECT sqlcipher_export('plain')")
        vault.conn.execute("DETACH DATABASE plain")
    return plain


def open_plain(plain: Path) -> sqlcipher3.Connection:
    # The same SQLite build as the vault, with no key: a fair baseline.
    return sqlcipher3.connect(str(plain), isolation_level=None)
