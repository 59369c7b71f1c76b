"""The RCO's encrypted store and the backend interface the use cases talk to.

    STORE/
      vault.db          SQLCipher 4 (schema: storage/rco_migrations), raw 256-bit key
      keyslots.json     the store key wrapped by the passphrase and by the recovery code

`RcoStore` is the coach vault machinery (key slots, checks, pragmas, atomic writes) with the
RCO schema. The use cases never touch SQL: they call an `RcoBackend`. `SqliteBackend` is the
embedded default over an `RcoStore`; a server backend (PostgreSQL for a statewide network)
implements the same protocol (see README "RCO desk" for what it needs).

Threading: a store, its backend and its connection belong to the thread that opened them.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from coachdesk.core.models import AuditEntry, Resource
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.model import (
    BundleRecord,
    Coverage,
    Device,
    DeviceStatus,
    Episode,
    Flag,
    PendingBundle,
    PeriodCell,
)
from coachdesk.storage import migrate, rco_repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.lockout import Clock
from coachdesk.storage.vault import Vault


class RcoStore(Vault):
    KIND = "rco"
    SCHEMA = migrate.RCO
    LABEL = "RCO store"
    VERIFY_TABLES = None  # a backup is verified by the row count of every table it holds
    # Opened far less often than a coach's vault, and it holds the RCO's secret keys and every
    # import: every page is checked before it opens, as before issue 18's background check.
    FULL_CHECK_AT_OPEN = True

    @classmethod
    def _unlock(
        cls, path: Path, slot: str, secret: bytes, clock: Clock, allow_damaged: bool
    ) -> Vault:
        """Unlock, then audit it (and the failed attempts since the last unlock) in the store."""
        store = super()._unlock(path, slot, secret, clock, allow_damaged)
        if store.damaged:  # open for reading only: nothing can be recorded
            return store
        try:
            log = AuditLog(store.conn, store.audit_key)
            with store.transaction():
                for at in store.unlock_failures:
                    log.append(rco_audit.ACTOR, rco_audit.FAILED_UNLOCK, at=at)
                log.append(
                    rco_audit.ACTOR, rco_audit.UNLOCK, detail=rco_audit.detail_json(slot=slot)
                )
        except BaseException:
            store.close()
            raise
        return store


class RcoBackend(Protocol):
    """Everything the RCO use cases need from storage. Writes happen inside transaction()."""

    def transaction(self) -> AbstractContextManager[object]: ...
    def get_meta(self, key: str, default: str | None = None) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def get_device(self, device_id: str) -> Device | None: ...
    def device_by_fingerprint(self, fingerprint: str) -> Device | None: ...
    def list_devices(self) -> list[Device]: ...
    def insert_device(self, device: Device, now: str) -> None: ...
    def set_device_status(
        self, device_id: str, status: DeviceStatus, now: str, name: str | None = None
    ) -> None: ...
    def record_device_bundle(self, device_id: str, counter: int, now: str) -> None: ...
    def has_bundle(self, bundle_id: str) -> bool: ...
    def has_sealed_digest(self, digest: str) -> bool: ...
    def bundle_with_counter(self, device_id: str, counter: int) -> str | None: ...
    def insert_bundle(self, bundle: BundleRecord) -> None: ...
    def list_bundles(self) -> list[BundleRecord]: ...
    def insert_flag(self, flag: Flag) -> None: ...
    def list_flags(self) -> list[Flag]: ...
    def is_pending(self, bundle_id: str) -> bool: ...
    def insert_pending(self, item: PendingBundle) -> None: ...
    def pending_for(self, device_id: str) -> list[PendingBundle]: ...
    def delete_pending(self, pending_id: int) -> None: ...
    def delete_pending_for(self, device_id: str) -> int: ...
    def episode_versions(self, device_id: str) -> dict[str, tuple[int, str]]: ...
    def upsert_episodes(self, episodes: Iterable[Episode]) -> None: ...
    def touch_episodes(self, device_id: str, pseudonyms: Iterable[str], period: str) -> None: ...
    def list_episodes(self) -> list[Episode]: ...
    def count_episodes(self) -> int: ...

    def coverage_of(self, device_id: str) -> Coverage | None: ...

    def list_coverage(self) -> list[Coverage]: ...

    def replace_period_cells(
        self, coverage: Coverage, covered: Iterable[str], cells: Iterable[PeriodCell]
    ) -> None: ...

    def list_period_cells(self, period: str | None = None) -> list[PeriodCell]: ...
    def period_settings(self) -> list[tuple[str, str]]: ...
    def upsert_directory_entry(self, resource: Resource, now: str) -> None: ...
    def delete_directory_entry(self, ref: str) -> bool: ...
    def list_directory(self) -> list[Resource]: ...
    def set_receive_key(self, device_id: str, key_hex: str, now: str) -> None: ...
    def receive_keys(self) -> dict[str, str]: ...
    # -- suggestions and verification (issue 20) --
    def insert_suggestion(self, row: rco_repos.SuggestionRow) -> None: ...
    def suggestion_digest(self, suggestion_id: str) -> str | None: ...
    def list_suggestions(self) -> list[rco_repos.SuggestionRow]: ...
    def decide_suggestions(
        self, ids: Iterable[str], state: str, reason: str, now: str, result_ref: str
    ) -> int: ...
    def list_verification(self) -> dict[str, rco_repos.Verification]: ...
    def upsert_verification(self, verification: rco_repos.Verification) -> None: ...
    def replace_linkage(
        self, device_id: str, counts: dict[str, tuple[int, int]], counter: int
    ) -> None: ...
    def list_linkage(self) -> dict[str, tuple[int, int]]: ...
    # -- end of suggestions --
    def audit(self, action: str, detail: str) -> None: ...
    def audit_entries(self) -> list[AuditEntry]: ...
    def audit_broken_at(self) -> int | None: ...
    def close(self) -> None: ...


class SqliteBackend:
    """The embedded backend: an encrypted RcoStore on this machine. Owns the store."""

    def __init__(self, store: Vault) -> None:
        if not isinstance(store, RcoStore):
            raise TypeError("SqliteBackend needs an RcoStore")
        self.store = store

    @property
    def _c(self) -> object:
        return self.store.conn

    def transaction(self) -> AbstractContextManager[object]:
        return self.store.transaction()

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_meta(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self.store.set_meta(key, value)

    def get_device(self, device_id: str) -> Device | None:
        return rco_repos.get_device(self._c, device_id)

    def device_by_fingerprint(self, fingerprint: str) -> Device | None:
        return rco_repos.device_by_fingerprint(self._c, fingerprint)

    def list_devices(self) -> list[Device]:
        return rco_repos.list_devices(self._c)

    def insert_device(self, device: Device, now: str) -> None:
        rco_repos.insert_device(self._c, device, now)

    def set_device_status(
        self, device_id: str, status: DeviceStatus, now: str, name: str | None = None
    ) -> None:
        rco_repos.set_device_status(self._c, device_id, status, now, name)

    def record_device_bundle(self, device_id: str, counter: int, now: str) -> None:
        rco_repos.record_device_bundle(self._c, device_id, counter, now)

    def has_bundle(self, bundle_id: str) -> bool:
        return rco_repos.has_bundle(self._c, bundle_id)

    def has_sealed_digest(self, digest: str) -> bool:
        return rco_repos.has_sealed_digest(self._c, digest)

    def bundle_with_counter(self, device_id: str, counter: int) -> str | None:
        return rco_repos.bundle_with_counter(self._c, device_id, counter)

    def insert_bundle(self, bundle: BundleRecord) -> None:
        rco_repos.insert_bundle(self._c, bundle)

    def list_bundles(self) -> list[BundleRecord]:
        return rco_repos.list_bundles(self._c)

    def insert_flag(self, flag: Flag) -> None:
        rco_repos.insert_flag(self._c, flag)

    def list_flags(self) -> list[Flag]:
        return rco_repos.list_flags(self._c)

    def is_pending(self, bundle_id: str) -> bool:
        return rco_repos.is_pending(self._c, bundle_id)

    def insert_pending(self, item: PendingBundle) -> None:
        rco_repos.insert_pending(self._c, item)

    def pending_for(self, device_id: str) -> list[PendingBundle]:
        return rco_repos.pending_for(self._c, device_id)

    def delete_pending(self, pending_id: int) -> None:
        rco_repos.delete_pending(self._c, pending_id)

    def delete_pending_for(self, device_id: str) -> int:
        return rco_repos.delete_pending_for(self._c, device_id)

    def episode_versions(self, device_id: str) -> dict[str, tuple[int, str]]:
        return rco_repos.episode_versions(self._c, device_id)

    def upsert_episodes(self, episodes: Iterable[Episode]) -> None:
        rco_repos.upsert_episodes(self._c, episodes)

    def touch_episodes(self, device_id: str, pseudonyms: Iterable[str], period: str) -> None:
        rco_repos.touch_episodes(self._c, device_id, pseudonyms, period)

    def list_episodes(self) -> list[Episode]:
        return rco_repos.list_episodes(self._c)

    def count_episodes(self) -> int:
        return rco_repos.count_episodes(self._c)

    def coverage_of(self, device_id: str) -> Coverage | None:
        return rco_repos.coverage_of(self._c, device_id)

    def list_coverage(self) -> list[Coverage]:
        return rco_repos.list_coverage(self._c)

    def replace_period_cells(
        self, coverage: Coverage, covered: Iterable[str], cells: Iterable[PeriodCell]
    ) -> None:
        rco_repos.replace_period_cells(self._c, coverage, covered, cells)

    def list_period_cells(self, period: str | None = None) -> list[PeriodCell]:
        return rco_repos.list_period_cells(self._c, period)

    def period_settings(self) -> list[tuple[str, str]]:
        return rco_repos.period_settings(self._c)

    def upsert_directory_entry(self, resource: Resource, now: str) -> None:
        rco_repos.upsert_directory_entry(self._c, resource, now)

    def delete_directory_entry(self, ref: str) -> bool:
        return rco_repos.delete_directory_entry(self._c, ref)

    def list_directory(self) -> list[Resource]:
        return rco_repos.list_directory(self._c)

    def set_receive_key(self, device_id: str, key_hex: str, now: str) -> None:
        rco_repos.set_receive_key(self._c, device_id, key_hex, now)

    def receive_keys(self) -> dict[str, str]:
        return rco_repos.receive_keys(self._c)

    # -- suggestions and verification (issue 20) ----------------------------------------

    def insert_suggestion(self, row: rco_repos.SuggestionRow) -> None:
        rco_repos.insert_suggestion(self._c, row)

    def suggestion_digest(self, suggestion_id: str) -> str | None:
        return rco_repos.suggestion_digest(self._c, suggestion_id)

    def list_suggestions(self) -> list[rco_repos.SuggestionRow]:
        return rco_repos.list_suggestions(self._c)

    def decide_suggestions(
        self, ids: Iterable[str], state: str, reason: str, now: str, result_ref: str
    ) -> int:
        return rco_repos.decide_suggestions(self._c, ids, state, reason, now, result_ref)

    def list_verification(self) -> dict[str, rco_repos.Verification]:
        return rco_repos.list_verification(self._c)

    def upsert_verification(self, verification: rco_repos.Verification) -> None:
        rco_repos.upsert_verification(self._c, verification)

    def replace_linkage(
        self, device_id: str, counts: dict[str, tuple[int, int]], counter: int
    ) -> None:
        rco_repos.replace_linkage(self._c, device_id, counts, counter)

    def list_linkage(self) -> dict[str, tuple[int, int]]:
        return rco_repos.list_linkage(self._c)

    # -- end of suggestions ------------------------------------------------------------

    def _audit_log(self) -> AuditLog:
        return AuditLog(self.store.conn, self.store.audit_key)

    def audit(self, action: str, detail: str) -> None:
        """Append to the audit log: inside the caller's transaction if one is open (the entry
        commits with the change), else in a transaction of its own."""
        if self.store.conn.in_transaction:
            self._audit_log().append(rco_audit.ACTOR, action, detail=detail)
            return
        with self.store.transaction():
            self._audit_log().append(rco_audit.ACTOR, action, detail=detail)

    def audit_entries(self) -> list[AuditEntry]:
        """The whole log, oldest first."""
        return self._audit_log().entries(limit=None)[::-1]

    def audit_broken_at(self) -> int | None:
        """The id of the first entry whose chain tag does not match, or None if intact."""
        return self._audit_log().verify()

    def close(self) -> None:
        self.store.close()
