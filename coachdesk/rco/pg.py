"""Which backend a STORE path names: an RCO store folder (SQLite) or a key folder of a store
on PostgreSQL (storage/rco_pg.py, imported only then: psycopg is an optional extra)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coachdesk.crypto import kdf
from coachdesk.errors import CoachDeskError
from coachdesk.rco import metrics
from coachdesk.rco.store import RcoBackend, RcoStore, SqliteBackend
from coachdesk.storage.lockout import Clock, utc_now
from coachdesk.storage.vault import SLOTS_NAME

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


def migrate_store(
    sqlite_store: Path | str, passphrase: str, keys: Path | str, url: str
) -> Migration:
    """Copy an RCO store folder into an empty PostgreSQL database; `keys` becomes its key
    folder, holding the store's own key slots (the same passphrase and recovery code). The
    copy is verified by the row count of every table and by the figures being equal; the
    SQLite store is only read."""
    from coachdesk.rco.desk import RcoDesk
    from coachdesk.storage import rco_pg

    store = RcoStore.open(sqlite_store, passphrase)
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
