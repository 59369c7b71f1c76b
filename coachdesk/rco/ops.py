"""Operations on the RCO store itself: backup, restore, recovery, checks, audit, recovery kit.

One implementation for the CLI (cli/rco_store_cmds.py) and the desk window; no Qt. Everything
that is the same as for a coach's vault is the vault's code: `Vault.backup` (verified with the
store's own tables: every table's row count), the key-slot passphrase change and recovery,
`storage.restore.restore_folder` (the swap that keeps the current folder aside), the audit chain.

Threading: functions taking an RcoDesk run on the thread that owns it (the desk's worker);
the path-based ones need the store closed (restore) or touch only keyslots.json (passwd).
"""

from __future__ import annotations

import csv
import io
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from coachdesk.core.models import AuditEntry
from coachdesk.errors import CoachDeskError, IntegrityError, VaultError, WrongPassphraseError
from coachdesk.files import explain_os_error, write_atomic
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import pg as rco_pg
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.store import RcoStore, SqliteBackend
from coachdesk.storage import migrate
from coachdesk.storage.restore import restore_folder
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, is_vault


def _store(desk: RcoDesk) -> RcoStore:
    backend = desk.backend
    if not isinstance(backend, SqliteBackend) or not isinstance(backend.store, RcoStore):
        raise CoachDeskError("This operation needs an RCO store folder, not a store on a server.")
    return backend.store


# -- opening ---------------------------------------------------------------------------------


def open_with_recovery_code(path: Path | str, code: str) -> RcoDesk:
    """Unlock the store with the printed recovery code (audited as an unlock by that slot)."""
    return RcoDesk(SqliteBackend(RcoStore.open_with_recovery_code(path, code)))


def open_for_check(path: Path | str, passphrase: str) -> RcoDesk:
    """Open even a damaged store, read-only, so that `check` can say what is wrong (a store
    on PostgreSQL opens as usual: the server keeps its pages whole)."""
    if rco_pg.is_postgres(path):
        return RcoDesk.open(path, passphrase)
    return RcoDesk(SqliteBackend(RcoStore.open(path, passphrase, allow_damaged=True)))


# -- backup and restore ----------------------------------------------------------------------


def backup(desk: RcoDesk, dest_folder: Path | str, *, now: datetime | None = None) -> Path:
    """Write DEST/<store>-<UTC time>.cdbackup, encrypted with the store's key and verified
    (integrity and the row count of every table) before it takes its name. A store on
    PostgreSQL is backed up into the same kind of folder (rco/pg.py `backup`)."""
    if rco_pg.on_server(desk.backend):
        target = rco_pg.backup(desk, dest_folder, now=now)
    else:
        target = _store(desk).backup(dest_folder, now=now)
    rco_audit.record(desk.backend, rco_audit.BACKUP, file=str(target))
    return target


@dataclass(slots=True)
class RestoreResult:
    store: Path
    kept: Path | None  # where the previous store was put aside (None: there was none)
    fingerprint: str  # the restored store's RCO fingerprint


def restore(
    backup_folder: Path | str,
    store: Path | str,
    secret: str,
    *,
    recovery_code: bool = False,
    now: datetime | None = None,
    postgres: str | None = None,
) -> RestoreResult:
    """Put a backup in place of the (closed) store, keeping the current one aside as
    <name>.before-restore-<UTC time>. A backup that does not open and pass every check is
    refused and nothing is changed. `secret` is the passphrase the store had when the backup
    was made, or the recovery code (`recovery_code=True`), which never changes.

    `postgres`: restore into that empty PostgreSQL database instead, `store` being the new key
    folder to make (any backup will do: of a store folder or of a store on PostgreSQL); the
    copy is verified by row counts and figures as by migrate-store.

    The backup itself is never opened (opening writes): a private copy beside the store is
    checked, then swapped in by the coach vault's restore (or copied into the database)."""
    backup_folder, store = Path(backup_folder), Path(store)
    if not is_vault(backup_folder):
        raise CoachDeskError(f"{backup_folder} is not a backup of an RCO store.")
    if postgres is not None:
        from coachdesk.storage import rco_pg as storage_pg

        storage_pg.check_url(postgres)
        if store.exists() and (not store.is_dir() or any(store.iterdir())):
            raise VaultError(f"{store} already exists; choose a new folder for the keys.")
    trial = store.with_name(f".{store.name}.verify-{uuid.uuid4().hex[:8]}")
    try:
        try:
            trial.mkdir(mode=0o700)
            for name in (DB_NAME, SLOTS_NAME):
                shutil.copyfile(backup_folder / name, trial / name)
                (trial / name).chmod(0o600)
        except OSError as exc:
            raise explain_os_error(exc, store / DB_NAME) from None
        fingerprint = _verify_backup(trial, backup_folder, secret, recovery_code)
        if postgres is not None:
            rco_pg.migrate_store(trial, secret, store, postgres, recovery_code=recovery_code)
            return RestoreResult(store, None, fingerprint)
        existed = store.exists()
        kept = restore_folder(trial, store, now=now)
        return RestoreResult(store, kept if existed else None, fingerprint)
    finally:
        shutil.rmtree(trial, ignore_errors=True)


def _verify_backup(trial: Path, original: Path, secret: str, recovery_code: bool) -> str:
    refused = f"The backup {original.name} was not restored and the store was not changed"
    try:
        opened = (
            RcoStore.open_with_recovery_code(trial, secret)
            if recovery_code
            else RcoStore.open(trial, secret)
        )
    except WrongPassphraseError:
        raise CoachDeskError(
            f"{refused}: this passphrase does not open it. A backup opens with the passphrase "
            "the store had when the backup was made, or with the recovery code."
        ) from None
    except IntegrityError:
        raise IntegrityError(f"{refused}: it is damaged.") from None
    except VaultError as exc:
        raise VaultError(f"{refused}: {exc}") from None
    with RcoDesk(SqliteBackend(opened)) as desk:
        broken = desk.backend.audit_broken_at()
        if broken is not None:
            raise IntegrityError(f"{refused}: its audit log was altered (entry {broken}).")
        try:
            fingerprint = desk.fingerprint
        except (CoachDeskError, ValueError, KeyError):
            raise IntegrityError(f"{refused}: it holds no usable RCO identity.") from None
        rco_audit.record(desk.backend, rco_audit.RESTORED, backup=str(original))
    return fingerprint


# -- checks ----------------------------------------------------------------------------------


@dataclass(slots=True)
class StoreCheck:
    store: str
    cipher_version: str
    schema_version: int
    integrity: list[str]
    audit_broken_at: int | None
    fingerprint: str
    rows: dict[str, int] = field(default_factory=dict)
    schema_expected: int = field(default_factory=lambda: migrate.schema_version(migrate.RCO))

    @property
    def ok(self) -> bool:
        return not self.integrity and self.audit_broken_at is None and bool(self.fingerprint)

    @property
    def verdict(self) -> str:
        if self.ok:
            return "The RCO store passed every check."
        problems = []
        if self.integrity:  # nothing further was read from a damaged file
            problems.append("its database is damaged")
        elif self.audit_broken_at is not None:
            problems.append(f"its audit log was altered at entry {self.audit_broken_at}")
        elif not self.fingerprint:
            problems.append("its RCO identity cannot be read")
        return (
            f"The RCO store did not pass its checks: {' and '.join(problems)}. Restore it from "
            "a backup (coachdesk rco restore)."
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "cipher_version": self.cipher_version,
            "schema_version": self.schema_version,
            "schema_expected": self.schema_expected,
            "integrity": "ok" if not self.integrity else self.integrity,
            "audit_chain": _chain_word(self.audit_broken_at, checked=not self.integrity),
            "fingerprint": self.fingerprint,
            "rows": self.rows,
            "ok": self.ok,
            "verdict": self.verdict,
        }


def _chain_word(broken_at: int | None, *, checked: bool = True) -> str:
    if not checked:
        return "not checked (the database is damaged)"
    return "ok" if broken_at is None else f"altered at entry {broken_at}"


def check(desk: RcoDesk) -> StoreCheck:
    """The vault's full integrity check, the audit chain, the identity and the row counts."""
    if rco_pg.on_server(desk.backend):
        return _check_on_server(desk)
    store = _store(desk)
    report = store.check(full=True)
    result = StoreCheck(
        str(store.path),
        report.cipher_version,
        report.schema_version,
        report.integrity_errors,
        None,
        "",
    )
    if not report.ok:
        return result  # reading on from a damaged file would only add noise
    return _read_on(desk, result)


def _read_on(desk: RcoDesk, result: StoreCheck) -> StoreCheck:
    """What a sound store is checked for next: the audit chain, the identity, the rows."""
    result.audit_broken_at = desk.backend.audit_broken_at()
    try:
        result.fingerprint = desk.fingerprint
    except (CoachDeskError, ValueError, KeyError):
        result.fingerprint = ""
    result.rows = _row_counts(desk)
    return result


def _check_on_server(desk: RcoDesk) -> StoreCheck:
    """A store on PostgreSQL: the server guards its pages (checksums, WAL); what is ours to
    check is the schema version, that every sealed setting opens with this key folder's key
    (none altered or moved between stores), the audit chain, the identity, the row counts."""
    from coachdesk.storage import rco_pg as storage_pg

    backend: Any = desk.backend
    version, newest = storage_pg.schema_version_of(backend)
    problems: list[str] = []
    if version != newest:
        problems.append(f"schema version {version}, expected {newest}")
    try:
        storage_pg.meta_items(backend)
    except IntegrityError as exc:
        problems.append(str(exc))
    result = StoreCheck(
        str(backend.key_folder), storage_pg.server_version(backend), version, problems, None, ""
    )
    result.schema_expected = newest
    return result if problems else _read_on(desk, result)


def _row_counts(desk: RcoDesk) -> dict[str, int]:
    b = desk.backend
    return {
        "devices": len(b.list_devices()),
        "bundles": len(b.list_bundles()),
        "episodes": b.count_episodes(),
        "flags": len(b.list_flags()),
        "directory_entries": len(b.list_directory()),
        "audit": len(b.audit_entries()),
    }


# -- audit -----------------------------------------------------------------------------------


@dataclass(slots=True)
class AuditView:
    entries: list[AuditEntry]  # oldest first
    broken_at: int | None

    @property
    def verdict(self) -> str:
        if self.broken_at is None:
            return f"Audit log intact ({len(self.entries)} entries)."
        return (
            f"The audit log was altered at entry {self.broken_at}: that entry and every later "
            "one cannot be trusted. Restore the store from a backup."
        )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "detail": rco_audit.fields_of(e),
                "verified": self.broken_at is None or (e.id or 0) < self.broken_at,
            }
            for e in self.entries
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "chain": _chain_word(self.broken_at),
            "entries": self.rows(),
        }

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "at", "actor", "action", "detail", "verified"])
        for e, row in zip(self.entries, self.rows(), strict=True):
            writer.writerow(
                [
                    row["id"],
                    row["at"],
                    row["actor"],
                    row["action"],
                    e.detail,
                    "yes" if row["verified"] else "NO",
                ]
            )
        return buffer.getvalue()


def audit_view(desk: RcoDesk) -> AuditView:
    return AuditView(desk.backend.audit_entries(), desk.backend.audit_broken_at())


def write_audit_csv(view: AuditView, target: Path | str) -> Path:
    return write_atomic(target, view.csv_text().encode("utf-8"))


# -- recovery kit ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecoveryKit:
    rco_name: str
    store: str
    store_id: str
    fingerprint: str
    recovery_code: str
    created: date


def recovery_kit(desk: RcoDesk, code: str, *, today: date | None = None) -> RecoveryKit:
    # A store on PostgreSQL is named by its key folder (storage/rco_pg.py).
    where = getattr(desk.backend, "key_folder", None) or _store(desk).path
    return RecoveryKit(
        desk.name,
        str(where),
        desk.backend.get_meta("vault_id") or "",
        desk.fingerprint,
        code,
        today or datetime.now(UTC).date(),
    )


_KIT: dict[str, dict[str, str]] = {
    "en": {
        "title": "CoachDesk RCO store - recovery kit",
        "rco": "RCO",
        "store": "Store folder",
        "store_id": "Store id",
        "fingerprint": "RCO fingerprint",
        "code": "Recovery code",
        "created": "Created",
        "keep": "This code is shown only once. Print or write this sheet and keep it locked away "
        "from the desk's computer: with the store (or a backup of it) it opens every sealed "
        "bundle the coaches send, without the passphrase.",
        "use": "Forgotten passphrase: coachdesk rco recover STORE. The fingerprint is the one "
        "coaches compare when they enroll.",
    },
    "es": {
        "title": "Almacén de la organización en CoachDesk - kit de recuperación",
        "rco": "Organización",
        "store": "Carpeta del almacén",
        "store_id": "Id. del almacén",
        "fingerprint": "Huella de la organización",
        "code": "Código de recuperación",
        "created": "Creado",
        "keep": "Este código se muestra una sola vez. Imprima o copie esta hoja y guárdela bajo "
        "llave, lejos del equipo del escritorio: junto con el almacén (o una copia de "
        "seguridad) abre todos los paquetes sellados de los coaches, sin la frase de paso.",
        "use": "Frase de paso olvidada: coachdesk rco recover ALMACÉN. La huella es la que los "
        "coaches comparan al inscribirse.",
    },
}


def kit_lines(kit: RecoveryKit, lang: str = "en") -> list[str]:
    """The kit as a plain block of text to print (English or Spanish)."""
    words = _KIT.get(lang, _KIT["en"])
    fields = [
        (words["rco"], kit.rco_name),
        (words["store"], kit.store),
        (words["store_id"], kit.store_id),
        (words["fingerprint"], kit.fingerprint),
        (words["code"], kit.recovery_code),
        (words["created"], kit.created.isoformat()),
    ]
    width = max(len(label) for label, _ in fields) + 2
    rule = "=" * 72
    lines = [rule, words["title"], rule]
    lines += [f"{label + ':':<{width}}{value}" for label, value in fields]
    lines += ["", *_wrap(words["keep"]), *_wrap(words["use"]), rule]
    return lines


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, 72)
