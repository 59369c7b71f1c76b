"""Import of sealed bundles into the RCO store (docs/security.md "Import").

Order for each file: size limit -> `open_sealed` (exchange.bundle.open_bundle: header, HPKE
decryption, the device's Ed25519 signature over the payload bytes BEFORE parsing, then the
strict schema) -> registry decision (unknown device: held pending; revoked: refused; key not the
registered one: refused) -> one transaction that records the bundle and merges its episodes.
A refused file changes nothing.

Threading: call from the thread that owns the store (the GUI's store worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from coachdesk.crypto.identity import RcoIdentity
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import periods
from coachdesk.exchange.bundle import (
    FILE_SUFFIX,
    MAX_BUNDLE_BYTES,
    BundleRejected,
    open_bundle,
)
from coachdesk.exchange.directory import FILE_NAME as DIRECTORY_FILE_NAME
from coachdesk.exchange.suggestion import FILE_SUFFIX as SUGGESTION_SUFFIX
from coachdesk.i18n.catalog import Message, Worded, message_in
from coachdesk.rco.model import Coverage, Episode, PeriodCell, ReferralCount

BUNDLE_SUFFIX = FILE_SUFFIX
# Whole-file limit checked before reading (FORMAT.md: 32 MiB payload + 2 KiB of framing).
MAX_FILE_BYTES = MAX_BUNDLE_BYTES


class ImportRejected(CoachDeskError):
    """A file that was not imported; the message says why in plain words.

    `str()` is the English, as the import's result, audit entry and JSON keep it; for a coded
    refusal it is a catalog.Worded that keeps the code, so `FileResult.message` can word it in
    Spanish too.
    """

    def __str__(self) -> str:
        if self.code:
            return Worded(Message(self.code, self.params))
        return super().__str__()


class Outcome(StrEnum):
    IMPORTED = "imported"
    ALREADY_PRESENT = "already_present"
    PENDING = "pending"  # from a device the supervisor has not confirmed yet
    FLAGGED = "flagged"  # imported, but its counter repeats or goes backwards
    REJECTED = "rejected"


@dataclass(slots=True)
class FileResult:
    path: str
    outcome: Outcome
    reason: str = ""
    bundle_id: str = ""
    device_fingerprint: str = ""
    records: int = 0

    @property
    def message(self) -> Message:
        """`reason` as a message, to word in the reader's language (plain English if uncoded)."""
        return message_in(self.reason)


@dataclass(slots=True)
class ImportSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def ok(self) -> bool:
        return self.count(Outcome.REJECTED) == 0

    @property
    def added(self) -> bool:
        """Did the import add data (a flagged bundle is imported too)?"""
        return any(r.outcome in (Outcome.IMPORTED, Outcome.FLAGGED) for r in self.results)

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.count(Outcome.IMPORTED),
            "already_present": self.count(Outcome.ALREADY_PRESENT),
            "pending": self.count(Outcome.PENDING),
            "flagged": self.count(Outcome.FLAGGED),
            "rejected": self.count(Outcome.REJECTED),
            "files": [
                {
                    "path": r.path,
                    "outcome": r.outcome.value,
                    "reason": r.reason,
                    "bundle_id": r.bundle_id,
                    "device_fingerprint": r.device_fingerprint,
                    "records": r.records,
                }
                for r in self.results
            ],
        }


@dataclass(slots=True)
class OpenedBundle:
    """What the importer needs from a verified bundle."""

    bundle_id: str
    device_id: str
    device_public_key: str  # hex
    device_fingerprint: str
    counter: int
    created_at: str
    records: list[dict[str, Any]]
    payload: dict[str, Any]
    schema_version: int = 1

    def period_cells(self) -> tuple[Coverage, list[str], list[PeriodCell]] | None:
        """Format 2: the coverage, the period keys it covers and the cells; None for format 1."""
        section = self.payload.get("periods")
        if self.schema_version < 2 or not isinstance(section, dict):
            return None
        start = int(section["fiscal_year_start"])
        coverage = Coverage(
            self.device_id,
            self.counter,
            self.bundle_id,
            self.created_at,
            section["first_quarter"],
            str(section["last_quarter"]),
            start,
        )
        first = section["first_quarter"] or section["last_quarter"]
        covered = periods.covered(
            periods.quarter_of_key(first), periods.quarter_of_key(section["last_quarter"]), start
        )
        cells = [
            PeriodCell(self.device_id, str(c["period"]), str(c["setting"]), dict(c["counts"]))
            for c in section["cells"]
        ]
        return coverage, covered, cells


def open_sealed(data: bytes, identity: RcoIdentity) -> OpenedBundle:
    """Verify and decrypt one bundle: the one place the bundle format is touched.

    Raises ImportRejected with exchange.bundle's plain reason when anything does not verify.
    """
    try:
        opened = open_bundle(data, identity)
    except BundleRejected as exc:
        if not exc.code:  # a sentence without a code: kept as it is
            raise ImportRejected(str(exc)) from None
        raise ImportRejected(code=exc.code, values=exc.params) from None
    payload = opened.payload
    return OpenedBundle(
        str(payload["bundle_id"]),
        str(payload["device_id"]),
        str(payload["device_public_key"]),
        str(opened.device_fingerprint),
        int(payload["counter"]),
        str(payload["created_at"]),
        list(payload["records"]),
        payload,
        int(payload["schema_version"]),
    )


def episode_from_record(
    device_id: str,
    raw: dict[str, Any],
    counter: int,
    bundle_id: str,
    period: str,
    first: str = "",
) -> Episode:
    """Map one schema-checked payload record (FORMAT.md section 5) to an Episode reported in
    `period`, first reported in `first` (default: `period`)."""
    return Episode(
        device_id=device_id,
        pseudonym=str(raw["pseudonym"]),
        setting=raw.get("setting") or "",
        age_band=raw.get("age_band") or "",
        gender=raw.get("gender") or "",
        status=str(raw["status"]),
        intake_year=raw.get("intake_year"),
        pathways=tuple(raw.get("pathways", ())),
        discharge_reason=str(raw["status"]),
        sessions=int(raw.get("sessions", 0)),
        attempts=int(raw.get("contact_attempts", 0)),
        group_sessions=int(raw.get("group_sessions", 0)),
        referrals={
            str(cat): ReferralCount(int(v["made"]), int(v["linked"]))
            for cat, v in raw.get("referrals", {}).items()
        },
        barc10={str(b["timepoint"]): int(b["total"]) for b in raw.get("barc10", ())},
        outcomes={str(o["timepoint"]): _without_timepoint(o) for o in raw.get("outcomes", ())},
        counter=counter,
        bundle_id=bundle_id,
        period_first=first or period,
        period_last=period,
    )


def _without_timepoint(outcome: dict[str, Any]) -> dict[str, Any]:
    answers = outcome.copy()  # a copy in C, then one key off: 4x a comprehension's speed
    answers.pop("timepoint", None)
    return answers


def quarter_of(moment: datetime) -> str:
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def read_bundle_file(path: Path) -> bytes:
    """Read a candidate bundle, refusing oversized or unreadable files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRejected(code="import.file_too_large", mib=size // (1024 * 1024))
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportRejected(code="import.cannot_read", reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected(code="import.grew")
    return data


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every *.cdbundle and *.cdsuggest (issue 20) in named
    folders (sorted, not recursive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix in (BUNDLE_SUFFIX, SUGGESTION_SUFFIX)
                and not p.name.startswith(".")
                and p.name != DIRECTORY_FILE_NAME
            )
        else:
            found.append(path)
    return found


Progress = Callable[[int, int], None]
