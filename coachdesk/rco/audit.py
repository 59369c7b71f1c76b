"""The RCO store's audit trail: what the supervisor did, in the store's HMAC-chained log.

The log itself is the coach vault's (storage/audit.py, the same table in rco_migrations/0004);
this module names the RCO actions and turns what happened into one JSON `detail` per entry.
Entries never hold record values: files, device fingerprints, outcomes, counts and filters.

Call sites (rco/desk.py, cli/rco_cmds.py, the desk window) add one line each through `record`
or the helpers below; inside a transaction the entry commits with the change it records,
outside one it is written in a transaction of its own (SqliteBackend.audit).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachdesk.core.models import AuditEntry
from coachdesk.i18n.catalog import Worded, message_from_json, message_to_json

if TYPE_CHECKING:
    from coachdesk.rco.importer import FileResult
    from coachdesk.rco.report import Report
    from coachdesk.rco.store import RcoBackend

ACTOR = "supervisor"

UNLOCK = "unlock"
FAILED_UNLOCK = "failed_unlock"
IMPORT = "import"
DEVICE_CONFIRMED = "device_confirmed"
DEVICE_REVOKED = "device_revoked"
DEVICE_RENAMED = "device_renamed"
REPORT_EXPORTED = "report_exported"
DIRECTORY_PUBLISHED = "directory_published"
BACKUP = "backup"
RESTORED = "restored_from_backup"
KEY_ROTATED = "key_rotated"
FLAG_ACKNOWLEDGED = "flag_acknowledged"  # application/rco_desk.py: with the note


def detail_json(**fields: Any) -> str:
    """Canonical JSON of the non-empty fields (stable, so the chain hashes one text)."""
    kept = {k: v for k, v in fields.items() if v not in ("", None, [], {})}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def record(backend: RcoBackend, action: str, **fields: Any) -> None:
    backend.audit(action, detail_json(**fields))


def record_imports(backend: RcoBackend, results: Iterable[FileResult]) -> None:
    for r in results:
        record(
            backend,
            IMPORT,
            file=r.path,
            device=r.device_fingerprint,
            result=r.outcome.value,
            records=r.records,
            bundle=r.bundle_id,
            reason=r.reason,
            # the reason's code too, so the history words it in the reader's language
            why=message_to_json(r.reason.message) if isinstance(r.reason, Worded) else "",
        )


def reason_of(fields: dict[str, Any]) -> str:
    """An import entry's reason: a catalog.Worded when its code was kept, else the English."""
    message = message_from_json(str(fields.get("why", "")))
    return Worded(message) if message is not None else str(fields.get("reason", ""))


def record_report(
    backend: RcoBackend,
    report: Report,
    formats: Iterable[str],
    files: Iterable[Path | str] = (),
    lang: str = "",
) -> None:
    """A funder report left the store: its period, filters, formats and files (and the
    language of its PDF, when a PDF was written)."""
    record(
        backend,
        REPORT_EXPORTED,
        period=report.period,
        filters=dict(report.filters),
        formats=sorted(set(formats)),
        files=[str(f) for f in files],
        **({"language": lang} if lang else {}),
    )


def fields_of(entry: AuditEntry) -> dict[str, Any]:
    """The entry's detail as a dict ({} for an empty or non-JSON detail)."""
    try:
        value = json.loads(entry.detail) if entry.detail else {}
    except ValueError:
        return {"text": entry.detail}
    return value if isinstance(value, dict) else {"text": entry.detail}


def describe(entry: AuditEntry) -> str:
    """One plain line: the action and its fields."""
    parts = []
    for key, value in fields_of(entry).items():
        if key == "why":  # the reason's code and parameters: "reason" has its English
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        if isinstance(value, dict):
            shown = ", ".join(f"{k}={v}" for k, v in value.items())
        parts.append(f"{key}: {shown}")
    return entry.action.replace("_", " ") + (f" ({'; '.join(parts)})" if parts else "")
