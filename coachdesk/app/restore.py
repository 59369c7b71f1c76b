"""Put a backup in place of a coach's vault (run on the database worker, vault closed).

The current vault folder is kept beside it as <name>.before-restore-<UTC time>, so a restore
never destroys anything; the backup folder itself is left untouched. No Qt here.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.errors import VaultError
from coachdesk.files import explain_os_error, fsync_dir
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, is_vault


def restore_backup(backup: Path, vault: Path, *, now: datetime | None = None) -> Path:
    """Replace `vault` by a copy of `backup`; return where the previous vault was kept."""
    if not is_vault(backup):
        raise VaultError(f"{backup.name} is not a CoachDesk backup (no vault inside).")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%SZ")
    kept = vault.with_name(f"{vault.name}.before-restore-{stamp}")
    incoming = vault.with_name(f".{vault.name}.restoring")
    try:
        shutil.rmtree(incoming, ignore_errors=True)
        incoming.mkdir(mode=0o700)
        for name in (DB_NAME, SLOTS_NAME):
            shutil.copyfile(backup / name, incoming / name)
            (incoming / name).chmod(0o600)
        if vault.exists():
            vault.rename(kept)
        incoming.rename(vault)
        fsync_dir(vault.parent)
    except OSError as exc:
        shutil.rmtree(incoming, ignore_errors=True)
        raise explain_os_error(exc, vault / DB_NAME) from None
    return kept
