"""The supervisor's desk use cases that the command line (cli/rco_cmds.py) and the desk window
(ui/rco/window.py) share beyond RcoDesk's own methods: device confirmation by a typed-back
fingerprint, renaming, the import history, flag acknowledgement, and the report export with
its audit entry. One code path each, so the window and `coachdesk rco ...` record the same.

The import history and the acknowledgements are read from the store's HMAC-chained audit log
(every import writes one entry per file; an acknowledgement is an entry of its own), so they
need no table of their own and cannot be edited without breaking the chain.

Threading: the thread that owns the desk's store (the window's worker).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from coachdesk.crypto.signing import normalize_fingerprint
from coachdesk.errors import CoachDeskError, NotFoundError, ValidationError
from coachdesk.files import write_atomic
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import ImportSummary
from coachdesk.rco.model import Device, Flag
from coachdesk.rco.report import Report, build_report, write_csv
from coachdesk.reports.messages import check_language

# The groups of the fingerprint the supervisor types back (the coach reads them out).
TYPED_GROUPS = 2
NOTE_LIMIT = 500
FORMATS = ("pdf", "csv", "json")


# -- devices ---------------------------------------------------------------------------------


def canonical(fingerprint: str) -> str:
    """A fingerprint as the store keeps it (upper-case hex in dashed groups of four)."""
    return normalize_fingerprint(fingerprint)


def fingerprint_tail(fingerprint: str, groups: int = TYPED_GROUPS) -> str:
    """The last `groups` groups of a fingerprint ("…-9F2C-11AB" -> "9F2C-11AB")."""
    return "-".join(normalize_fingerprint(fingerprint).split("-")[-groups:])


def tail_matches(fingerprint: str, typed: str) -> bool:
    """Whether `typed` (any case, spaces or dashes) is the fingerprint's last two groups."""
    wanted = fingerprint_tail(fingerprint).replace("-", "")
    return normalize_fingerprint(typed).replace("-", "") == wanted


def confirm_typed(desk: RcoDesk, fingerprint: str, typed: str, name: str = "") -> ImportSummary:
    """Confirm a pending device only when the supervisor typed back the end of the fingerprint
    the coach read out; a mismatch changes nothing. Then its waiting bundles import."""
    if not typed.strip():
        raise ValidationError(code="rco.desk.type_fingerprint", groups=TYPED_GROUPS)
    if not tail_matches(fingerprint, typed):
        raise ValidationError(code="rco.desk.fingerprint_mismatch", typed=typed.strip())
    return desk.confirm_device(fingerprint, name)


def rename_device(desk: RcoDesk, fingerprint: str, name: str) -> Device:
    """Give a device the supervisor's name for it (audited); returns the device as stored."""
    name = name.strip()
    if not name:
        raise ValidationError(code="rco.desk.name_needed")
    if len(name) > 200:
        raise ValidationError(code="rco.desk.name_too_long", limit=200)
    desk.rename_device(fingerprint, name)
    wanted = normalize_fingerprint(fingerprint)
    return next(d for d in desk.devices() if d.fingerprint == wanted)


# -- import history --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportEntry:
    """One file one import handled, as the audit log recorded it."""

    at: str  # UTC, ISO seconds
    file: str
    device: str  # fingerprint ("" when the file could not be opened)
    result: str  # an Outcome value
    records: int
    reason: str


def import_history(desk: RcoDesk, limit: int | None = None) -> list[ImportEntry]:
    """Every file ever imported (newest first), from the audit log."""
    entries = [
        ImportEntry(
            e.at.isoformat(timespec="seconds"),
            str(f.get("file", "")),
            str(f.get("device", "")),
            str(f.get("result", "")),
            int(f.get("records", 0) or 0),
            rco_audit.reason_of(f),
        )
        for e in reversed(desk.backend.audit_entries())
        if e.action == rco_audit.IMPORT
        for f in [rco_audit.fields_of(e)]
    ]
    return entries if limit is None else entries[:limit]


# -- flags -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlagView:
    flag: Flag
    acknowledged_at: str = ""  # "" while open
    note: str = ""

    @property
    def open(self) -> bool:
        return not self.acknowledged_at


def flag_views(desk: RcoDesk) -> list[FlagView]:
    """The flags with their acknowledgement (the latest one) from the audit log."""
    acks: dict[int, tuple[str, str]] = {}
    for e in desk.backend.audit_entries():
        if e.action == rco_audit.FLAG_ACKNOWLEDGED:
            fields = rco_audit.fields_of(e)
            acks[int(fields.get("flag", -1))] = (
                e.at.isoformat(timespec="seconds"),
                str(fields.get("note", "")),
            )
    return [FlagView(f, *acks.get(int(f.id or 0), ("", ""))) for f in desk.flags()]


def acknowledge_flag(desk: RcoDesk, flag_id: int, note: str) -> FlagView:
    """The supervisor looked into a flag: the note says what was found (audited)."""
    note = note.strip()
    if not note:
        raise ValidationError(code="rco.desk.note_needed")
    if len(note) > NOTE_LIMIT:
        raise ValidationError(code="rco.desk.note_too_long", limit=NOTE_LIMIT)
    views = {int(v.flag.id or 0): v for v in flag_views(desk)}
    view = views.get(flag_id)
    if view is None:
        raise NotFoundError(code="rco.desk.no_flag", flag=flag_id)
    if not view.open:
        raise ValidationError(code="rco.desk.flag_acknowledged", flag=flag_id)
    device = next((d.fingerprint for d in desk.devices() if d.device_id == view.flag.device_id), "")
    rco_audit.record(
        desk.backend,
        rco_audit.FLAG_ACKNOWLEDGED,
        flag=flag_id,
        bundle=view.flag.bundle_id,
        device=device,
        note=note,
    )
    return next(v for v in flag_views(desk) if int(v.flag.id or 0) == flag_id)


# -- funder report ---------------------------------------------------------------------------


def report_for(desk: RcoDesk, period: str, device: str = "", setting: str = "") -> Report:
    """The funder report of a period; `device` is a fingerprint or a device id ("" = all)."""
    if device and not any(d.fingerprint == normalize_fingerprint(device) for d in desk.devices()):
        device = next((d.fingerprint for d in desk.devices() if d.device_id == device), device)
    return build_report(desk, period, device, setting)


def export_report(
    desk: RcoDesk,
    report: Report,
    files: Mapping[str, Path | None],
    shown: Iterable[str] = (),
    lang: str = "en",
) -> list[Path]:
    """Record the export in the audit log (period, filters, formats, files), then write each
    file: `files` maps a format ("pdf", "csv", "json") to its path; `shown` names formats only
    printed (the CLI's --json). The entry comes first: a report never leaves unrecorded.
    `lang` is the PDF's language; the CSV and JSON keep their English words."""
    targets = {fmt: Path(path) for fmt, path in files.items() if path}
    for fmt in targets:
        if fmt not in FORMATS:
            raise ValidationError(code="rco.desk.report_format", format=fmt)
    formats = [*targets, *shown] or ["text"]
    check_language(lang)
    pdf_lang = lang if "pdf" in targets else ""
    rco_audit.record_report(desk.backend, report, formats, targets.values(), pdf_lang)
    written = []
    for fmt, target in targets.items():
        if fmt == "csv":
            written.append(write_csv(report, target))
        elif fmt == "json":
            data = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
            written.append(write_atomic(target, data.encode("utf-8")))
        else:
            from coachdesk.reports.funder_pdf import write_funder_pdf

            written.append(write_funder_pdf(report, target, lang=lang))
    return written


def check_report_target(target: Path | str) -> Path:
    """Refuse, before any work, a target whose folder does not exist."""
    target = Path(target)
    if not target.parent.is_dir():
        raise CoachDeskError(code="rco.desk.no_folder", folder=str(target.parent))
    return target
