"""Which backend a STORE path names: an RCO store folder (SQLite) or a key folder of a store
on PostgreSQL (storage/rco_pg.py, imported only then: psycopg is an optional extra)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.crypto import kdf
from coachdesk.errors import CoachDeskError, IntegrityError, VaultError
from coachdesk.files import explain_os_error, fsync_dir
from coachdesk.rco import metrics
from coachdesk.rco.store import RcoBackend, RcoStore, SqliteBackend
from coachdesk.storage.lockout import Clock, utc_now
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, Vault, backup_paths

if TYPE_CHECKING:
    from coachdesk.rco.desk import RcoDesk
    from coachdesk.storage.rco_pg import PostgresBackend

LOCATOR_NAME = "postgres.json"  # = storage.rco_pg.LOCATOR_NAME, without importing psycopg


def is_postgres(path: Path | str) -> bool:
    return (Path(path) / LOCATOR_NAME).is_file()


def open_backend(
    path: Path | str, secret: str, *, recovery: bool = False, clock: Clock = utc_now
) -> RcoBackend:
    from coachdesk.storage import rco_pg

    return rco_pg.open_backend(path, secret, recovery=recovery, clock=clock)


def create_backend(
    path: Path | str, url: str, passphrase: str, params: kdf.KdfParams | None = None
) -> tuple[RcoBackend, str]:
    from coachdesk.storage import rco_pg

    return rco_pg.create(path, url, passphrase, params=params)


@dataclass(frozen=True, slots=True)
class Migration:
    rows: dict[str, int]  # table -> rows copied (equal on both sides, else MigrationError)
    figures_equal: bool


def on_server(backend: RcoBackend) -> bool:
    """Whether the store is on PostgreSQL (its backend holds no store file)."""
    return getattr(backend, "key_folder", None) is not None


def migrate_store(
    sqlite_store: Path | str,
    passphrase: str,
    keys: Path | str,
    url: str,
    *,
    recovery_code: bool = False,
) -> Migration:
    """Copy an RCO store folder into an empty PostgreSQL database; `keys` becomes its key
    folder, holding the store's own key slots (the same passphrase and recovery code). The
    copy is verified by the row count of every table and by the figures being equal; the
    SQLite store is only read. `recovery_code`: `passphrase` is the store's recovery code."""
    from coachdesk.rco.desk import RcoDesk
    from coachdesk.storage import rco_pg

    store = (
        RcoStore.open_with_recovery_code(sqlite_store, passphrase)
        if recovery_code
        else RcoStore.open(sqlite_store, passphrase)
    )
    source = RcoDesk(SqliteBackend(store))
    try:
        tables = rco_pg.store_tables(store.conn)
        # The store key itself moves with its slots, so the audit chain's tags stay valid.
        backend = rco_pg.create_from_keys(
            keys,
            url,
            Path(sqlite_store) / SLOTS_NAME,
            str(store.get_meta("vault_id") or ""),
            bytes(store._key),
        )
        with RcoDesk(backend) as copy:
            with backend.transaction():
                for key, value in store.conn.execute("SELECT key, value FROM meta"):
                    backend.set_meta(str(key), str(value))
                rco_pg.copy_tables(store.conn, backend, tables)
            counted = [*tables, "meta"]
            before = rco_pg.row_counts(store.conn, counted)
            after = rco_pg.row_counts(backend.conn.raw, counted)
            if before != after:
                differ = ", ".join(t for t in counted if before[t] != after[t])
                raise CoachDeskError(
                    f"The copy in PostgreSQL does not hold the same rows ({differ}); do not "
                    "use it. The SQLite store is unchanged."
                )
            everything = metrics.Filters()
            if source.figures(everything) != copy.figures(everything):
                raise CoachDeskError(
                    "The figures of the copy in PostgreSQL differ from the store's; do not use it. "
                    "The SQLite store is unchanged."
                )
        return Migration(before, True)
    finally:
        source.close()


def backup(desk: RcoDesk, dest_folder: Path | str, *, now: datetime | None = None) -> Path:
    """A store on PostgreSQL, backed up without pg_dump: DEST/<key folder>-<UTC time>.cdbackup,
    an RCO store folder of the SQLite kind holding every row of one consistent snapshot (taken
    while importers keep importing), encrypted by SQLCipher with the store's own key, beside a
    copy of the key slots: the same passphrase and recovery code open it, the audit chain's
    tags stay valid, and `rco restore --postgres` puts it into an empty database (through
    migrate_store) - or the desk opens it as it is if the server is gone. The meta secrets,
    sealed in the database, are unsealed into the encrypted file only. Verified before it
    takes its name: SQLCipher's integrity check, the row count of every table against the
    snapshot, the audit chain, the RCO identity."""
    from coachdesk.rco.desk import RcoDesk
    from coachdesk.storage import rco_pg

    backend: PostgresBackend = desk.backend  # type: ignore[assignment]
    final, work = backup_paths(dest_folder, backend.key_folder.name, now)
    try:
        work.mkdir(mode=0o700)
        shutil.copyfile(backend.key_folder / SLOTS_NAME, work / SLOTS_NAME)
        os.chmod(work / SLOTS_NAME, 0o600)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise explain_os_error(exc, final) from None
    try:
        # A new SQLCipher file under the store key, its schema from the SQLite migrations.
        store = RcoStore._open_with_key(work, backend.store_key, create=True)
        copy = RcoDesk(SqliteBackend(store))
        with copy:
            tables = rco_pg.store_tables(store.conn)
            with store.transaction(), rco_pg.snapshot(backend):
                if extra := rco_pg.pg_tables(backend) - set(tables):
                    raise VaultError(
                        f"This program cannot back up the tables {', '.join(sorted(extra))}; "
                        "use the CoachDesk version that made them."
                    )
                for key, value in rco_pg.meta_items(backend).items():
                    if key != "store_kind":
                        store.set_meta(key, value)
                rco_pg.copy_rows_out(backend, store.conn, tables)
                expected = rco_pg.row_counts(backend.conn.raw, tables)
            _verify_copy(copy, store, tables, expected, desk.fingerprint)
        for name in (DB_NAME, SLOTS_NAME):
            with open(work / name, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(work, final)
        fsync_dir(final.parent)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise explain_os_error(exc, final) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def _verify_copy(
    copy: RcoDesk, store: Vault, tables: list[str], expected: dict[str, int], fp: str
) -> None:
    from coachdesk.storage import rco_pg

    problem = ""
    if not store.check(full=True).ok:
        problem = "it failed its integrity check"
    elif rco_pg.row_counts(store.conn, tables) != expected:
        problem = "it does not hold the same rows as the database"
    elif copy.backend.audit_broken_at() is not None:
        problem = "its audit chain does not verify"
    elif copy.fingerprint != fp:
        problem = "its RCO identity differs"
    if problem:
        raise IntegrityError(f"The backup did not verify ({problem}); it was not kept.")
