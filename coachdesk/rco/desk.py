"""The RCO supervisor's use cases; the CLI (cli/rco_cmds.py) and the window (ui/rco) call these.

Threading: an RcoDesk belongs to the thread that opened it (the GUI runs it on one worker).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.core.models import Resource
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.crypto.signing import normalize_fingerprint
from coachdesk.errors import CoachDeskError, NotFoundError, WrongPassphraseError
from coachdesk.exchange.directory import FILE_NAME as DIRECTORY_FILE_NAME
from coachdesk.exchange.directory import make_directory
from coachdesk.exchange.enrollment import PrivacyPolicy, make_enrollment
from coachdesk.exchange.roster import FILE_NAME as ROSTER_FILE_NAME
from coachdesk.exchange.roster import RetentionPolicy, RosterEntry, make_roster
from coachdesk.exchange.suggestion import is_suggestion
from coachdesk.files import write_atomic
from coachdesk.i18n.catalog import Message, Worded
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import family_child, metrics
from coachdesk.rco import handoffs as rco_handoffs
from coachdesk.rco import pg as rco_pg
from coachdesk.rco import rotation as rco_rotation
from coachdesk.rco.importer import (
    FileResult,
    ImportRejected,
    ImportSummary,
    OpenedBundle,
    Outcome,
    Progress,
    episode_from_record,
    expand_paths,
    open_sealed,
    quarter_of,
    read_bundle_file,
)
from coachdesk.rco.model import (
    BundleRecord,
    Device,
    DeviceStatus,
    Episode,
    Flag,
    PendingBundle,
)
from coachdesk.rco.store import RcoBackend, RcoStore, SqliteBackend
from coachdesk.storage.lockout import Clock, utc_now

_IDENTITY = "rco.identity"  # secret key hex, only ever inside the encrypted store
_NAME = "rco.name"
_POLICY = "rco.policy"
_DIRECTORY_SERIAL = "rco.directory_serial"
_ROSTER_SERIAL = "rco.roster_serial"  # issue 19
_HANDOFF_POLICY = "rco.handoff_policy"


class StoreWrongPassphraseError(WrongPassphraseError):
    """The vault's wrong-passphrase refusal in a supervisor's words ("this store")."""

    code = "rco.desk.wrong_passphrase"


class StoreWrongCodeError(StoreWrongPassphraseError):
    code = "rco.desk.wrong_code"


@contextmanager
def store_wording(recovery_code: bool = False) -> Iterator[None]:
    """Key work on a store's key slots (unlock, passphrase change, recovery code): a wrong
    secret is refused in the supervisor's words."""
    try:
        yield
    except WrongPassphraseError as exc:
        if isinstance(exc, StoreWrongPassphraseError):
            raise
        worded = StoreWrongCodeError if recovery_code else StoreWrongPassphraseError
        raise worded(exc.wait_seconds) from None


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class RcoDesk:
    def __init__(self, backend: RcoBackend, clock: Clock = utc_now) -> None:
        self.backend = backend
        self.clock = clock
        self._identity: RcoIdentity | None = None
        self._episodes: list[Episode] | None = None
        self._data: metrics.DeskData | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        name: str = "",
        policy: PrivacyPolicy | None = None,
        params: kdf.KdfParams | None = None,
        clock: Clock = utc_now,
        postgres: str | None = None,
    ) -> tuple[RcoDesk, str]:
        """Create the store with a new RCO identity; return it open and the recovery code.
        With `postgres` (a connection string) the store goes into that empty database and
        `path` becomes its key folder (rco/pg.py)."""
        name = name.strip() or "Recovery Community Organization"
        if len(name) > 200:
            raise CoachDeskError(code="rco.desk.rco_name_too_long", limit=200)
        policy = policy or PrivacyPolicy()
        PrivacyPolicy.from_json(policy.to_json())  # same range checks a coach applies
        backend: RcoBackend
        if postgres is not None:
            backend, code = rco_pg.create_backend(path, postgres, passphrase, params)
        else:
            store, code = RcoStore.create(path, passphrase, params=params)
            backend = SqliteBackend(store)
        try:
            with backend.transaction():
                backend.set_meta(_IDENTITY, json.dumps(RcoIdentity.generate().to_secret_hex()))
                backend.set_meta(_NAME, name)
                backend.set_meta(_POLICY, json.dumps(policy.to_json()))
                backend.set_meta(_DIRECTORY_SERIAL, "0")
        except BaseException:
            backend.close()
            raise
        return cls(backend, clock), code

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, clock: Clock = utc_now) -> RcoDesk:
        with store_wording():
            if rco_pg.is_postgres(path):
                return cls(rco_pg.open_backend(path, passphrase, clock=clock), clock)
            return cls(SqliteBackend(RcoStore.open(path, passphrase, clock=clock)), clock)

    def close(self) -> None:
        self._identity = None
        self._episodes = None
        self._data = None
        self.backend.close()

    def __enter__(self) -> RcoDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity and enrollment -----------------------------------------------------------

    @property
    def identity(self) -> RcoIdentity:
        if self._identity is None:
            raw = self.backend.get_meta(_IDENTITY)
            if raw is None:
                raise CoachDeskError(code="rco.desk.no_identity")
            self._identity = RcoIdentity.from_secret_hex(json.loads(raw))
        return self._identity

    @property
    def name(self) -> str:
        return self.backend.get_meta(_NAME) or ""

    @property
    def policy(self) -> PrivacyPolicy:
        return PrivacyPolicy.from_json(json.loads(self.backend.get_meta(_POLICY) or "{}"))

    @property
    def fingerprint(self) -> str:
        return self.identity.public.fingerprint

    def enrollment(self) -> bytes:
        return make_enrollment(self.identity, self.name, self.policy)

    def write_enrollment(self, target: Path | str) -> Path:
        return write_atomic(target, self.enrollment())

    # -- import ----------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Import files and folders; one transaction per bundle; never stops at a bad file."""
        files = expand_paths(Path(p) for p in paths)
        summary = ImportSummary()
        for index, path in enumerate(files):
            if cancelled is not None and cancelled():
                break
            try:
                data = read_bundle_file(path)
                summary.results.append(self.import_bytes(data, str(path), path.name))
            except ImportRejected as exc:
                summary.results.append(FileResult(str(path), Outcome.REJECTED, str(exc)))
            rco_audit.record_imports(self.backend, summary.results[-1:])
            if progress is not None:
                progress(index + 1, len(files))
        return summary

    def import_bytes(self, data: bytes, label: str, file_name: str = "") -> FileResult:
        """Import one sealed bundle. Raises ImportRejected (nothing changed) when refused."""
        if is_suggestion(data):  # issue 20: a coach's suggestion to the directory
            from coachdesk.rco import curation

            return curation.import_suggestion(
                self, data, label, rco_rotation.identity_for(self, data)
            )
        digest = hashlib.sha256(data).hexdigest()
        if self.backend.has_sealed_digest(digest):
            # The very same file was imported before: nothing to decrypt or merge.
            return FileResult(label, Outcome.ALREADY_PRESENT)
        opened = open_sealed(data, rco_rotation.identity_for(self, data))
        result = FileResult(
            label,
            Outcome.IMPORTED,
            bundle_id=opened.bundle_id,
            device_fingerprint=opened.device_fingerprint,
            records=len(opened.records),
        )
        now = _stamp(self.clock())
        with self.backend.transaction():
            if self.backend.has_bundle(opened.bundle_id):
                result.outcome = Outcome.ALREADY_PRESENT
                return result
            if self.backend.is_pending(opened.bundle_id):
                result.outcome = Outcome.PENDING
                result.reason = Worded(Message("rco.desk.still_pending"))
                return result
            device = self.backend.get_device(opened.device_id)
            by_fp = self.backend.device_by_fingerprint(opened.device_fingerprint)
            if device is None and by_fp is not None:
                raise ImportRejected(code="rco.desk.key_of_other_device")
            if device is not None and device.public_key != opened.device_public_key:
                raise ImportRejected(code="rco.desk.not_registered_key")
            if device is not None and device.status == DeviceStatus.REVOKED:
                raise ImportRejected(code="rco.desk.device_revoked", fingerprint=device.fingerprint)
            receive = opened.payload.get("receive_key")  # issue 19: for the team roster
            if device is None or device.status == DeviceStatus.PENDING:
                if device is None:
                    self.backend.insert_device(
                        Device(
                            opened.device_id,
                            opened.device_fingerprint,
                            opened.device_public_key,
                            DeviceStatus.PENDING,
                        ),
                        now,
                    )
                if isinstance(receive, str):
                    self.backend.set_receive_key(opened.device_id, receive, now)
                self.backend.insert_pending(
                    PendingBundle(opened.device_id, opened.bundle_id, now, file_name, data)
                )
                result.outcome = Outcome.PENDING
                result.reason = Worded(
                    Message("rco.desk.new_device", {"fingerprint": opened.device_fingerprint})
                )
                return result
            if isinstance(receive, str):
                self.backend.set_receive_key(opened.device_id, receive, now)
            flag = self._merge(opened, device, now, file_name, digest)
        if flag:
            result.outcome = Outcome.FLAGGED
            result.reason = flag
        self._episodes = self._data = None
        return result

    def _merge(
        self, opened: OpenedBundle, device: Device, now: str, file_name: str, digest: str = ""
    ) -> str:
        """Record the bundle and merge its episodes (inside the caller's transaction). The
        flag returned, if any, is a catalog.Worded: stored with its code (rco_repos), so the
        desk and the CLI word it in their language."""
        backend = self.backend
        flag = ""
        same = backend.bundle_with_counter(device.device_id, opened.counter)
        if same is not None:
            flag = Worded(
                Message(
                    "rco.desk.counter_repeated", {"counter": opened.counter, "bundle": same[:8]}
                )
            )
        elif opened.counter < device.last_counter:
            flag = Worded(
                Message(
                    "rco.desk.counter_backwards",
                    {"counter": opened.counter, "last": device.last_counter},
                )
            )
        if flag:
            backend.insert_flag(
                Flag(
                    now,
                    device.device_id,
                    opened.bundle_id,
                    "counter_repeated" if same else "counter_backwards",
                    flag,
                )
            )
        if not flag:  # issue 19: the newest bundle's hand-off counts
            rco_handoffs.record(backend, device.device_id, opened.counter, opened.payload)
        period = quarter_of(datetime.fromisoformat(now))
        held = backend.episode_versions(device.device_id)
        newer: list[Episode] = []
        older: list[str] = []
        for raw in opened.records:
            previous = held.get(raw["pseudonym"])
            if previous is not None and opened.counter <= previous[0]:
                older.append(str(raw["pseudonym"]))
                continue
            first = period if previous is None else min(previous[1], period)
            newer.append(
                episode_from_record(
                    device.device_id, raw, opened.counter, opened.bundle_id, period, first
                )
            )
        backend.upsert_episodes(newer)
        backend.touch_episodes(device.device_id, older, period)
        format2 = opened.period_cells()
        if format2 is not None and not flag:
            # The latest bundle of a device replaces its cells of every period it covers; a
            # repeated or older counter never overwrites (FORMAT.md 7, de-duplication).
            coverage, covered, cells = format2
            held_coverage = backend.coverage_of(device.device_id)
            if held_coverage is None or coverage.counter > held_coverage.counter:
                backend.replace_period_cells(coverage, covered, cells)
                from coachdesk.rco import curation  # issue 20: referrals per directory entry

                curation.store_linkage(backend, device.device_id, opened)
        backend.insert_bundle(
            BundleRecord(
                opened.bundle_id,
                device.device_id,
                opened.counter,
                opened.created_at,
                now,
                file_name,
                len(opened.records),
                flag,
                digest,
                opened.schema_version,
            )
        )
        backend.record_device_bundle(device.device_id, opened.counter, now)
        return flag

    # -- device registry -------------------------------------------------------------------

    def devices(self) -> list[Device]:
        return self.backend.list_devices()

    def _device(self, fingerprint: str) -> Device:
        device = self.backend.device_by_fingerprint(normalize_fingerprint(fingerprint))
        if device is None:
            raise NotFoundError(code="rco.desk.no_device", fingerprint=fingerprint)
        return device

    def confirm_device(self, fingerprint: str, name: str = "") -> ImportSummary:
        """Confirm a device (its fingerprint was checked with the coach); import its waiting
        bundles in counter order. Returns what happened to each waiting bundle."""
        device = self._device(fingerprint)
        if device.status == DeviceStatus.REVOKED:
            raise CoachDeskError(code="rco.desk.revoked_not_confirmed")
        now = _stamp(self.clock())
        with self.backend.transaction():
            self.backend.set_device_status(
                device.device_id, DeviceStatus.CONFIRMED, now, name.strip() or None
            )
            rco_audit.record(
                self.backend, rco_audit.DEVICE_CONFIRMED, device=device.fingerprint, name=name
            )
        summary = ImportSummary()
        waiting = self.backend.pending_for(device.device_id)
        opened_items: list[tuple[PendingBundle, OpenedBundle | None, str]] = []
        for item in waiting:
            try:
                identity = rco_rotation.identity_for(self, item.sealed)
                opened_items.append((item, open_sealed(item.sealed, identity), ""))
            except ImportRejected as exc:
                opened_items.append((item, None, str(exc)))
        opened_items.sort(key=lambda t: t[1].counter if t[1] else -1)
        for item, opened, error in opened_items:
            label = item.file_name or item.bundle_id
            if opened is None:
                summary.results.append(FileResult(label, Outcome.REJECTED, error))
                with self.backend.transaction():
                    self.backend.delete_pending(int(item.id or 0))
                continue
            with self.backend.transaction():
                self.backend.delete_pending(int(item.id or 0))
                current = self.backend.get_device(device.device_id)
                assert current is not None
                if self.backend.has_bundle(opened.bundle_id):
                    outcome, flag = Outcome.ALREADY_PRESENT, ""
                else:
                    flag = self._merge(
                        opened,
                        current,
                        _stamp(self.clock()),
                        item.file_name,
                        hashlib.sha256(item.sealed).hexdigest(),
                    )
                    outcome = Outcome.FLAGGED if flag else Outcome.IMPORTED
            summary.results.append(
                FileResult(
                    label,
                    outcome,
                    flag,
                    opened.bundle_id,
                    opened.device_fingerprint,
                    len(opened.records),
                )
            )
        self._episodes = self._data = None
        rco_audit.record_imports(self.backend, summary.results)
        return summary

    def revoke_device(self, fingerprint: str) -> int:
        """Revoke a device: its future bundles are refused and waiting ones dropped.
        Records already imported stay (they were genuine when they came). Returns the number
        of waiting bundles dropped."""
        device = self._device(fingerprint)
        with self.backend.transaction():
            self.backend.set_device_status(
                device.device_id, DeviceStatus.REVOKED, _stamp(self.clock())
            )
            rco_audit.record(self.backend, rco_audit.DEVICE_REVOKED, device=device.fingerprint)
            return self.backend.delete_pending_for(device.device_id)

    def rename_device(self, fingerprint: str, name: str) -> None:
        device = self._device(fingerprint)
        with self.backend.transaction():
            self.backend.set_device_status(
                device.device_id, device.status, _stamp(self.clock()), name.strip()
            )
            rco_audit.record(
                self.backend, rco_audit.DEVICE_RENAMED, device=device.fingerprint, name=name
            )

    def flags(self) -> list[Flag]:
        return self.backend.list_flags()

    def bundles(self) -> list[BundleRecord]:
        return self.backend.list_bundles()

    # -- records ---------------------------------------------------------------------------

    def episodes(self) -> list[Episode]:
        """Every de-identified episode (cached until the next import), with the per-episode
        facts the dashboard adds up computed once here, so a refresh is only additions."""
        if self._episodes is None:
            self._episodes = self.backend.list_episodes()
            for episode in self._episodes:
                metrics.facts_of(episode)
        return self._episodes

    def data(self) -> metrics.DeskData:
        """What the figures are computed from (cached until the next import): format 2 cells,
        and the format 1 episodes of devices that never sent a format 2 bundle."""
        if self._data is None:
            coverage = {c.device_id: c for c in self.backend.list_coverage()}
            # The episodes are loaded only when some device sent nothing but format 1.
            format1 = any(d.bundles and d.device_id not in coverage for d in self.devices())
            # Issue 14: each period's cells read when first shown, its suppression pattern
            # computed once per state of the cells and kept in the store.
            self._data = metrics.DeskData(
                [],
                coverage,
                [e for e in self.episodes() if e.device_id not in coverage] if format1 else [],
                self.policy.fiscal_year_start,
                patterns=_StoredPatterns(self.backend),
                compute_pattern=family_child.compute_pattern,
                load_period=self.backend.list_period_cells,
                keys=self.backend.period_settings(),
            )
        return self._data

    def figures(
        self, filters: metrics.Filters, progress: metrics.Progress | None = None
    ) -> metrics.Figures:
        """The suppressed figures of one selection, with data completeness. The first
        selection of a period after an import computes the period's suppression pattern
        (at 500 coaches in a child process, seconds): `progress(done, total)` follows it."""
        return metrics.compute(
            self.data(),
            filters,
            self.policy.small_cell,
            self.device_names(),
            self.devices(),
            progress,
        )

    def prepare_figures(self, progress: metrics.Progress | None = None) -> None:
        """After an import that added data: compute and store the suppression pattern of the
        dashboard's first view (every period, every coach and setting), so the supervisor's
        first dashboard after the import reads it instead of waiting for it (issue 14: at 500
        coaches it takes seconds; docs/deidentification.md). Another period's pattern is
        computed when it is first shown. Nothing is computed when the stored one is current."""
        self.figures(metrics.Filters(), progress)

    def episodes_by_key(self) -> dict[str, Episode]:
        return {e.pseudonym: e for e in self.episodes()}

    def device_names(self) -> dict[str, str]:
        """device_id -> a label for filters: the supervisor's name for it, else its fingerprint."""
        return {d.device_id: d.name or d.fingerprint for d in self.devices()}

    # -- resource directory ----------------------------------------------------------------

    def directory(self) -> list[Resource]:
        return self.backend.list_directory()

    def save_directory_entry(self, resource: Resource) -> Resource:
        if not resource.name.strip():
            raise CoachDeskError(code="rco.desk.entry_name_needed")
        limits = {"name": 200, "address": 500, "phone": 100, "hours": 200, "notes": 2000}
        for attr, limit in limits.items():
            if len(getattr(resource, attr)) > limit:
                raise CoachDeskError(
                    code="rco.desk.field_too_long",
                    what=Message(f"rco.desk.field.{attr}"),
                    limit=limit,
                )
        if not resource.rco_ref:
            # A new entry with the name and category of one already there is the same entry
            # saved twice (a double click, the CLI run again): refused, not duplicated.
            key = (resource.name.strip().casefold(), resource.category)
            for other in self.directory():
                if (other.name.strip().casefold(), other.category) == key:
                    raise CoachDeskError(
                        code="rco.desk.duplicate_entry",
                        name=other.name,
                        category=other.category.value,
                    )
            resource = replace(resource, rco_ref=secrets.token_hex(8))
        resource = replace(resource, local=False, id=None)
        with self.backend.transaction():
            self.backend.upsert_directory_entry(resource, _stamp(self.clock()))
        return resource

    def delete_directory_entry(self, ref: str) -> None:
        with self.backend.transaction():
            if not self.backend.delete_directory_entry(ref):
                raise NotFoundError(code="rco.desk.no_entry", ref=ref)

    @property
    def directory_serial(self) -> int:
        return int(self.backend.get_meta(_DIRECTORY_SERIAL) or "0")

    def publish_directory(self, folder: Path | str) -> tuple[Path, int]:
        """Sign the directory with the next serial and write FOLDER/coachdesk-directory.json."""
        folder = Path(folder)
        if not folder.is_dir():
            raise CoachDeskError(code="rco.desk.no_folder", folder=str(folder))
        # The serial is spent before the file is written: a failed write skips a number,
        # it never lets two different directories carry the same serial.
        with self.backend.transaction():
            serial = self.directory_serial + 1
            self.backend.set_meta(_DIRECTORY_SERIAL, str(serial))
        from coachdesk.rco import curation  # issue 20: verification and suggestions' fates

        data = make_directory(
            self.identity, self.directory(), serial, *curation.publish_extras(self)
        )
        path = write_atomic(folder / DIRECTORY_FILE_NAME, data)
        rco_audit.record(self.backend, rco_audit.DIRECTORY_PUBLISHED, file=str(path), serial=serial)
        self.publish_roster(folder)  # issue 19: the team roster goes beside the directory
        return path, serial

    # -- team roster (issue 19) -------------------------------------------------------------

    @property
    def handoff_policy(self) -> RetentionPolicy:
        raw = self.backend.get_meta(_HANDOFF_POLICY)
        return RetentionPolicy.from_json(json.loads(raw)) if raw else RetentionPolicy()

    def set_handoff_policy(self, policy: RetentionPolicy) -> None:
        """What a sender keeps of a handed-off client; carried by the next roster."""
        RetentionPolicy.from_json(policy.to_json())  # the same checks as a coach's
        with self.backend.transaction():
            self.backend.set_meta(_HANDOFF_POLICY, json.dumps(policy.to_json()))

    def roster_entries(self) -> tuple[list[RosterEntry], list[str]]:
        """Confirmed devices with a receive key (the supervisor's name), and revoked ones."""
        keys = self.backend.receive_keys()
        devices = self.devices()
        listed = [
            RosterEntry(d.fingerprint, d.device_id, d.name, keys[d.device_id])
            for d in devices
            if d.status == DeviceStatus.CONFIRMED and d.device_id in keys
        ]
        revoked = [d.fingerprint for d in devices if d.status == DeviceStatus.REVOKED]
        return sorted(listed, key=lambda e: (e.name, e.fingerprint)), revoked

    def publish_roster(self, folder: Path | str) -> tuple[Path, int]:
        """Sign the roster with the next serial and write FOLDER/coachdesk-roster.json."""
        with self.backend.transaction():
            serial = int(self.backend.get_meta(_ROSTER_SERIAL) or "0") + 1
            self.backend.set_meta(_ROSTER_SERIAL, str(serial))
        listed, revoked = self.roster_entries()
        data = make_roster(self.identity, listed, revoked, serial, self.handoff_policy)
        path = write_atomic(Path(folder) / ROSTER_FILE_NAME, data)
        self.backend.audit("roster_published", f"team roster {serial}: {len(listed)} devices")
        return path, serial


class _StoredPatterns:
    """metrics.PatternStore in the store's meta: the suppression pattern of a period's
    family, computed from the store's own cells (a cache: no audit entry, replaced when the
    cells change)."""

    def __init__(self, backend: RcoBackend) -> None:
        self.backend = backend

    def load(self, key: str) -> str | None:
        return self.backend.get_meta(key)

    def save(self, key: str, text: str) -> None:
        try:
            with self.backend.transaction():
                self.backend.set_meta(key, text)
        except Exception:
            # A cache: a store that cannot take it now (busy, read-only, inside another
            # transaction) only costs the next desk the computation.
            pass
