"""The coach's suggestions to the RCO's resource directory (issue 20), for the CLI and the window.

    draft_for(caseload, kind, ref="", problem="")  a draft, filled from the RCO entry if any
    preview(caseload, draft)                       exactly what would leave, and the warning
    send(caseload, draft)                          sealed, signed, queued in the outbox, audited
    my_suggestions(caseload)                       what was sent and what became of it
    directory_changes(caseload)                    what the last directory changed

A suggestion holds only what the coach typed about a resource: no field is read from a client
record. The preview says so, and that no client information may be typed into it.

Threading: the vault-owning thread (the window's database worker).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import public_bytes
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.exchange import suggestion as sfile
from coachdesk.exchange.export import (
    COUNTER_META,
    NotEnrolledError,
    current_enrollment,
    device_identity,
)
from coachdesk.exchange.sync import DIRECTORY_CHANGES_META
from coachdesk.i18n.catalog import Message
from coachdesk.storage import outbox, repos
from coachdesk.storage import suggestion_repo as srepo

KINDS = sfile.KINDS
PROBLEMS = sfile.PROBLEMS
PREVIEW_ORDER = (
    "name",
    "name_es",
    "category",
    "pathways",
    "phone",
    "area",
    "hours",
    "hours_es",
    "languages",
    "eligibility",
    "eligibility_es",
    "note",
    "note_es",
)


@dataclass(frozen=True, slots=True)
class SuggestionDraft:
    """What the coach fills in. `ref` names the RCO entry of a correction or confirmation."""

    kind: str = "new"
    ref: str = ""
    problem: str = ""
    name: str = ""
    name_es: str = ""
    category: ResourceCategory = ResourceCategory.OTHER
    pathways: tuple[Pathway, ...] = ()
    phone: str = ""
    area: str = ""
    hours: str = ""
    hours_es: str = ""
    languages: tuple[str, ...] = ()
    eligibility: str = ""
    eligibility_es: str = ""
    note: str = ""
    note_es: str = ""

    def resource(self) -> dict[str, Any]:
        """The `resource` member of the payload (FORMAT.md section 10), exactly as it leaves."""
        texts = {name: getattr(self, name).strip() for name in sfile.TEXT_LIMITS}
        return {
            **texts,
            "category": self.category.value,
            "pathways": sorted({p.value for p in self.pathways}),
            "languages": [x.strip() for x in self.languages if x.strip()],
        }


@dataclass(frozen=True, slots=True)
class SuggestionPreview:
    rco_name: str
    lines: tuple[tuple[str, str], ...]  # (member, value) of every field that leaves, in order
    warning: Message  # "no client information may be in it"
    content: dict[str, Any]  # kind, ref, problem and resource, as they will be sealed


@dataclass(frozen=True, slots=True)
class SentSuggestion:
    suggestion_id: str
    counter: int
    file_name: str


@dataclass(frozen=True, slots=True)
class MySuggestion:
    suggestion_id: str
    created_at: str
    kind: str
    ref: str
    problem: str
    name: str
    fate: str  # sent | accepted | rejected
    reason: str
    fate_ref: str


@dataclass(frozen=True, slots=True)
class DirectoryChanges:
    """What the last merged directory changed, against the one before it."""

    serial: int
    new: int = 0
    updated: int = 0
    closed: int = 0
    removed: int = 0
    verified: int = 0
    names: dict[str, list[str]] = field(default_factory=dict)  # "new"/"updated"/"closed"

    @property
    def message(self) -> Message:
        return Message(
            "suggest.changes",
            {"new": self.new, "updated": self.updated, "closed": self.closed},
        )


def _rco_entry(caseload: Caseload, ref: str) -> Resource:
    for r in repos.list_resources(caseload.conn):
        if not r.local and r.rco_ref == ref:
            return r
    raise CoachDeskError(code="suggest.no_entry", ref=ref)


def draft_for(caseload: Caseload, kind: str, ref: str = "", problem: str = "") -> SuggestionDraft:
    """A blank draft for a new resource, or one filled from the RCO entry `ref`."""
    if kind not in KINDS:
        raise CoachDeskError(code="suggest.bad_kind", kind=kind)
    if kind == "new":
        return SuggestionDraft()
    entry = _rco_entry(caseload, ref)
    facts = srepo.all_facts(caseload.conn).get(ref, srepo.EntryFacts())
    return SuggestionDraft(
        kind,
        ref,
        problem,
        entry.name,
        facts.extra.get("name_es", ""),
        entry.category,
        tuple(entry.pathways),
        entry.phone,
        entry.address,
        entry.hours,
        facts.extra.get("hours_es", ""),
        tuple(facts.languages),
        facts.extra.get("eligibility", ""),
        facts.extra.get("eligibility_es", ""),
    )


def _check(caseload: Caseload, draft: SuggestionDraft) -> dict[str, Any]:
    if draft.kind not in KINDS:
        raise CoachDeskError(code="suggest.bad_kind", kind=draft.kind)
    if draft.kind == "new":
        draft = replace(draft, ref="", problem="")
        if not draft.name.strip():
            raise ValidationError(field="name", code="validation.resource.name_required")
    else:
        _rco_entry(caseload, draft.ref)
        if draft.kind == "correction" and draft.problem not in PROBLEMS:
            raise CoachDeskError(code="suggest.problem_needed")
        if draft.kind == "confirmed":
            draft = replace(draft, problem="")
    resource = draft.resource()
    for name, limit in sfile.TEXT_LIMITS.items():
        if len(resource[name]) > limit:
            raise ValidationError(field=name, code="suggest.too_long_field", limit=limit)
    if len(resource["languages"]) > sfile.MAX_LANGUAGES or any(
        len(x) > 40 for x in resource["languages"]
    ):
        raise ValidationError(field="languages", code="suggest.too_many_languages")
    try:
        sfile.validate_resource(resource, draft.kind)
    except sfile.SuggestionRejected as exc:  # a control character or the like
        raise ValidationError(field="note", code="suggest.bad_text") from exc
    return {"kind": draft.kind, "ref": draft.ref, "problem": draft.problem, "resource": resource}


def preview(caseload: Caseload, draft: SuggestionDraft) -> SuggestionPreview:
    """Exactly what leaves (besides the random id, the device's id, key and signature, the
    counter number and the time), and the warning that no client information may be in it."""
    enrollment = current_enrollment(caseload)
    if enrollment is None:
        raise NotEnrolledError()
    content = _check(caseload, draft)
    lines = [("kind", content["kind"])]
    if content["ref"]:
        lines += [("ref", content["ref"])]
    if content["problem"]:
        lines += [("problem", content["problem"])]
    resource = content["resource"]
    for name in PREVIEW_ORDER:
        value = resource[name]
        lines.append((name, ", ".join(value) if isinstance(value, list) else value))
    return SuggestionPreview(
        enrollment.rco_name,
        tuple((k, v) for k, v in lines if v),
        Message("suggest.warning", {"rco": enrollment.rco_name}),
        content,
    )


def send(
    caseload: Caseload, draft: SuggestionDraft, *, now: datetime | None = None
) -> SentSuggestion:
    """Seal and queue the suggestion: it leaves with the next sync, like a bundle.

    The device counter number is reserved in its own transaction first (as an export does),
    then the sealed file, its outbox row, the suggestion's own row and the audit entry are
    written in one transaction."""
    enrollment = current_enrollment(caseload)
    device = device_identity(caseload)
    if enrollment is None or device is None:
        raise NotEnrolledError()
    content = _check(caseload, draft)
    vault = caseload.vault
    with vault.transaction():
        counter = int(vault.get_meta(COUNTER_META) or "0") + 1
        vault.set_meta(COUNTER_META, str(counter))
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    suggestion_id = secrets.token_hex(16)
    payload = {
        "format": sfile.FORMAT,
        "schema_version": sfile.VERSION,
        "suggestion_id": suggestion_id,
        "device_id": device.device_id,
        "device_public_key": public_bytes(device.public_key).hex(),
        "counter": counter,
        "created_at": moment.isoformat(timespec="seconds"),
        "recipient": enrollment.fingerprint,
        **content,
    }
    sealed = sfile.seal_suggestion(payload, device, enrollment.keys)
    name = sfile.file_name(counter, suggestion_id)
    with vault.transaction() as conn:
        outbox.enqueue(
            conn,
            outbox.OutboxItem(suggestion_id, counter, name, sealed, {"suggestion": draft.kind}),
        )
        srepo.insert_suggestion(
            conn,
            srepo.SuggestionRecord(
                suggestion_id,
                counter,
                payload["created_at"],
                draft.kind,
                content["ref"],
                content["problem"],
                content["resource"],
            ),
        )
        caseload.audit.append(
            caseload.actor,
            "export",
            "suggestion",
            counter,
            f"suggestion {suggestion_id} ({draft.kind}) for RCO key {enrollment.fingerprint}",
        )
    return SentSuggestion(suggestion_id, counter, name)


def my_suggestions(caseload: Caseload) -> list[MySuggestion]:
    return [
        MySuggestion(
            s.suggestion_id,
            s.created_at,
            s.kind,
            s.ref,
            s.problem,
            str(s.content.get("name", "")),
            s.fate,
            s.fate_reason,
            s.fate_ref,
        )
        for s in srepo.list_suggestions(caseload.conn)
    ]


def directory_changes(caseload: Caseload) -> DirectoryChanges | None:
    text = caseload.vault.get_meta(DIRECTORY_CHANGES_META)
    if not text:
        return None
    data = json.loads(text)
    return DirectoryChanges(
        int(data["serial"]),
        int(data["new"]),
        int(data["updated"]),
        int(data["closed"]),
        int(data["removed"]),
        int(data["verified"]),
        {k: list(v) for k, v in data["names"].items()},
    )


def entry_facts(caseload: Caseload) -> dict[str, srepo.EntryFacts]:
    """Last verified, by how many coaches, closed: per RCO entry ref (directory version 2)."""
    return srepo.all_facts(caseload.conn)
