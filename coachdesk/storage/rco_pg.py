"""The RCO store on a PostgreSQL server (psycopg 3), for a network that outgrows one machine.

    KEYS/                 the key folder, on each importer's host (never in the database)
      keyslots.json       the store key wrapped by the passphrase and by the recovery code
      postgres.json       which database holds the store (a libpq URL without password)
      unlock-failures.json

The database holds the tables of the SQLite store (schema in rco_pg_migrations/, JSON as
jsonb, but the period cells' counts as text: read whole, never queried inside). The secrets the
desk keeps in `meta` (the RCO identity's secret keys, retired keys, the inbox password) are
sealed with AES-GCM by a key derived from the store key, so the database alone, its dumps and
its replicas, never hold them in plaintext (docs/security.md).

The SQL of every backend method is the one in rco_repos.py, run through `_PgConn`, which
adapts SQLite's dialect (`?` parameters, two-argument min/max); only meta, the schema and the
locks are written here (and period_settings asks for the skip scan PostgreSQL needs, and the
import's two bulk writes, a bundle's episodes and period cells, go as one JSON array each:
tests/unit/test_rco_import_rows.py checks they leave the rows rco_repos's SQL leaves). A method
added to the protocol and to SqliteBackend over rco_repos therefore works here too.

Concurrent importers: each transaction takes transaction-scoped advisory locks, always in the
order bundle -> device -> audit, so they never deadlock: the bundle's (or suggestion's) lock
before "already present?" (two importers of one file: the second waits, then sees it), the
device's lock before its counters and episodes are read (merges of one device never
interleave), the audit lock before the chain head is read (the HMAC chain never forks). READ
COMMITTED suffices: each statement after a lock sees what the previous holder committed.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coachdesk.crypto import kdf
from coachdesk.errors import (
    CoachDeskError,
    IntegrityError,
    LockoutError,
    VaultError,
    WrongPassphraseError,
)
from coachdesk.files import write_atomic
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.model import Coverage, Device, DeviceStatus, Episode, PeriodCell
from coachdesk.rco.store import SqliteBackend
from coachdesk.storage import rco_repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlots,
    new_slots,
    normalize_recovery_code,
)
from coachdesk.storage.lockout import Clock, FailedUnlocks, utc_now
from coachdesk.storage.vault import (
    FAILURES_NAME,
    SLOTS_NAME,
    _subkey,
    check_passphrase_rules,
)

LOCATOR_NAME = "postgres.json"
_FORMAT = "coachdesk-rco-postgres"
_MIGRATIONS = Path(__file__).with_name("rco_pg_migrations")
# Advisory lock classes (the first int4 of pg_advisory_xact_lock); see the module docstring.
_LOCK_BUNDLE, _LOCK_DEVICE, _LOCK_AUDIT = 1401, 1402, 1403


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise CoachDeskError(
            "The PostgreSQL store needs the psycopg package: pip install 'coachdesk[postgres]'."
        ) from None
    return psycopg


# -- dialect -----------------------------------------------------------------------------------

_MINMAX = re.compile(r"\b(min|max)\(([^()]*,[^()]*)\)", re.IGNORECASE)
_translated: dict[str, str] = {}


def translate(sql: str) -> str:
    """SQLite SQL of rco_repos/audit -> PostgreSQL: `?` -> `%s`, scalar min/max(a, b) ->
    least/greatest (aggregates take one argument and are left alone)."""
    done = _translated.get(sql)
    if done is None:
        done = sql.replace("%", "%%").replace("?", "%s")
        done = _MINMAX.sub(
            lambda m: ("least" if m[1].lower() == "min" else "greatest") + f"({m[2]})", done
        )
        _translated[sql] = done
    return done


class _PgConn:
    """The slice of the sqlite3 connection API that rco_repos and AuditLog use."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        cur = self.raw.cursor()
        rows = list(rows)
        if rows:
            cur.executemany(translate(sql), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        return bool(self.raw.info.transaction_status != _psycopg().pq.TransactionStatus.IDLE)


def connect(url: str) -> Any:
    """An autocommit connection (statements outside transaction() commit alone); jsonb is read
    back as its text, as the SQLite store's JSON columns are."""
    psycopg = _psycopg()
    from psycopg.types.string import TextLoader

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=15)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VaultError(f"The PostgreSQL server cannot be reached: {first}") from None
    conn.adapters.register_loader("jsonb", TextLoader)
    return conn


def migrate(conn: Any, new_store_id: str | None = None) -> int:
    """Apply rco_pg_migrations/ not yet applied (under a lock: importers may start together);
    `new_store_id` marks an empty database as this store."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_LOCK_AUDIT + 1,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS coachdesk_store "
            "(schema_version integer NOT NULL, store_id text NOT NULL)"
        )
        row = conn.execute("SELECT schema_version FROM coachdesk_store").fetchone()
        if row is None:
            if new_store_id is None:
                raise VaultError("That database holds no RCO store.")
            conn.execute("INSERT INTO coachdesk_store VALUES (0, %s)", (new_store_id,))
        elif new_store_id is not None:
            raise VaultError("That database already holds an RCO store.")
        version = int(row[0]) if row else 0
        for path in sorted(_MIGRATIONS.glob("*.sql")):
            number = int(path.name.split("_", 1)[0])
            if number > version:
                conn.execute(path.read_text("utf-8"))
                version = number
        conn.execute("UPDATE coachdesk_store SET schema_version = %s", (version,))
    return version


def store_id_of(conn: Any) -> str | None:
    exists = conn.execute("SELECT to_regclass('coachdesk_store')").fetchone()[0]
    if exists is None:
        return None
    row = conn.execute("SELECT store_id FROM coachdesk_store").fetchone()
    return str(row[0]) if row else None


# -- the backend -------------------------------------------------------------------------------


def _episode_from_json(i: int, column: str) -> str:
    if column in rco_repos.EPISODE_JSON_COLUMNS:
        return f"r->{i}"
    if column in _EPISODE_INTEGERS:
        return f"(r->>{i})::bigint"
    return f"r->>{i}"


_EPISODE_INTEGERS = frozenset(("sessions", "attempts", "group_sessions", "counter"))
_UPSERT_EPISODES = (
    f"INSERT INTO episodes ({', '.join(rco_repos.EPISODE_COLUMNS)}) SELECT "
    + ", ".join(_episode_from_json(i, c) for i, c in enumerate(rco_repos.EPISODE_COLUMNS))
    + " FROM jsonb_array_elements(%s::jsonb) AS r "
    f"ON CONFLICT (device_id, pseudonym) DO UPDATE SET {rco_repos.EPISODE_UPDATES}"
)


_INSERT_CELLS = (
    f"INSERT INTO period_cells ({rco_repos.PERIOD_CELL_COLUMNS}) "
    "SELECT r->>0, r->>1, r->>2, r->>3, (r->>4)::bigint, r->>5 "
    "FROM jsonb_array_elements(%s::jsonb) AS r"
)


def _json_rows(rows: list[list[Any]]) -> str:
    """Rows for jsonb_array_elements: one document, encoded in one call."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


class PostgresBackend(SqliteBackend):
    """Every RcoBackend method over PostgreSQL: the rco_repos ones are inherited and run on
    `_PgConn`; meta, transactions, locks and the audit log are PostgreSQL's own here."""

    store = None  # type: ignore[assignment]  # no RcoStore: ops.py refuses file operations

    def __init__(self, conn: Any, store_key: bytes, key_folder: Path) -> None:
        self.conn = _PgConn(conn)
        self.key_folder = key_folder
        self.store_key = store_key  # a backup is a SQLite store encrypted with this key
        self._meta_key = _subkey(store_key, "pg-meta")
        self._audit_key = _subkey(store_key, "audit")
        self._device_locked = False

    @property
    def _c(self) -> object:
        return self.conn

    @contextmanager
    def _transaction(self) -> Iterator[object]:
        self._device_locked = False
        try:
            with self.conn.raw.transaction() as tx:
                yield tx
        finally:
            self._device_locked = False

    def transaction(self) -> AbstractContextManager[object]:
        return self._transaction()

    def _lock(self, kind: int, name: str) -> None:
        if self.conn.in_transaction:
            self.conn.raw.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (kind, name))

    # -- meta: sealed, the key name bound as associated data ----------------------------------

    def _seal(self, key: str, value: str) -> str:
        nonce = os.urandom(12)
        sealed = AESGCM(self._meta_key).encrypt(nonce, value.encode("utf-8"), key.encode())
        return base64.b64encode(nonce + sealed).decode("ascii")

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.raw.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        if row is None:
            return default
        try:
            raw = base64.b64decode(row[0], validate=True)
            return AESGCM(self._meta_key).decrypt(raw[:12], raw[12:], key.encode()).decode()
        except (ValueError, InvalidTag):
            raise IntegrityError(
                f"The store's setting {key} in the database was altered or belongs to another "
                "store."
            ) from None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.raw.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, self._seal(key, value)),
        )

    # -- the locks ------------------------------------------------------------------------------

    def has_bundle(self, bundle_id: str) -> bool:
        if not self._device_locked:  # bundle before device, never after: no deadlock
            self._lock(_LOCK_BUNDLE, bundle_id)
        return super().has_bundle(bundle_id)

    def suggestion_digest(self, suggestion_id: str) -> str | None:
        # As has_bundle: two importers of one suggestion file take turns, and the second sees
        # it held (already present) instead of a duplicate-key error on the insert.
        if not self._device_locked:
            self._lock(_LOCK_BUNDLE, f"suggestion:{suggestion_id}")
        return super().suggestion_digest(suggestion_id)

    def _lock_device(self, device_id: str) -> None:
        if self.conn.in_transaction and not self._device_locked:
            self._lock(_LOCK_DEVICE, device_id)
            self._device_locked = True

    def get_device(self, device_id: str) -> Device | None:
        self._lock_device(device_id)
        return super().get_device(device_id)

    def set_device_status(
        self, device_id: str, status: DeviceStatus, now: str, name: str | None = None
    ) -> None:
        self._lock_device(device_id)
        super().set_device_status(device_id, status, now, name)

    # -- the import's writes ---------------------------------------------------------------------

    def upsert_episodes(self, episodes: Iterable[Episode]) -> None:
        """rco_repos.upsert_episodes in one statement: a bundle's rows (400 for a coach) go as
        one JSON array, encoded in one call and unpacked by the server, instead of 400
        parameter sets each bound and sent by psycopg (a third of the import's client time;
        less server time too). The JSON columns are jsonb: their text is the server's."""
        rows = [rco_repos.episode_row(e) for e in episodes]
        if rows:
            self.conn.raw.execute(_UPSERT_EPISODES, (_json_rows(rows),))

    def replace_period_cells(
        self, coverage: Coverage, covered: Iterable[str], cells: Iterable[PeriodCell]
    ) -> None:
        """rco_repos.replace_period_cells with one DELETE for the covered periods and the new
        cells sent as one JSON array, as the episodes."""
        raw = self.conn.raw
        raw.execute(
            "DELETE FROM period_cells WHERE device_id = %s AND period = ANY(%s)",
            (coverage.device_id, list(covered)),
        )
        rows = rco_repos.period_cell_rows(coverage, cells)
        if rows:
            raw.execute(_INSERT_CELLS, (_json_rows(rows),))
        rco_repos.upsert_coverage(self._c, coverage)

    # -- the dashboard's reads ------------------------------------------------------------------

    def period_settings(self) -> list[tuple[str, str]]:
        return rco_repos.period_settings(self._c, skip_scan=True)

    # -- the audit log --------------------------------------------------------------------------

    def _audit_log(self) -> AuditLog:
        return AuditLog(self.conn, self._audit_key)

    def audit(self, action: str, detail: str) -> None:
        if self.conn.in_transaction:
            self._lock(_LOCK_AUDIT, "")
            self._audit_log().append(rco_audit.ACTOR, action, detail=detail)
            return
        with self.transaction():
            self._lock(_LOCK_AUDIT, "")
            self._audit_log().append(rco_audit.ACTOR, action, detail=detail)

    def close(self) -> None:
        self.conn.raw.close()


# -- the key folder ------------------------------------------------------------------------------


def is_key_folder(path: Path | str) -> bool:
    return (Path(path) / LOCATOR_NAME).is_file()


def _read_locator(folder: Path) -> dict[str, str]:
    try:
        doc = json.loads((folder / LOCATOR_NAME).read_text("utf-8"))
        if doc.get("format") != _FORMAT:
            raise ValueError
        return {"url": str(doc["url"]), "store_id": str(doc["store_id"])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise IntegrityError(f"The key folder's {LOCATOR_NAME} is damaged.") from None


def check_url(url: str) -> str:
    psycopg = _psycopg()
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise CoachDeskError("That is not a PostgreSQL connection string.") from None
    if parts.get("password"):
        raise CoachDeskError(
            "Keep the database password out of the connection string (it would be saved in "
            "the key folder): use ~/.pgpass, PGPASSWORD or a client certificate."
        )
    return url


def _new_store(
    folder: Path, url: str, slots: bytes, store_id: str, store_key: bytes
) -> PostgresBackend:
    """The key folder (`slots` and where the database is) and an empty store in `url`."""
    check_url(url)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise VaultError(f"{folder} already exists; choose a new folder for the keys.")
    conn = connect(url)
    try:
        if store_id_of(conn) is not None:
            raise VaultError("That database already holds an RCO store.")
        migrate(conn, store_id)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(folder / SLOTS_NAME, slots)
        locator = {"format": _FORMAT, "url": url, "store_id": store_id}
        write_atomic(folder / LOCATOR_NAME, json.dumps(locator, indent=2).encode("utf-8"))
    except BaseException:
        conn.close()
        raise
    return PostgresBackend(conn, store_key, folder)


def create(
    folder: Path | str, url: str, passphrase: str, *, params: kdf.KdfParams | None = None
) -> tuple[PostgresBackend, str]:
    """Make the key folder and the store in an empty database; return it open and the
    recovery code (show it once)."""
    check_passphrase_rules(passphrase)
    check_url(url)
    slots, store_key, code = new_slots(passphrase, params)
    backend = _new_store(Path(folder), url, slots.to_bytes(), slots.vault_id, store_key)
    backend.set_meta("vault_id", slots.vault_id)  # as in a SQLite store: the kit names it
    return backend, code


def open_backend(
    folder: Path | str, passphrase: str, *, recovery: bool = False, clock: Clock = utc_now
) -> PostgresBackend:
    """Unlock the key folder (lockout as for a vault), connect, check it is the same store,
    bring the schema up to date, and audit the unlock."""
    folder = Path(folder)
    locator = _read_locator(folder)
    failures = FailedUnlocks(folder / FAILURES_NAME, clock)
    if (wait := failures.wait_seconds()) > 0:
        raise LockoutError(wait)
    slots = KeySlots.load(folder / SLOTS_NAME)
    slot = RECOVERY if recovery else PASSPHRASE
    secret = (
        normalize_recovery_code(passphrase) if recovery else kdf.normalize_passphrase(passphrase)
    )
    try:
        store_key = slots.unwrap(slot, secret)
    except WrongPassphraseError:
        raise WrongPassphraseError(failures.record_failure()) from None
    conn = connect(locator["url"])
    try:
        if store_id_of(conn) != locator["store_id"] or slots.vault_id != locator["store_id"]:
            raise VaultError("That database does not hold the RCO store of this key folder.")
        migrate(conn)
        backend = PostgresBackend(conn, store_key, folder)
        with backend.transaction():
            backend._lock(_LOCK_AUDIT, "")
            log = backend._audit_log()
            for at in failures.clear():
                log.append(rco_audit.ACTOR, rco_audit.FAILED_UNLOCK, at=at)
            log.append(rco_audit.ACTOR, rco_audit.UNLOCK, detail=rco_audit.detail_json(slot=slot))
    except BaseException:
        conn.close()
        raise
    return backend


# -- copying a SQLite store across ----------------------------------------------------------------

# Parents before children (foreign keys); a table the SQLite store gains later is copied after.
_COPY_FIRST = ("devices", "bundles", "pending_bundles", "flags", "episodes", "coverage")
_NOT_COPIED = ("meta",)  # re-sealed value by value through set_meta


def store_tables(sqlite_conn: Any) -> list[str]:
    names = {
        row[0]
        for row in sqlite_conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    } - set(_NOT_COPIED)
    return [t for t in _COPY_FIRST if t in names] + sorted(names - set(_COPY_FIRST))


def row_counts(conn: Any, tables: Sequence[str]) -> dict[str, int]:
    """Works on both connections (the table names are ours, never input)."""
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def copy_tables(sqlite_conn: Any, backend: PostgresBackend, tables: Sequence[str]) -> None:
    """Copy every row of `tables` as it is (ids, audit tags) inside the caller's transaction,
    then move the id sequences past the copied ids."""
    pg = backend.conn.raw
    for table in tables:
        columns = [row[1] for row in sqlite_conn.execute(f"PRAGMA table_info({table})")]
        names = ", ".join(columns)
        marks = ", ".join(["%s"] * len(columns))
        rows = sqlite_conn.execute(f"SELECT {names} FROM {table}").fetchall()
        if rows:
            with pg.cursor() as cur:
                cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        if "id" in columns:
            pg.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )


@contextmanager
def snapshot(backend: PostgresBackend) -> Iterator[None]:
    """One consistent, read-only view of the whole store while importers keep importing
    (REPEATABLE READ: every statement sees the database as it was at the first one)."""
    raw = backend.conn.raw
    with raw.transaction():
        raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def meta_items(backend: PostgresBackend) -> dict[str, str]:
    """Every setting in meta, unsealed (an altered one raises IntegrityError)."""
    keys = [str(r[0]) for r in backend.conn.raw.execute("SELECT key FROM meta ORDER BY key")]
    return {key: str(backend.get_meta(key)) for key in keys}


def pg_tables(backend: PostgresBackend) -> set[str]:
    """The store's tables in the database (its bookkeeping table and meta left out)."""
    rows = backend.conn.raw.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    )
    return {str(r[0]) for r in rows} - {"coachdesk_store", *_NOT_COPIED}


def copy_rows_out(backend: PostgresBackend, sqlite_conn: Any, tables: Sequence[str]) -> None:
    """copy_tables the other way: every row of `tables`, as it is, into a SQLite store whose
    schema its own migrations made. Inside the caller's snapshot; rows stream through a
    server-side cursor, so a statewide store never sits in memory whole."""
    for table in tables:
        columns = [row[1] for row in sqlite_conn.execute(f"PRAGMA table_info({table})")]
        names = ", ".join(columns)
        marks = ", ".join(["?"] * len(columns))
        with backend.conn.raw.cursor(name=f"backup_{table}") as cur:
            cur.execute(f"SELECT {names} FROM {table}")
            while rows := cur.fetchmany(5000):
                sqlite_conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def schema_version_of(backend: PostgresBackend) -> tuple[int, int]:
    """(the database's schema version, the newest this program knows)."""
    row = backend.conn.raw.execute("SELECT schema_version FROM coachdesk_store").fetchone()
    newest = max(int(p.name.split("_", 1)[0]) for p in _MIGRATIONS.glob("*.sql"))
    return (int(row[0]) if row else 0), newest


def server_version(backend: PostgresBackend) -> str:
    return f"PostgreSQL {backend.conn.raw.execute('SHOW server_version').fetchone()[0]}"


def create_from_keys(
    folder: Path | str, url: str, slots_file: Path, store_id: str, store_key: bytes
) -> PostgresBackend:
    """A key folder holding the SQLite store's own key slots (same passphrase and recovery
    code, same store key: the audit chain's tags stay valid) and an empty store in `url`."""
    return _new_store(Path(folder), url, slots_file.read_bytes(), store_id, store_key)
