"""Put a backup in place of a vault or an RCO store, keeping the current folder beside it.

The file swap both kinds share (coach vault: application.vault_ops.restore_backup; RCO store:
rco.ops.restore). No Qt; the caller checks the copy through `verify` before it takes the
folder's place. See docs/security.md (backups and restore).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.errors import VaultError
from coachdesk.files import explain_os_error, fsync_dir
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, is_vault


def restore_folder(
    backup: Path,
    target: Path,
    *,
    verify: Callable[[Path], None] | None = None,
    now: datetime | None = None,
) -> Path:
    """Replace `target` by a copy of `backup`; return where the previous folder was kept.

    The current folder is kept beside it as <name>.before-restore-<UTC time>, so a restore
    never destroys anything; the backup folder itself is never written to. `verify(copy)` may
    refuse the copy (by raising) before it takes the folder's place. The target must be closed.
    """
    if not is_vault(backup):
        raise VaultError(code="restore.not_a_backup", name=backup.name)
    if target.exists() and backup.resolve() == target.resolve():
        raise VaultError(code="restore.same_folder")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%SZ")
    kept = target.with_name(f"{target.name}.before-restore-{stamp}")
    incoming = target.with_name(f".{target.name}.restoring")
    try:
        shutil.rmtree(incoming, ignore_errors=True)
        incoming.mkdir(mode=0o700)
        for name in (DB_NAME, SLOTS_NAME):
            shutil.copyfile(backup / name, incoming / name)
            (incoming / name).chmod(0o600)
        if verify is not None:
            verify(incoming)
        if target.exists():
            target.rename(kept)
        incoming.rename(target)
        fsync_dir(target.parent)
    except OSError as exc:
        shutil.rmtree(incoming, ignore_errors=True)
        raise explain_os_error(exc, target / DB_NAME) from None
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    return kept
