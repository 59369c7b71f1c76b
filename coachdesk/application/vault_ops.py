"""The vault lifecycle, once for both front-ends: create, open, check, back up, restore,
change the passphrase, recover with the recovery code.

The command line (cli/vault_cmds.py) and the window (ui/unlock.py, ui/main_window.py,
ui/vault_dialogs.py) call these; key derivation runs here, so the window calls them on a
worker thread, never on the GUI thread. docs/security.md describes the key design.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import CoachProfile
from coachdesk.errors import IntegrityError, VaultError, WrongPassphraseError
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.restore import restore_folder
from coachdesk.storage.vault import Vault


@dataclass(frozen=True, slots=True)
class CreatedVault:
    path: Path
    recovery_code: str  # shown once, never stored in clear


@dataclass(frozen=True, slots=True)
class CheckResult:
    vault: str
    cipher_version: str
    schema_version: int
    integrity: str | list[str]  # "ok" or the problems found
    audit_chain: str  # "ok" or where it was altered
    ok: bool


def create_vault(
    path: Path, passphrase: str, *, name: str = "", organisation: str = ""
) -> CreatedVault:
    """A new vault folder, with the coach's profile when a name is given."""
    vault, code = Vault.create(path, passphrase)
    with vault:
        if name:
            Caseload(vault).set_profile(CoachProfile(name, organisation))
    return CreatedVault(Path(path), code)


@contextmanager
def unlocked(path: Path, passphrase: str) -> Iterator[Caseload]:
    """Unlock `path` for the duration of the block, then lock it again (closes the key). The
    full check of every page runs at most once a day (the first command of the day)."""
    vault = Vault.open(path, passphrase)
    try:
        vault.check_if_due()
        yield Caseload(vault)
    finally:
        vault.close()


def check_vault(path: Path, passphrase: str) -> CheckResult:
    """Full checks (cipher integrity, SQLite integrity, the audit chain); a damaged vault is
    opened read-only to be checked and never repaired silently."""
    with Vault.open(path, passphrase, allow_damaged=True) as vault:
        report = vault.check(full=True)
        broken = AuditLog(vault.conn, vault.audit_key).verify()
    return CheckResult(
        str(path),
        report.cipher_version,
        report.schema_version,
        "ok" if report.ok else report.integrity_errors,
        "ok" if broken is None else f"altered at entry {broken}",
        report.ok and broken is None,
    )


def backup_vault(vault: Vault, dest: Path) -> Path:
    """A verified encrypted copy in `dest` (same key: the same passphrase opens it)."""
    return vault.backup(dest)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-wrap the vault key under `new`; only keyslots.json changes (the vault may be open)."""
    Vault.change_passphrase(path, old, new)


def recover(path: Path, recovery_code: str, new: str) -> None:
    """Set a new passphrase with the recovery code (a forgotten passphrase loses nothing)."""
    Vault.reset_passphrase(path, recovery_code, new)


def restore_backup(
    backup: Path, vault: Path, *, passphrase: str | None = None, now: datetime | None = None
) -> Path:
    """Replace `vault` by a copy of `backup`; return where the previous vault was kept.

    The current vault folder is kept beside it as <name>.before-restore-<UTC time>, so a
    restore never destroys anything; the backup folder itself is never written to. With
    `passphrase`, the copy is unlocked and fully checked before it takes the vault's place
    (the command line); the window instead unlocks the restored vault on its unlock screen.
    The vault must be closed (the window locks first).
    """
    return restore_folder(
        backup,
        vault,
        verify=(lambda copy: _verify_copy(copy, passphrase)) if passphrase is not None else None,
        now=now,
    )


def _verify_copy(folder: Path, passphrase: str) -> None:
    try:
        result = check_vault(folder, passphrase)
    except WrongPassphraseError:
        raise VaultError(code="restore.wrong_passphrase") from None
    if not result.ok:
        raise IntegrityError(code="vault.check_failed")
