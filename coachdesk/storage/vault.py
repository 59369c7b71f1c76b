"""The encrypted per-coach vault: a folder holding a SQLCipher database and its key slots.

    VAULT/
      vault.db              SQLCipher 4, raw 32-byte key, WAL journal
      keyslots.json         the vault key wrapped by the passphrase and by the recovery code
      unlock-failures.json  times of failed unlocks (present only after a failure)

Threading: a Vault and its connection belong to the thread that opened it (sqlcipher3 checks
this); the GUI runs all vault work on one worker thread (docs/architecture.md rule 4).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
from coachdesk.storage.lockout import Clock, FailedUnlocks, utc_now

DB_NAME = "vault.db"
SLOTS_NAME = "keyslots.json"
FAILURES_NAME = "unlock-failures.json"
MIN_PASSPHRASE_CHARS = 8
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


def is_vault(path: Path) -> bool:
    return (path / DB_NAME).is_file() and (path / SLOTS_NAME).is_file()


def check_passphrase_rules(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise CoachDeskError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; "
            "a few unrelated words are easy to remember and hard to guess."
        )


def _connect(db_path: Path, vault_key: bytes) -> Any:
    conn = sqlcipher3.connect(str(db_path), isolation_level=None, timeout=10.0)
    try:
        # The key is 64 hex digits produced here, never user text (docs/architecture.md rule 8).
        conn.execute(f"PRAGMA key = \"x'{vault_key.hex()}'\"")
        # Deliberately OFF (SQLCipher's own default): wiping and locking every SQLite allocation
        # made searches ~200x slower (note search 0.8 ms -> 170 ms on 100,000 notes), and once
        # on it cannot be turned off for the life of the process. SQLCipher still wipes its key
        # material; what stays un-wiped is freed page-cache memory inside this process.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError as exc:
        conn.close()
        if not os.access(db_path.parent, os.W_OK):
            raise VaultError(
                f"The vault folder {db_path.parent} is read-only; CoachDesk must be able to "
                "write there to open the vault."
            ) from None
        raise VaultError(f"The vault cannot be opened ({exc}).") from None
    except sqlcipher3.DatabaseError:
        conn.close()
        raise IntegrityError(
            "The vault file is damaged and cannot be read. Restore it from a backup."
        ) from None
    return conn


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

    def __init__(self, path: Path, conn: Any, vault_key: bytes, damaged: bool = False) -> None:
        self.path = path
        self.conn = conn
        # Kept (as a bytearray we can zero on lock) only for backups and derived keys.
        self._key = bytearray(vault_key)
        self.audit_key = _subkey(vault_key, "audit") if vault_key else b""
        self.damaged = damaged
        self.unlock_failures: list[datetime] = []

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, *, params: kdf.KdfParams | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault folder; return it unlocked with the recovery code (show it once)."""
        path = Path(path)
        check_passphrase_rules(passphrase)
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultError(f"{path} already exists; choose a new name for the vault.")
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
            raise VaultError(f"There is no CoachDesk vault at {path}.")
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
            raise VaultError(f"The vault database is missing from {path}.")
        if not create and db_path.stat().st_size == 0:
            # SQLite would treat an empty file as a new database: never "open" a lost vault.
            raise IntegrityError("The vault file is empty. Restore it from a backup.")
        try:
            conn = _connect(db_path, vault_key)
        except sqlcipher3.OperationalError as exc:
            raise VaultError(f"The vault cannot be opened: {exc}.") from None
        if create:
            os.chmod(db_path, 0o600)
        vault = cls(path, conn, vault_key)
        try:
            report = vault.check()
            if not create and report.schema_version == 0:
                raise IntegrityError("The vault file is damaged (it holds no records at all).")
            if not report.ok and not allow_damaged:
                raise IntegrityError(
                    "The vault is damaged: it failed its integrity check and was not opened "
                    "for writing. "
                    "Restore it from a backup (details: `coachdesk vault check`)."
                )
            for pragma in _PRAGMAS:
                conn.execute(pragma)
            if report.ok:
                # The kind is checked BEFORE migrating: another kind's migrations must never
                # run on this file (they would bump its schema version and add foreign tables).
                kind = _stored_kind(conn)
                if kind is not None and kind != cls.KIND:
                    raise VaultError(f"{path} is not a {cls.LABEL} (it holds a {kind} store).")
                _upgrade(conn, cls.SCHEMA)
                if kind is None:
                    vault.set_meta("store_kind", cls.KIND)
            else:
                vault.damaged = True
                conn.execute("PRAGMA query_only = ON")
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise VaultError(f"The vault folder {path} is read-only.") from None
            raise IntegrityError("The vault file is damaged. Restore it from a backup.") from None
        except BaseException:
            conn.close()
            raise
        return vault

    def subkey(self, purpose: str) -> bytes:
        """A key for `purpose` derived from the vault key (e.g. sealing secrets kept in meta)."""
        return _subkey(bytes(self._key), purpose)

    def close(self) -> None:
        """Lock: checkpoint, close the connection and forget the keys."""
        if self.conn is not None:
            with suppress(sqlcipher3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None
        for i in range(len(self._key)):
            self._key[i] = 0
        self.audit_key = b""

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks ----------------------------------------------------------------------------

    def check(self, *, full: bool = False) -> CheckReport:
        """Run SQLCipher's HMAC check of every page and SQLite's quick_check.

        `full` (the explicit "check the vault" of the CLI) also checks that every full-text
        search index matches the rows it indexes, which quick_check cannot see; on a vault of
        100,000 notes that adds about 0.6 s, too much to add to every unlock."""
        conn = self.conn
        version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        errors: list[str] = []
        if not str(version).split(".")[0].isdigit() or int(str(version).split(".")[0]) < (
            REQUIRED_CIPHER_MAJOR
        ):
            errors.append(f"unsupported SQLCipher version {version}")
        try:
            errors += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
            quick = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
            if quick != ["ok"]:
                errors += quick
        except sqlcipher3.DatabaseError as exc:  # a page so damaged that reading it fails
            errors.append(str(exc))
        if full and not errors and not self.damaged:
            errors += self._search_index_errors()
        return CheckReport(str(version), migrate.current_version(conn), errors)

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
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE ... COMMIT; rolls back on any error. Not re-entrant."""
        if self.damaged:
            raise IntegrityError("This vault is damaged and open for reading only.")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.OperationalError as exc:
            raise VaultError(f"The vault is busy or read-only ({exc}).") from None
        try:
            yield self.conn
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
        rows = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        return [str(row[0]) for row in rows]

    def backup(self, dest_folder: Path | str, *, now: datetime | None = None) -> Path:
        """Write an encrypted copy as DEST/<vault>-<UTC time>.cdbackup, verified before use.

        The copy has the same key (so the same passphrase and recovery code open it). It is
        built in a hidden temp folder, reopened and checked, then renamed into place.
        """
        dest_folder = Path(dest_folder)
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%SZ")
        final = dest_folder / f"{self.path.name}-{stamp}.cdbackup"
        if final.exists():
            raise VaultError(f"A backup named {final.name} already exists.")
        work = dest_folder / f".{final.name}.{uuid.uuid4().hex[:8]}.part"
        try:
            work.mkdir(mode=0o700, parents=False)
        except OSError as exc:
            raise explain_os_error(exc, final) from None
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
            verify = _connect(work / DB_NAME, bytes.fromhex(key_hex))
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
            os.replace(work, final)
            fsync_dir(dest_folder)
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


def _upgrade(conn: Any, schema: str) -> None:
    """Apply pending migrations; a failure leaves the vault at its last complete version."""
    try:
        migrate.upgrade(conn, schema=schema)
    except sqlcipher3.DatabaseError as exc:
        raise VaultError(
            f"This vault could not be upgraded to the new version; it was left as it was. ({exc})"
        ) from None


def _rewrap_passphrase(path: Path, slots: KeySlots, vault_key: bytes, new: str) -> None:
    slots.slots[PASSPHRASE] = wrap(
        vault_key, kdf.normalize_passphrase(new), kdf.calibrate(), slots.vault_id, PASSPHRASE
    )
    slots.save(path / SLOTS_NAME)
