"""The encrypted per-coach vault: a folder holding a SQLCipher database and its key slots.

    VAULT/
      vault.db              SQLCipher 4, raw 32-byte key, WAL journal
      keyslots.json         the vault key wrapped by the passphrase and by the recovery code
      unlock-failures.json  times of failed unlocks (present only after a failure)

Threading: a Vault and its connection belong to the thread that opened it (sqlcipher3 checks
this); the GUI runs all vault work on one worker thread (docs/architecture.md rule 4). The one
exception is the integrity watch: the full check of every page runs on its own thread with its
own connection (see `Vault.start_background_check`), so that unlocking costs the key derivation
and a constant-cost open, not a read of the whole file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coachdesk.crypto import kdf
from coachdesk.errors import (
    CoachDeskError,
    IntegrityError,
    LockoutError,
    VaultError,
    WrongPassphraseError,
)
from coachdesk.files import explain_os_error, fsync_dir
from coachdesk.storage import migrate
from coachdesk.storage.keyslots import (
    PASSPHRASE,
    RECOVERY,
    KeySlots,
    new_slots,
    normalize_recovery_code,
    wrap,
)
from coachdesk.storage.layout import DB_NAME as DB_NAME
from coachdesk.storage.layout import SLOTS_NAME as SLOTS_NAME
from coachdesk.storage.layout import is_vault as is_vault
from coachdesk.storage.lockout import Clock, FailedUnlocks, utc_now

FAILURES_NAME = "unlock-failures.json"
# Written when a full check fails (times and page numbers only, no client data): every later
# unlock of this folder then checks every page before opening for writing, until one passes.
FAILED_CHECK_NAME = "integrity-failed.json"
CHECKED_AT_META = "integrity_checked_at"  # when the last full check passed (UTC, ISO)
DAILY = timedelta(days=1)
CHECK_FAILED_MESSAGE = (
    "The vault failed its integrity check, so nothing more will be saved in it; it stays open "
    "for reading. Restore it from a backup (details: `coachdesk vault check`)."
)
MIN_PASSPHRASE_CHARS = 8
BUSY_TIMEOUT_S = 10.0  # how long a connection waits for another's lock
# The WAL is copied back into the main file (a checkpoint) after a commit that leaves it at
# least this big: SQLite's own default of 1,000 pages of 4 KiB, done by the vault itself so
# that checkpoints take turns with the page check (docs/security.md "The page check's turn").
CHECKPOINT_WAL_BYTES = 1000 * 4096
REQUIRED_CIPHER_MAJOR = 4

# Pragmas set on every open (docs/security.md "Vault"). Extension loading is never enabled.
_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    # 64 MiB of decrypted page cache: a 2,000-client caseload stays in memory once read, so
    # searches do not pay page decryption again (measured in tests/benchmarks).
    "PRAGMA cache_size = -65536",
)


def _subkey(vault_key: bytes, purpose: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=f"coachdesk/{purpose}/v1".encode()).derive(
        vault_key
    )


@dataclass(slots=True)
class CheckReport:
    cipher_version: str
    schema_version: int
    integrity_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.integrity_errors


class CheckState(StrEnum):
    PENDING = "pending"  # no full check has finished since unlock
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"  # sticky: the vault refuses writes until it is locked


@dataclass(frozen=True, slots=True)
class CheckStatus:
    """Where the full integrity check of an unlocked vault stands (what the window shows)."""

    state: CheckState
    finished_at: datetime | None = None
    errors: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The plain sentence to show when the check failed, else ''."""
        return CHECK_FAILED_MESSAGE if self.state == CheckState.FAILED else ""


CheckObserver = Callable[[CheckStatus], None]


def _integrity_errors(conn: Any, beside: Callable[[], Any] | None = None) -> tuple[str, list[str]]:
    """SQLCipher's HMAC check of every page of the file and SQLite's quick_check.

    With `beside` (opens a second connection to the same file) the HMAC check runs on that
    connection in a thread of its own while quick_check runs here: both read every page, and
    on two cores the check then takes the time of the longer (quick_check), not of both."""
    version = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    errors = _version_errors(version)
    hmac: list[str] = []
    thread = None
    if beside is not None:
        thread = threading.Thread(target=_hmac_beside, args=(beside, hmac), name="vault-hmac")
        thread.start()
    else:
        hmac = _hmac_errors(conn)
    try:
        quick = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if quick != ["ok"]:
            errors += quick
    except sqlcipher3.DatabaseError as exc:  # a page so damaged that reading it fails
        errors.append(str(exc))
    if thread is not None:
        thread.join()
    return version, hmac + errors


def _checkpoint(conn: Any, mode: str = "PASSIVE") -> bool:
    """Copy the committed pages from the WAL into the main file, without waiting for anyone
    (a reader elsewhere keeps the pages its snapshot needs); True when all were copied (and,
    TRUNCATE, the WAL emptied).

    Before the HMAC check (PASSIVE), which reads the main file alone: a checkpoint held short
    by a reader first extends the file to its new size and leaves the pages it could not copy
    as zeros (SQLite reads them from the WAL); read then, they fail their HMAC without any
    damage. Errors are swallowed: a read-only folder has nothing to copy."""
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            busy, frames, copied = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    except sqlcipher3.Error:
        return False
    return not busy and frames == copied


def _hmac_errors(conn: Any) -> list[str]:
    """SQLCipher's HMAC check of every page of the file."""
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.DatabaseError as exc:
        return [str(exc)]


def _hmac_beside(connect: Callable[[], Any], out: list[str]) -> None:
    """On its own thread: the HMAC check on a connection of its own (sqlcipher3 connections
    stay in the thread that made them), its errors added to `out`."""
    try:
        conn = connect()
    except CoachDeskError as exc:
        out.append(str(exc))
        return
    try:
        out += _hmac_errors(conn)
    finally:
        conn.close()


def _version_errors(version: str) -> list[str]:
    major = version.split(".")[0]
    if not major.isdigit() or int(major) < REQUIRED_CIPHER_MAJOR:
        return [f"unsupported SQLCipher version {version}"]
    return []


def check_passphrase_rules(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise CoachDeskError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; "
            "a few unrelated words are easy to remember and hard to guess."
        )


def _said(kind: str, what: str, error: type[VaultError] = VaultError, **params: object) -> Any:
    """One of storage's own refusals, worded for what was opened: a coach's vault, or an RCO
    store (`kind` "rco"); catalog codes vault.<what> and store.<what>, in English and Spanish."""
    words = {name: str(value) for name, value in params.items()}  # paths, SQLite's own words
    return error(code=f"{'store' if kind == 'rco' else 'vault'}.{what}", values=words)


def _connect(db_path: Path, vault_key: bytes, kind: str = "coach") -> Any:
    conn = sqlcipher3.connect(str(db_path), isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        # The key is 64 hex digits produced here, never user text (docs/architecture.md rule 8).
        conn.execute(f"PRAGMA key = \"x'{vault_key.hex()}'\"")
        # Deliberately OFF (SQLCipher's own default): wiping and locking every SQLite allocation
        # made searches ~200x slower (note search 0.8 ms -> 170 ms on 100,000 notes), and once
        # on it cannot be turned off for the life of the process. SQLCipher still wipes its key
        # material; what stays un-wiped is freed page-cache memory inside this process.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        # No connection checkpoints on its own: only Vault.checkpoint writes the main file,
        # and never while the HMAC check reads it (docs/security.md "The page check's turn").
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError as exc:
        conn.close()
        if not os.access(db_path.parent, os.W_OK):
            raise _said(kind, "folder_read_only", path=db_path.parent) from None
        raise _said(kind, "cannot_open", reason=exc) from None
    except sqlcipher3.DatabaseError:
        conn.close()
        raise _said(kind, "file_damaged", IntegrityError) from None
    return conn


class _Watch:
    """The full integrity check, run on its own thread, each time on a new SQLCipher connection.

    Runs are requested (`request` returns a ticket; `wait` blocks until a run that *started*
    after that request has finished) and, once `every` is set, repeated at that interval. A
    failed run is final: the thread stops. The thread keeps a copy of the key (to open its
    connections) until `stop` wipes it.
    """

    def __init__(
        self,
        db_path: Path,
        key: bytes,
        done: Callable[[CheckStatus], None],
        turn: threading.Lock,
    ) -> None:
        self._db_path = db_path
        self._turn = turn  # the main file's turn, shared with Vault.checkpoint
        self._key = bytearray(key)
        self._done = done
        self._cond = threading.Condition()
        self._requested = 0  # tickets handed out
        self._finished = 0  # every ticket up to this one has been answered by a run
        self._every: float | None = None
        self._last_run = time.monotonic()
        self._stopped = False
        self.status = CheckStatus(CheckState.PENDING)
        self._result = self.status  # of the last finished run
        self._thread = threading.Thread(target=self._run, name="vault-integrity", daemon=True)
        self._thread.start()

    def request(self, every: timedelta | None = None) -> int:
        with self._cond:
            if every is not None:
                self._every = every.total_seconds()
            self._requested += 1
            self._cond.notify_all()
            return self._requested

    def wait(self, ticket: int, timeout: float | None = None) -> CheckStatus:
        with self._cond:
            self._cond.wait_for(
                lambda: (
                    self._finished >= ticket
                    or self.status.state == CheckState.FAILED
                    or self._stopped
                ),
                timeout,
            )
            return self._result if self._finished >= ticket else self.status

    def stop(self) -> None:
        """Wipe the key; the thread ends after a run in progress (it cannot be interrupted)."""
        with self._cond:
            self._stopped = True
            for i in range(len(self._key)):
                self._key[i] = 0
            self._cond.notify_all()

    def _due(self) -> bool:
        return self._requested > self._finished or (
            self._every is not None and time.monotonic() - self._last_run >= self._every
        )

    def _pause(self) -> float | None:
        if self._every is None:
            return None
        return max(0.0, self._every - (time.monotonic() - self._last_run))

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopped or self._due(), self._pause())
                if self._stopped:
                    return
                if not self._due():
                    continue
                answers = self._requested
                self.status = CheckStatus(CheckState.RUNNING, self._result.finished_at)
                key = bytes(self._key)
            errors = self._confirmed(self._check(key), key)
            status = CheckStatus(
                CheckState.FAILED if errors else CheckState.PASSED,
                datetime.now(UTC),
                tuple(errors),
            )
            if self._stopped:
                return
            # Damage blocks writes before any waiter wakes (an export must not commit).
            self.status = status
            self._done(status)
            with self._cond:
                self._result = status
                self._finished = answers
                self._last_run = time.monotonic()
                self._cond.notify_all()
            if errors:
                return
            # After the answer: a waiter may hold the write lock (an export's transaction
            # commits once it hears the pass), so the note must neither come first nor wait.
            self._record(key)
            del key

    def _confirmed(self, errors: list[str], key: bytes) -> list[str]:
        """The errors that a second check finds again at the same place. cipher_integrity_check
        reads the file beside SQLite's locks. This process's checkpoints wait for the check's
        turn, but another process on the same vault (the command line beside the window) may
        checkpoint meanwhile, and a page it is writing at that instant reads torn. Damage stays
        where it is and says the same again; a torn read moves: look again, up to four checks
        in all, before calling it damage."""
        for _ in range(3):
            if not errors:
                return errors
            time.sleep(0.2)
            again = self._check(key)
            confirmed = [error for error in again if error in errors]
            if confirmed or not again:
                return confirmed
            errors = again  # found elsewhere this time: a torn read, not damage
        return errors

    def _check(self, key: bytes) -> list[str]:
        # A new connection each time: one kept across runs answers from caches it filled
        # earlier (FTS5 then reports "corruption" in an index that has since moved on).
        # The turn is held throughout: no checkpoint of this process writes the main file
        # while the HMAC check reads it beside SQLite's locks.
        with self._turn:
            try:
                conn = _connect(self._db_path, key)
            except CoachDeskError as exc:
                return [str(exc)]
            try:
                for _ in range(20):  # a reader's snapshot holds pages back for moments only
                    if _checkpoint(conn):
                        break
                    time.sleep(0.01)
                # the HMAC check beside quick_check, on a second new connection
                return _integrity_errors(conn, partial(_connect, self._db_path, key))[1]
            finally:
                conn.close()

    def _record(self, key: bytes) -> None:
        """Note the pass in the vault itself, for check_if_due. Best effort: when the vault is
        busy the note is skipped at once (the next pass writes it)."""
        with suppress(CoachDeskError, sqlcipher3.Error):
            conn = _connect(self._db_path, key)
            try:
                conn.execute("PRAGMA busy_timeout = 0")
                _note_checked(conn)
            finally:
                conn.close()


def backup_paths(dest_folder: Path | str, name: str, now: datetime | None) -> tuple[Path, Path]:
    """Where a backup of `name` goes (DEST/<name>-<UTC time>.cdbackup, refused if taken) and
    the hidden folder it is built in before it takes that name."""
    dest_folder = Path(dest_folder)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%SZ")
    final = dest_folder / f"{name}-{stamp}.cdbackup"
    if final.exists():
        raise VaultError(f"A backup named {final.name} already exists.")
    return final, dest_folder / f".{final.name}.{uuid.uuid4().hex[:8]}.part"


def _note_checked(conn: Any) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (CHECKED_AT_META, datetime.now(UTC).isoformat(timespec="seconds")),
    )


class Vault:
    """An unlocked vault. Close it (or use it as a context manager) to lock it.

    Subclasses reuse the same key handling for another schema (the RCO's store sets
    KIND = "rco" and SCHEMA = migrate.RCO); a store of one kind never opens as another.
    """

    KIND = "coach"
    SCHEMA = migrate.COACH
    LABEL = "vault"
    # The tables whose row counts must match between a backup and its source (None: all).
    VERIFY_TABLES: tuple[str, ...] | None = ("clients",)
    # The coach's vault unlocks many times a day: its full check runs in the background after
    # unlock (issue 18). Another kind of store may check every page before it opens instead.
    FULL_CHECK_AT_OPEN = False

    def __init__(self, path: Path, conn: Any, vault_key: bytes, damaged: bool = False) -> None:
        self.path = path
        self.conn = conn
        # Kept (as a bytearray we can zero on lock) only for backups and derived keys.
        self._key = bytearray(vault_key)
        self.audit_key = _subkey(vault_key, "audit") if vault_key else b""
        self.damaged = damaged
        self.unlock_failures: list[datetime] = []
        self._damaged_error: Callable[[], IntegrityError] = partial(
            _said, self.KIND, "read_only_damaged", IntegrityError
        )
        self._watch: _Watch | None = None
        # Held by a running page check and by every checkpoint (docs/security.md "The page
        # check's turn"); None turns the checkpoint after commits off (a crash test's writer).
        self._turn = threading.Lock()
        self.checkpoint_at_wal_bytes: int | None = CHECKPOINT_WAL_BYTES
        self._observers: list[CheckObserver] = []
        self._checked_at_open = False

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, *, params: kdf.KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault folder; return it unlocked with the recovery code (show it once)."""
        path = Path(path)
        check_passphrase_rules(passphrase)
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise _said(cls.KIND, "exists", path=path)
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise explain_os_error(exc, path / DB_NAME) from None
        slots, vault_key, code = new_slots(passphrase, params)
        vault_id = slots.vault_id
        try:
            slots.save(path / SLOTS_NAME)
            vault = cls._open_with_key(path, vault_key, create=True)
            vault.set_meta("vault_id", vault_id)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return vault, code

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        clock: Clock = utc_now,
        allow_damaged: bool = False,
    ) -> Vault:
        return cls._unlock(
            Path(path), PASSPHRASE, kdf.normalize_passphrase(passphrase), clock, allow_damaged
        )

    @classmethod
    def open_with_recovery_code(
        cls, path: Path | str, code: str, *, clock: Clock = utc_now
    ) -> Vault:
        return cls._unlock(Path(path), RECOVERY, normalize_recovery_code(code), clock, False)

    @classmethod
    def _unlock(
        cls, path: Path, slot: str, secret: bytes, clock: Clock, allow_damaged: bool
    ) -> Vault:
        if not is_vault(path):
            raise _said(cls.KIND, "not_found", path=path)
        failures = FailedUnlocks(path / FAILURES_NAME, clock)
        wait = failures.wait_seconds()
        if wait > 0:
            raise LockoutError(wait)
        slots = KeySlots.load(path / SLOTS_NAME)
        try:
            vault_key = slots.unwrap(slot, secret)
        except WrongPassphraseError:
            raise WrongPassphraseError(failures.record_failure()) from None
        vault = cls._open_with_key(path, vault_key, allow_damaged=allow_damaged)
        vault.unlock_failures = failures.clear()
        return vault

    @classmethod
    def _open_with_key(
        cls, path: Path, vault_key: bytes, *, create: bool = False, allow_damaged: bool = False
    ) -> Vault:
        db_path = path / DB_NAME
        if not create and not db_path.is_file():
            raise _said(cls.KIND, "db_missing", path=path)
        if not create and db_path.stat().st_size == 0:
            # SQLite would treat an empty file as a new database: never "open" a lost vault.
            raise _said(cls.KIND, "file_empty", IntegrityError)
        try:
            conn = _connect(db_path, vault_key, cls.KIND)
        except sqlcipher3.OperationalError as exc:
            raise _said(cls.KIND, "cannot_open", reason=exc) from None
        if create:
            os.chmod(db_path, 0o600)
        vault = cls(path, conn, vault_key)
        # The full check reads every page (seconds on a large vault): it runs after unlock on
        # its own thread (start_background_check), unless the caller asks for it here or an
        # earlier check of this folder failed.
        full = cls.FULL_CHECK_AT_OPEN or allow_damaged or (path / FAILED_CHECK_NAME).exists()
        try:
            report = vault.check() if full else vault._open_report()
            if not create and report.schema_version == 0:
                raise _said(cls.KIND, "no_records", IntegrityError)
            if not report.ok and not allow_damaged:
                raise _said(cls.KIND, "damaged_at_open", IntegrityError)
            for pragma in _PRAGMAS:
                conn.execute(pragma)
            if report.ok:
                # The kind is checked BEFORE migrating: another kind's migrations must never
                # run on this file (they would bump its schema version and add foreign tables).
                kind = _stored_kind(conn)
                if kind is not None and kind != cls.KIND:
                    raise VaultError(f"{path} is not a {cls.LABEL} (it holds a {kind} store).")
                _upgrade(conn, cls.SCHEMA, cls.KIND)
                if kind is None:
                    vault.set_meta("store_kind", cls.KIND)
                if cls.SCHEMA == migrate.COACH:
                    _check_rules_version(vault)
                if full:
                    vault._checked_at_open = True
                    with suppress(OSError):
                        (path / FAILED_CHECK_NAME).unlink()
            else:
                vault.damaged = True
                conn.execute("PRAGMA query_only = ON")
        except sqlcipher3.DatabaseError as exc:
            vault._close_refused()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise _said(cls.KIND, "folder_read_only", path=path) from None
            raise _said(cls.KIND, "file_damaged", IntegrityError) from None
        except BaseException:
            vault._close_refused()
            raise
        return vault

    def subkey(self, purpose: str) -> bytes:
        """A key for `purpose` derived from the vault key (e.g. sealing secrets kept in meta)."""
        return _subkey(bytes(self._key), purpose)

    def close(self) -> None:
        """Lock: checkpoint, close the connection and forget the keys.

        A vault found damaged is not checkpointed: nothing more is written to its file."""
        if self._watch is not None:
            self._watch.stop()
        if self.conn is not None:
            guard = None
            if not self.damaged:
                self.checkpoint()
            else:
                guard = self._read_only_guard()
            self.conn.close()
            self.conn = None
            if guard is not None:
                guard.close()
        for i in range(len(self._key)):
            self._key[i] = 0
        self.audit_key = b""

    def checkpoint(self) -> bool:
        """Copy the WAL back into the main file and empty it, in turn with the page check:
        while a check runs, nothing is done and False returned (the WAL, encrypted like the
        file, waits for the next checkpoint). Readers of other processes are not waited for."""
        if not self._turn.acquire(blocking=False):
            return False
        try:
            return _checkpoint(self.conn, "TRUNCATE")
        finally:
            self._turn.release()

    def _checkpoint_if_big(self) -> None:
        """After a commit: checkpoint once the WAL has grown past checkpoint_at_wal_bytes."""
        if self.checkpoint_at_wal_bytes is None:
            return
        with suppress(OSError):
            wal = self.path / f"{DB_NAME}-wal"
            if wal.stat().st_size >= self.checkpoint_at_wal_bytes:
                self.checkpoint()

    def _close_refused(self) -> None:
        """Close a vault whose open was refused without writing to its file (no checkpoint)."""
        self.damaged = True
        self.close()

    def _read_only_guard(self) -> Any:
        """A read-only connection held while the last writer closes: SQLite then cannot take
        the lock it needs to checkpoint on close, and the guard itself may not write."""
        with suppress(sqlcipher3.Error):
            uri = f"file:{urllib.parse.quote(str(self.path / DB_NAME))}?mode=ro"
            guard = sqlcipher3.connect(uri, uri=True, isolation_level=None)
            guard.execute(f"PRAGMA key = \"x'{bytes(self._key).hex()}'\"")
            with suppress(sqlcipher3.Error):
                guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return guard
        return None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks ----------------------------------------------------------------------------

    def check(self, *, full: bool = False) -> CheckReport:
        """Run SQLCipher's HMAC check of every page and SQLite's quick_check, here and now.

        `full` (the explicit "check the vault" of the CLI) also checks that every full-text
        search index matches the rows it indexes, which quick_check cannot see; on a vault of
        100,000 notes that adds about 0.6 s."""
        if not self.damaged:
            with self._turn:
                _checkpoint(self.conn)
        version, errors = _integrity_errors(self.conn)
        if full and not errors and not self.damaged:
            errors += self._search_index_errors()
        return CheckReport(version, migrate.current_version(self.conn), errors)

    def _open_report(self) -> CheckReport:
        """The constant-cost checks of every open: SQLCipher's version and the schema version.
        The key and the header were checked by _connect (reading the schema verifies the
        HMAC of the pages it reads; SQLCipher verifies every page it ever reads)."""
        version = str(self.conn.execute("PRAGMA cipher_version").fetchone()[0])
        errors = _version_errors(version)
        page = int(self.conn.execute("PRAGMA cipher_page_size").fetchone()[0])
        if (self.path / DB_NAME).stat().st_size % page:
            errors.append("the file ends inside a page (it was cut short)")
        return CheckReport(version, migrate.current_version(self.conn), errors)

    # -- the integrity watch (full checks off the unlock path) ------------------------------

    @property
    def check_status(self) -> CheckStatus:
        """Any thread may read this."""
        if self._watch is not None:
            return self._watch.status
        if self._checked_at_open:
            return CheckStatus(CheckState.PASSED)
        return CheckStatus(CheckState.PENDING)

    def add_check_observer(self, observer: CheckObserver) -> None:
        """Call `observer(status)` after every full check. It runs on the check's own thread:
        a window must hand it over to its GUI thread (e.g. emit a Qt signal)."""
        self._observers.append(observer)

    def start_background_check(self, every: timedelta = DAILY) -> None:
        """Check every page now on a thread of its own, then again each `every` while unlocked.

        Call right after unlock (owning thread). Writes go on meanwhile; when a check fails,
        the vault refuses every later write (and any not yet committed) with
        CHECK_FAILED_MESSAGE, and its folder is marked so that the next unlock checks first."""
        self._watch_ticket(every)

    def request_check(self) -> int:
        """Start a fresh full check in the background; returns a ticket for wait_for_check."""
        return self._watch_ticket(None)

    def wait_for_check(self, ticket: int, timeout: float | None = None) -> CheckStatus:
        """Block until a check started after request_check() returned `ticket` has finished."""
        assert self._watch is not None, "request_check first"
        return self._watch.wait(ticket, timeout)

    def verify(self, ticket: int | None = None) -> None:
        """Raise IntegrityError unless a full check started at or after `ticket` (default: now)
        passes. Backups and exports pass through here before anything leaves the vault."""
        status = self.wait_for_check(self.request_check() if ticket is None else ticket)
        if status.state == CheckState.FAILED:
            raise IntegrityError(CHECK_FAILED_MESSAGE)
        if status.state != CheckState.PASSED:  # locked meanwhile
            raise _said(self.KIND, "locked_during_check")
        # Noted here too, not only by the check's thread (which skips the note when the vault
        # is busy): inside an export's transaction it commits with the export.
        with suppress(sqlcipher3.Error):
            _note_checked(self.conn)

    def check_if_due(self, max_age: timedelta = DAILY) -> None:
        """For short-lived front-ends (the CLI): run the full check now, and wait for it, if
        none has passed within `max_age`; else do nothing. Raises IntegrityError on failure."""
        if self.damaged or self._checked_at_open:
            return
        stamp = self.get_meta(CHECKED_AT_META)
        if stamp is not None:
            with suppress(ValueError):
                if datetime.now(UTC) - datetime.fromisoformat(stamp) < max_age:
                    return
        self.verify()

    def _watch_ticket(self, every: timedelta | None) -> int:
        if self._watch is None:
            if self.conn is None or not any(self._key):
                raise _said(self.KIND, "locked")
            self._watch = _Watch(
                self.path / DB_NAME, bytes(self._key), self._check_finished, self._turn
            )
        return self._watch.request(every)

    def _check_finished(self, status: CheckStatus) -> None:
        """On the check's thread: a failure blocks writes at once, then observers hear of it."""
        if status.state == CheckState.FAILED:
            self._damaged_error = partial(IntegrityError, CHECK_FAILED_MESSAGE)
            self.damaged = True
            with suppress(OSError):
                (self.path / FAILED_CHECK_NAME).write_text(
                    json.dumps(
                        {
                            "failed_at": datetime.now(UTC).isoformat(timespec="seconds"),
                            "errors": list(status.errors[:20]),
                        }
                    )
                )
        for observer in list(self._observers):
            with suppress(Exception):  # a broken observer must not end the checks
                observer(status)

    def found_damaged(self, what: str) -> None:
        """A read outside the check met a damaged page (SQLite said the file is corrupt): the
        path of a failed check, at once (writes refused, the folder marked, observers told),
        and a fresh check so that check_status says so too. The owning thread only."""
        self._check_finished(CheckStatus(CheckState.FAILED, datetime.now(UTC), (what,)))
        with suppress(sqlcipher3.Error):  # also stops writes that bypass transaction()
            self.conn.execute("PRAGMA query_only = ON")
        with suppress(VaultError):  # locked meanwhile: nothing to check
            self.request_check()

    def _search_index_errors(self) -> list[str]:
        errors = []
        tables = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        ).fetchall()
        for (table,) in tables:
            # FTS5's own check; rank 1 also compares an external-content index with the rows.
            check = f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"
            try:
                self.conn.execute(check)
            except sqlcipher3.DatabaseError as exc:
                errors.append(f"the search index {table} does not match its rows ({exc})")
        return errors

    # -- transactions and meta -------------------------------------------------------------

    @contextmanager
    def transaction(self, *, verified: bool = False) -> Iterator[Any]:
        """BEGIN IMMEDIATE ... COMMIT; rolls back on any error. Not re-entrant.

        Refused once the vault is known damaged, and rolled back if that becomes known before
        the commit. `verified` (exports): a fresh full check runs beside the body and the
        commit waits for it to pass."""
        self._refuse_if_damaged()
        ticket = self.request_check() if verified else None
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.OperationalError as exc:
            raise _said(self.KIND, "busy", reason=exc) from None
        try:
            yield self.conn
            self._before_commit()
            if ticket is not None:
                self.verify(ticket)
            self._refuse_if_damaged()
        except sqlcipher3.DatabaseError as exc:
            self.conn.execute("ROLLBACK")
            if "coachdesk:client_transferred" in str(exc):
                # migrations/0011's triggers: a client handed off is read-only (issue 19)
                raise CoachDeskError(code="handoff.record_read_only") from None
            if ticket is not None:  # a damaged page the body read: the check beside it says so
                self.verify(ticket)  # plainly (IntegrityError) when it failed
            raise
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlcipher3.OperationalError as exc:
            with suppress(sqlcipher3.Error):
                self.conn.execute("ROLLBACK")
            if "full" in str(exc):
                raise CoachDeskError("The disk is full; nothing was saved.") from None
            raise VaultError(f"The change could not be saved ({exc}).") from None
        self._checkpoint_if_big()

    def _before_commit(self) -> None:
        """Bring derived state up to date inside the writing transaction (coach vaults: the
        Today items of the clients the transaction changed)."""
        if self.SCHEMA == migrate.COACH:
            from coachdesk.storage import repos  # not needed to paint the unlock screen

            repos.refresh_due_items(self.conn)

    def _refuse_if_damaged(self) -> None:
        if self.damaged:
            with suppress(sqlcipher3.Error):  # also stops writes that bypass transaction()
                self.conn.execute("PRAGMA query_only = ON")
            raise self._damaged_error()

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- key management (these touch keyslots.json only) ------------------------------------

    @staticmethod
    def change_passphrase(path: Path | str, old: str, new: str, *, clock: Clock = utc_now) -> None:
        path = Path(path)
        check_passphrase_rules(new)
        failures = FailedUnlocks(path / FAILURES_NAME, clock)
        if (wait := failures.wait_seconds()) > 0:
            raise LockoutError(wait)
        slots = KeySlots.load(path / SLOTS_NAME)
        try:
            vault_key = slots.unwrap(PASSPHRASE, kdf.normalize_passphrase(old))
        except WrongPassphraseError:
            raise WrongPassphraseError(failures.record_failure()) from None
        _rewrap_passphrase(path, slots, vault_key, new)

    @staticmethod
    def reset_passphrase(path: Path | str, code: str, new: str, *, clock: Clock = utc_now) -> None:
        """Set a new passphrase with the recovery code (a forgotten passphrase loses nothing)."""
        path = Path(path)
        check_passphrase_rules(new)
        failures = FailedUnlocks(path / FAILURES_NAME, clock)
        if (wait := failures.wait_seconds()) > 0:
            raise LockoutError(wait)
        slots = KeySlots.load(path / SLOTS_NAME)
        try:
            vault_key = slots.unwrap(RECOVERY, normalize_recovery_code(code))
        except WrongPassphraseError:
            failures.record_failure()
            raise WrongPassphraseError() from None
        _rewrap_passphrase(path, slots, vault_key, new)
        failures.clear()

    # -- backup ----------------------------------------------------------------------------

    def verify_tables(self) -> list[str]:
        """The tables whose row counts must match between a backup and its source."""
        if self.VERIFY_TABLES is not None:
            return list(self.VERIFY_TABLES)
        # meta is left out: the integrity watch notes when it passed there (CHECKED_AT_META)
        # while the copy is being made, so its row count may differ by one.
        rows = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'meta' ORDER BY name"
        )
        return [str(row[0]) for row in rows]

    def backup(self, dest_folder: Path | str, *, now: datetime | None = None) -> Path:
        """Write an encrypted copy as DEST/<vault>-<UTC time>.cdbackup, verified before use.

        The copy has the same key (so the same passphrase and recovery code open it). It is
        built in a hidden temp folder, reopened and checked, then renamed into place.
        """
        final, work = backup_paths(dest_folder, self.path.name, now)
        try:
            work.mkdir(mode=0o700, parents=False)
        except OSError as exc:
            raise explain_os_error(exc, final) from None
        ticket = self.request_check()  # runs beside the copy; the copy is kept only if it passes
        try:
            key_hex = bytes(self._key).hex()
            target = sqlcipher3.connect(str(work / DB_NAME), isolation_level=None)
            try:
                target.execute(f"PRAGMA key = \"x'{key_hex}'\"")
                self.conn.backup(target)
            finally:
                target.close()
            os.chmod(work / DB_NAME, 0o600)
            shutil.copyfile(self.path / SLOTS_NAME, work / SLOTS_NAME)
            os.chmod(work / SLOTS_NAME, 0o600)
            for name in (DB_NAME, SLOTS_NAME):
                with open(work / name, "rb") as fh:
                    os.fsync(fh.fileno())
            verify = _connect(work / DB_NAME, bytes.fromhex(key_hex), self.KIND)
            try:
                report = Vault(work, verify, b"").check()
                counts_ok = all(
                    verify.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    == self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in self.verify_tables()
                )
            finally:
                verify.close()
            if not report.ok or not counts_ok:
                raise IntegrityError("The backup did not verify; it was not kept.")
            self.verify(ticket)
            os.replace(work, final)
            fsync_dir(final.parent)
        except OSError as exc:
            shutil.rmtree(work, ignore_errors=True)
            raise explain_os_error(exc, final) from None
        except (sqlcipher3.Error, sqlite3.Error) as exc:
            shutil.rmtree(work, ignore_errors=True)
            if "full" in str(exc):
                raise CoachDeskError("There is not enough free space for the backup.") from None
            raise VaultError(f"The backup could not be written ({exc}).") from None
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        return final


def _stored_kind(conn: Any) -> str | None:
    """The store kind recorded in meta, or None for a new file (no meta table yet)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'store_kind'").fetchone()
    except sqlcipher3.OperationalError:
        return None
    return str(row[0]) if row else None


def _upgrade(conn: Any, schema: str, kind: str = "coach") -> None:
    """Apply pending migrations; a failure leaves the vault at its last complete version."""
    try:
        migrate.upgrade(conn, schema=schema)
    except sqlcipher3.DatabaseError as exc:
        raise _said(kind, "not_upgraded", reason=exc) from None


def _check_rules_version(vault: Vault) -> None:
    """Stored Today items follow the reminder rules of the program that wrote them: after a
    change of rules, every client's items are recomputed by the next write."""
    from coachdesk.core.reminders import RULES_VERSION
    from coachdesk.storage import repos

    if vault.get_meta(repos.RULES_META) != str(RULES_VERSION):
        repos.mark_all_due_stale(vault.conn)
        vault.set_meta(repos.RULES_META, str(RULES_VERSION))


def _rewrap_passphrase(path: Path, slots: KeySlots, vault_key: bytes, new: str) -> None:
    slots.slots[PASSPHRASE] = wrap(
        vault_key, kdf.normalize_passphrase(new), kdf.calibrate(), slots.vault_id, PASSPHRASE
    )
    slots.save(path / SLOTS_NAME)
