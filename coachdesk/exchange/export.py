"""Use cases of the coach's side of the export: enroll with an RCO, preview, seal.

Front-ends (the CLI, the window's dialogs) call only these functions and read the returned
dataclasses; nothing here prints or asks. Threading: call on the thread that owns the vault
(the GUI's database worker), like every Caseload method.
"""

from __future__ import annotations

import gc
import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from coachdesk.core.caseload import Caseload
from coachdesk.crypto.identity import DeviceIdentity, public_bytes
from coachdesk.crypto.signing import normalize_fingerprint
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import bundle as bundles
from coachdesk.exchange import handoff_counts, periods
from coachdesk.exchange.aggregates import PeriodCells, period_cells, resource_referrals
from coachdesk.exchange.deid import DeidRecord, anonymize_records, deidentify, payload_record
from coachdesk.exchange.enrollment import Enrollment, EnrollmentError, parse_enrollment
from coachdesk.exchange.kanon import Anonymization, Key, LocalAnonymization, anonymize
from coachdesk.exchange.payload_schema import (
    LEVELS,
    PAYLOAD_FORMAT,
    QUASI_IDENTIFIERS,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
)
from coachdesk.exchange.receive_key import receive_public_hex
from coachdesk.files import StagedFile, remove_leftover_temps, stage_bytes
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import Message
from coachdesk.i18n.format import Percent
from coachdesk.storage import export_queries, export_state, outbox

ENROLLMENT_META = "rco.enrollment"
DEVICE_META = "device.identity"
COUNTER_META = "export.counter"
# Format 1 exports only (one rung per bundle): {"recipient": fingerprint, "levels": {qi: level}}.
# Format 2 keeps per-record state instead (storage/export_state.py).
LEVELS_META = "export.released_levels"


class NotEnrolledError(CoachDeskError):
    def __init__(self) -> None:
        super().__init__(
            "This vault is not enrolled with an RCO yet: ask your supervisor for the enrollment "
            "file and its fingerprint, then enroll (coachdesk vault enroll VAULT FILE)."
        )


# -- enrollment ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnrollmentCheck:
    """What the coach must see before confirming an enrollment file."""

    rco_name: str
    fingerprint: str
    policy_k: int
    optional_fields: tuple[str, ...]
    matches_expected: bool | None  # None when no fingerprint from paper was given yet
    current_rco: str | None  # the RCO this vault is enrolled with now, if any
    current_fingerprint: str | None
    replaces_another_rco: bool


@dataclass(frozen=True, slots=True)
class EnrollmentResult:
    rco_name: str
    rco_fingerprint: str
    device_id: str
    device_fingerprint: str
    new_device: bool
    replaced: str | None  # fingerprint of the RCO this replaced, if any


def current_enrollment(caseload: Caseload) -> Enrollment | None:
    text = caseload.vault.get_meta(ENROLLMENT_META)
    return parse_enrollment(text.encode("utf-8")) if text else None


def device_identity(caseload: Caseload) -> DeviceIdentity | None:
    text = caseload.vault.get_meta(DEVICE_META)
    return DeviceIdentity.from_secret_hex(json.loads(text)) if text else None


def check_enrollment(
    caseload: Caseload, data: bytes, expected_fingerprint: str | None = None
) -> EnrollmentCheck:
    """Parse and verify an enrollment file and compare it with the paper fingerprint."""
    enrollment = parse_enrollment(data)
    current = current_enrollment(caseload)
    matches = None
    if expected_fingerprint is not None:
        matches = normalize_fingerprint(expected_fingerprint) == enrollment.fingerprint
    return EnrollmentCheck(
        enrollment.rco_name,
        enrollment.fingerprint,
        enrollment.policy.k,
        enrollment.policy.optional_fields,
        matches,
        current.rco_name if current else None,
        current.fingerprint if current else None,
        current is not None and current.fingerprint != enrollment.fingerprint,
    )


def replace_warning(check: EnrollmentCheck) -> str:
    return (
        f"This vault is enrolled with {check.current_rco} (key {check.current_fingerprint}). "
        f"Enrolling with {check.rco_name} instead means every later export is sealed for "
        f"{check.rco_name} only and {check.current_rco} can no longer read them; exports "
        "already waiting in the outbox stay sealed for the old RCO."
    )


def enroll(
    caseload: Caseload, data: bytes, confirmed_fingerprint: str, *, replace: bool = False
) -> EnrollmentResult:
    """Enroll the vault with the RCO of `data` once the coach confirmed its fingerprint.

    `confirmed_fingerprint` is the fingerprint the supervisor gave on paper (as typed); a
    mismatch is refused. Enrolling with a different RCO is refused unless `replace`. The device
    identity is made on first enrollment and kept when the RCO is replaced or re-enrolled.
    """
    check = check_enrollment(caseload, data, confirmed_fingerprint)
    if not check.matches_expected:
        raise EnrollmentError(
            "The fingerprint does not match the one from your supervisor. Nothing was enrolled: "
            "check with your supervisor before using this file."
        )
    if check.replaces_another_rco and not replace:
        raise EnrollmentError(replace_warning(check) + " Use --replace if that is intended.")
    vault = caseload.vault
    with vault.transaction():
        device = device_identity(caseload)
        new_device = device is None
        if device is None:
            device = DeviceIdentity.generate()
            vault.set_meta(DEVICE_META, json.dumps(device.to_secret_hex()))
        vault.set_meta(ENROLLMENT_META, data.decode("utf-8"))
        detail = f"RCO key {check.fingerprint}; device {device.fingerprint}"
        if check.replaces_another_rco:
            detail += f"; replaced RCO key {check.current_fingerprint}"
        caseload.audit.append(caseload.actor, "enroll", "enrollment", None, detail)
    return EnrollmentResult(
        check.rco_name,
        check.fingerprint,
        device.device_id,
        device.fingerprint,
        new_device,
        check.current_fingerprint if check.replaces_another_rco else None,
    )


# -- preview and export ----------------------------------------------------------------------

# What each record holds, in the order the preview lists it (words: export.field.* codes).
_FIELDS = (
    "code",
    "age_band",
    "gender",
    "setting",
    "intake_year",
    "pathways",
    "status",
    "contacts",
    "referrals",
    "barc10",
    "outcomes",
)


def _level(qi: str, level: str) -> Message:
    """Format 2 generalizes per class: a level is the coarsest any record is on ("at most")."""
    return Message(f"export.preview.level.{qi}.{level}")


@dataclass(frozen=True, slots=True)
class Explanation:
    """One paragraph of the preview, and the points it lists (if any)."""

    message: Message
    points: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """What the per-period figures of a format 2 export cover (structured, no sentences)."""

    format_version: int
    first_quarter: str | None  # None: no activity yet
    last_quarter: str
    fiscal_year_start: int
    cell_sets: int  # (period, setting) combinations with at least one count
    periods: tuple[str, ...]  # period keys with data, newest first


def _period_summary(cells: PeriodCells | None) -> PeriodSummary | None:
    if cells is None:
        return None
    payload = cells.to_payload()
    keys = sorted({c["period"] for c in payload["cells"]}, key=periods.sort_key)
    return PeriodSummary(
        SCHEMA_VERSION,
        payload["first_quarter"],
        payload["last_quarter"],
        cells.fiscal_year_start,
        len(payload["cells"]),
        tuple(keys),
    )


@dataclass(frozen=True, slots=True)
class ExportPreview:
    rco_name: str
    rco_fingerprint: str
    k: int
    records: int  # records that would be sealed (withheld ones not counted)
    suppressed_records: int
    missing_age: int
    information_kept: float
    generalization: dict[str, str]
    fields: tuple[Message, ...]
    explanations: tuple[Explanation, ...]
    period_summary: PeriodSummary | None = None
    withheld_records: int = 0  # clients held back until they can share a class with k others

    @property
    def intro(self) -> Message:
        return Message(
            "export.preview.records",
            {"n": self.records, "rco": self.rco_name, "fingerprint": self.rco_fingerprint},
        )

    @property
    def kept(self) -> Message:
        return Message("export.preview.kept", {"percent": Percent(self.information_kept)})

    def lines(self, lang: str = "en") -> list[str]:
        """The preview in plain words, one sentence a line (a listed point starts "  - ")."""
        fields = "; ".join(f.text(lang) for f in self.fields)
        out = [
            self.intro.text(lang),
            catalog.text("export.preview.fields", lang, fields=fields),
            catalog.text("export.preview.never", lang),
        ]
        for explanation in self.explanations:
            out.append(explanation.message.text(lang))
            out += [f"  - {point.text(lang)}." for point in explanation.points]
        out.append(self.kept.text(lang))
        return out


@dataclass(frozen=True, slots=True)
class SealResult:
    """An export sealed and queued in the outbox (no file written anywhere)."""

    bundle_id: str
    counter: int
    file_name: str  # the name the outbox delivers it under
    format_version: int
    records: int
    suppressed_records: int
    information_kept: float
    generalization: dict[str, str]
    size_bytes: int
    outbox_id: int
    period_summary: PeriodSummary | None
    summary: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportResult(SealResult):
    """An export sealed, queued in the outbox and also written to a folder."""

    path: Path = Path()


@dataclass(frozen=True, slots=True)
class _Prepared:
    enrollment: Enrollment
    records: list[DeidRecord]
    anonymization: Anonymization | LocalAnonymization
    floor: dict[str, str] | None  # format 1: the rungs of the last export (never finer)
    period_cells: PeriodCells | None = None  # None for a format 1 payload
    # Format 2: pseudonym -> (values, native) to store with the bundle (export_state.save)
    updates: dict[str, tuple[Key, bool]] = field(default_factory=dict)
    earlier: int = 0  # format 2: records this RCO already holds from earlier exports
    # The records that go into the bundle, with their values (withheld ones left out): listed
    # once, as the payload, the summary and the audit each read it.
    sent: list[tuple[DeidRecord, Key]] = field(init=False)

    def __post_init__(self) -> None:
        pairs = zip(self.records, self.anonymization.values, strict=True)
        sent = [(record, values) for record, values in pairs if values is not None]
        object.__setattr__(self, "sent", sent)  # frozen: set once, here

    @property
    def withheld(self) -> int:
        return len(self.records) - len(self.sent)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an export is made, back as it was after.

    Making an export builds a few million small objects (rows, records, cells) that live until
    it is sealed, none of them in a cycle: the collector ran over them again and again for a
    quarter of the preparation at 20,000 clients (1.4 of 5.7 s) and freed nothing. Reference
    counting still frees everything as usual; a cycle made meanwhile waits for the next run."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _prepare(
    caseload: Caseload, today: date | None = None, schema_version: int = SCHEMA_VERSION
) -> _Prepared:
    enrollment = current_enrollment(caseload)
    if enrollment is None:
        raise NotEnrolledError()
    if schema_version not in SCHEMA_VERSIONS:
        raise ValueError(f"no payload schema {schema_version}")
    months = "months_between" in enrollment.policy.optional_fields
    rows = export_queries.caseload_rows(caseload.conn, months_between=months)
    records = [deidentify(row, months_between=months) for row in rows]
    records.sort(key=lambda r: r.pseudonym)  # order carries nothing about intake or identity
    k = enrollment.policy.k
    if schema_version == 1:  # one rung per bundle, never finer than the last (FORMAT.md 5)
        floor = released_levels(caseload, enrollment.fingerprint)
        return _Prepared(
            enrollment, records, anonymize([r.quasi for r in records], k, floor), floor
        )
    # Format 2: local generalization, each record never finer than it went out before.
    loaded = export_state.load(caseload.conn, enrollment.fingerprint)
    state = {p: (row.values, row.native) for p, row in loaded.items()}
    anonymization, updates = anonymize_records(records, k, state)
    today = today or datetime.now(UTC).date()
    cells = period_cells(
        export_queries.activity_rows(caseload.conn, today),
        today,
        enrollment.policy.fiscal_year_start,
        notes=export_queries.note_totals(caseload.conn, today),
    )
    earlier = sum(r.pseudonym in state for r in records)
    return _Prepared(enrollment, records, anonymization, None, cells, updates, earlier)


def released_levels(caseload: Caseload, recipient: str) -> dict[str, str] | None:
    """The generalization levels of the last export sealed for `recipient`, if any."""
    text = caseload.vault.get_meta(LEVELS_META)
    if not text:
        return None
    stored = json.loads(text)
    if stored.get("recipient") != recipient:
        return None
    levels = stored.get("levels")
    if not isinstance(levels, dict) or set(levels) != set(QUASI_IDENTIFIERS):
        return None
    if any(levels[qi] not in LEVELS[qi] for qi in QUASI_IDENTIFIERS):
        return None
    return {qi: str(levels[qi]) for qi in QUASI_IDENTIFIERS}


def _explanations(prepared: _Prepared) -> list[Explanation]:
    anon, k = prepared.anonymization, prepared.enrollment.policy.k
    n = len(prepared.records)
    if n < k and prepared.period_cells is None:
        return [Explanation(Message("export.preview.too_few", {"k": k}))]
    if not prepared.sent:
        return [Explanation(Message("export.preview.withheld_all", {"k": k}))]
    out = [Explanation(_level("age_band", "5y"))] if anon.levels["age_band"] == "5y" else []
    generalized = tuple(
        _level(qi, anon.levels[qi]) for qi in QUASI_IDENTIFIERS if anon.levels[qi] != LEVELS[qi][0]
    )
    if generalized:
        out.append(Explanation(Message("export.preview.generalized", {"k": k}), generalized))
    else:
        out.append(Explanation(Message("export.preview.nothing_generalized", {"k": k})))
    floor = prepared.floor
    if floor and any(LEVELS[qi].index(floor[qi]) > 0 for qi in QUASI_IDENTIFIERS):
        out.append(Explanation(Message("export.preview.floor")))
    if prepared.earlier:
        out.append(Explanation(Message("export.preview.never_finer")))
    if prepared.withheld:
        out.append(
            Explanation(Message("export.preview.withheld", {"n": prepared.withheld, "k": k}))
        )
    if anon.suppressed:
        out.append(Explanation(Message("export.preview.suppressed", {"n": len(anon.suppressed)})))
    missing = sum(r.quasi.age is None for r in prepared.records)
    if missing:
        out.append(Explanation(Message("export.preview.no_birth_date", {"n": missing})))
    return out


def _fields(prepared: _Prepared) -> tuple[Message, ...]:
    codes = list(_FIELDS)
    if "months_between" in prepared.enrollment.policy.optional_fields:
        codes.append("months_between")
    if prepared.period_cells is not None:
        codes.append("periods")
    return tuple(Message(f"export.field.{code}") for code in codes)


def preview_export(caseload: Caseload, *, now: datetime | None = None) -> ExportPreview:
    """What an export would contain now, in plain words; nothing is sealed or written."""
    with _collector_paused():
        prepared = _prepare(caseload, (now or datetime.now(UTC)).astimezone(UTC).date())
    anon = prepared.anonymization
    return ExportPreview(
        prepared.enrollment.rco_name,
        prepared.enrollment.fingerprint,
        prepared.enrollment.policy.k,
        len(prepared.sent),
        len(anon.suppressed),
        sum(r.quasi.age is None for r, _ in prepared.sent),
        round(anon.information_kept, 4),
        dict(anon.levels),
        _fields(prepared),
        tuple(_explanations(prepared)),
        _period_summary(prepared.period_cells),
        prepared.withheld,
    )


def build_payload(
    prepared: _Prepared,
    device: DeviceIdentity,
    counter: int,
    audit_head: bytes,
    created_at: datetime,
) -> dict[str, Any]:
    anon = prepared.anonymization
    records = [payload_record(record, values) for record, values in prepared.sent]
    payload: dict[str, Any] = {
        "format": PAYLOAD_FORMAT,
        "schema_version": 1 if prepared.period_cells is None else SCHEMA_VERSION,
        "bundle_id": secrets.token_hex(16),
        "device_id": device.device_id,
        "device_public_key": public_bytes(device.public_key).hex(),
        "counter": counter,
        "created_at": created_at.astimezone(UTC).isoformat(timespec="seconds"),
        "recipient": prepared.enrollment.fingerprint,
        "audit_head": audit_head.hex(),
        "policy": prepared.enrollment.policy.payload_json(),
        "generalization": dict(anon.levels),
        "summary": {
            "records": len(records),
            "suppressed_records": len(anon.suppressed),
            "information_kept": round(anon.information_kept, 4),
        },
        "records": records,
    }
    if prepared.period_cells is not None:
        payload["periods"] = prepared.period_cells.to_payload()
    return payload


def _earlier_export(counter: int) -> Callable[[str], bool]:
    """A bundle name of an earlier export (lower number): its run is over."""

    def earlier(name: str) -> bool:
        number = name.removeprefix(bundles.FILE_PREFIX)[:6]
        return name.startswith(bundles.FILE_PREFIX) and number.isdigit() and int(number) < counter

    return earlier


_R = TypeVar("_R", bound=SealResult)


@dataclass(frozen=True, slots=True)
class _Sealed:
    prepared: _Prepared
    payload: dict[str, Any]
    sealed: bytes
    name: str
    outbox_id: int
    summary: dict[str, Any]


def _seal_and_queue(
    caseload: Caseload,
    now: datetime | None,
    schema_version: int,
    stage: Callable[[str, bytes], StagedFile] | None = None,
) -> tuple[_Sealed, StagedFile | None]:
    """Reserve a counter, then in one transaction seal, queue in the outbox and audit.

    First the counter is reserved in its own transaction, so a number is never used twice even
    if the process dies later (a gap is harmless; a repeat would be flagged as a replay at the
    RCO). `stage` (export to a folder) writes the fsynced file under a hidden temp name inside
    the same transaction; if anything fails it rolls back and the temp file is removed.
    """
    vault = caseload.vault
    device = device_identity(caseload)
    if device is None or current_enrollment(caseload) is None:
        raise NotEnrolledError()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with vault.transaction():
        counter = int(vault.get_meta(COUNTER_META) or "0") + 1
        vault.set_meta(COUNTER_META, str(counter))
    staged: StagedFile | None = None
    try:
        # verified: a fresh full check of the vault runs beside the sealing; no commit without it
        with vault.transaction(verified=True) as conn, _collector_paused():
            prepared = _prepare(caseload, moment.date(), schema_version)
            if prepared.period_cells is None:
                vault.set_meta(
                    LEVELS_META,
                    json.dumps(
                        {
                            "recipient": prepared.enrollment.fingerprint,
                            "levels": prepared.anonymization.levels,
                        }
                    ),
                )
            else:  # in the transaction that queues the bundle: both land or neither
                export_state.save(conn, prepared.enrollment.fingerprint, counter, prepared.updates)
            payload = build_payload(prepared, device, counter, caseload.audit.head(), moment)
            if payload["schema_version"] == 2:  # issue 19: the RCO learns the receive key
                payload["receive_key"] = receive_public_hex(vault)
                payload[handoff_counts.MEMBER] = handoff_counts.bundle_member(conn, moment.date())
                # issue 20: referrals per directory entry
                payload["resource_referrals"] = resource_referrals(conn)
            sealed = bundles.seal_bundle(payload, device, prepared.enrollment.keys)
            name = bundles.bundle_file_name(counter, payload["bundle_id"])
            summary = {
                **payload["summary"],
                "recipient": prepared.enrollment.fingerprint,
                "generalization": payload["generalization"],
            }
            if stage is not None:
                staged = stage(name, sealed)
            outbox_id = outbox.enqueue(
                conn, outbox.OutboxItem(payload["bundle_id"], counter, name, sealed, summary)
            )
            caseload.audit.append(
                caseload.actor,
                "export",
                "bundle",
                counter,
                f"bundle {payload['bundle_id']}: {len(prepared.sent)} records for RCO key "
                f"{prepared.enrollment.fingerprint}",
            )
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    return _Sealed(prepared, payload, sealed, name, outbox_id, summary), staged


def seal_to_outbox(
    caseload: Caseload, *, now: datetime | None = None, schema_version: int = SCHEMA_VERSION
) -> SealResult:
    """Seal the caseload's export for the enrolled RCO and queue it in the outbox; no file is
    written (the outbox is what every sync sends). `schema_version=1` makes a format 1 bundle
    (kept for benchmarks and compatibility tests)."""
    done, _ = _seal_and_queue(caseload, now, schema_version)
    return _result(SealResult, done)


def _result(cls: type[_R], done: _Sealed, **extra: Any) -> _R:
    anon = done.prepared.anonymization
    return cls(
        done.payload["bundle_id"],
        done.payload["counter"],
        done.name,
        done.payload["schema_version"],
        len(done.prepared.sent),
        len(anon.suppressed),
        round(anon.information_kept, 4),
        dict(anon.levels),
        len(done.sealed),
        done.outbox_id,
        _period_summary(done.prepared.period_cells),
        done.summary,
        **extra,
    )


def export(
    caseload: Caseload,
    out_dir: Path | str,
    *,
    now: datetime | None = None,
    schema_version: int = SCHEMA_VERSION,
) -> ExportResult:
    """Seal the caseload's export for the enrolled RCO into `out_dir` (and the outbox).

    The file is written and fsynced under a hidden temp name inside the sealing transaction and
    takes its real name only after the commit. So a bundle file in `out_dir` is always one the
    outbox holds: a crash before the commit leaves a hidden temp file (removed by the next
    export), never a finished-looking bundle that was never recorded and that, reaching the
    RCO after a later one, would be flagged as an old export.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise CoachDeskError(f"The folder {out_dir} does not exist.")
    if device_identity(caseload) is None or current_enrollment(caseload) is None:
        raise NotEnrolledError()
    next_counter = int(caseload.vault.get_meta(COUNTER_META) or "0") + 1
    remove_leftover_temps(out_dir, _earlier_export(next_counter))  # of runs killed before
    done, staged = _seal_and_queue(
        caseload, now, schema_version, lambda name, data: stage_bytes(out_dir / name, data)
    )
    assert staged is not None
    counter = done.payload["counter"]
    try:
        written = staged.publish()
    except CoachDeskError as exc:
        raise CoachDeskError(
            f"Export number {counter} was sealed and is waiting in the outbox (it goes out with "
            f"the next sync), but its file could not be put in {out_dir}: {exc}"
        ) from None
    return _result(ExportResult, done, path=written)
