"""The supervisor curates the coaches' suggestions to the directory (issue 20).

    import_suggestion(desk, data, label)   verify and store one sealed suggestion (or refuse)
    inbox(desk)                            open suggestions grouped by resource, merged
    accept(desk, group_id, edits)          into the directory (published with the next one)
    reject(desk, group_id, reason)         with a reason the coaches will read
    publish_extras(desk)                   each entry's verification and the suggestions' fates,
                                           for the next signed directory (version 2)

A group is one directory entry (its corrections and confirmations from every coach) or one new
resource (the same name and category from several coaches). Counts are of distinct coach
devices, so a coach who sends the same thing twice counts once. Decisions are audited in the
store's log (ids, counts, the reason; no resource text). Nothing here holds client data: a
suggestion is what a coach typed about a resource.

Threading: the thread that owns the desk's store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import suggestion as sfile
from coachdesk.exchange.directory import MAX_FATES, Fate
from coachdesk.i18n.catalog import Message, text
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import suppression
from coachdesk.rco.desk import RcoDesk, _stamp
from coachdesk.rco.importer import FileResult, ImportRejected, OpenedBundle, Outcome
from coachdesk.rco.model import DeviceStatus
from coachdesk.rco.store import RcoBackend
from coachdesk.storage.rco_repos import SuggestionRow
from coachdesk.storage.rco_repos import Verification as Verification  # for the front-ends
from coachdesk.storage.suggestion_repo import EntryFacts

SUGGESTION_ACCEPTED = "suggestion_accepted"
SUGGESTION_REJECTED = "suggestion_rejected"

# The texts a directory version 2 entry carries beyond Resource's own fields.
EXTRA_TEXTS = ("name_es", "hours_es", "eligibility", "eligibility_es", "note_es")
_EXTRA_NAMES = {"note_es": "notes_es"}  # the suggestion's name -> the directory's name


# -- import -------------------------------------------------------------------------------------


def import_suggestion(desk: RcoDesk, data: bytes, label: str, identity: RcoIdentity) -> FileResult:
    """One sealed suggestion into the store, in one transaction; ImportRejected (nothing
    stored) for a bad file, an unknown, unconfirmed or revoked device, or a replay."""
    try:
        opened = sfile.open_suggestion(data, identity)
    except sfile.SuggestionRejected as exc:
        raise ImportRejected(code=exc.code, values=exc.params) from None
    result = FileResult(
        label,
        Outcome.IMPORTED,
        bundle_id=opened.suggestion_id,
        device_fingerprint=opened.device_fingerprint,
    )
    backend = desk.backend
    with backend.transaction():
        held = backend.suggestion_digest(opened.suggestion_id)
        if held is not None:
            if held == opened.sealed_sha256:  # the same file again (a fetch killed earlier)
                result.outcome = Outcome.ALREADY_PRESENT
                return result
            raise ImportRejected(code="suggest.rco.replayed")
        device = backend.get_device(opened.device_id)
        fp = {"fingerprint": opened.device_fingerprint}
        if device is None:
            raise ImportRejected(code="suggest.rco.unknown_device", values=fp)
        if device.public_key != opened.device_public_key:
            raise ImportRejected(code="suggest.rco.other_key")
        if device.status == DeviceStatus.REVOKED:
            raise ImportRejected(code="suggest.rco.revoked", values=fp)
        if device.status == DeviceStatus.PENDING:
            raise ImportRejected(code="suggest.rco.pending_device", values=fp)
        backend.insert_suggestion(
            SuggestionRow(
                opened.suggestion_id,
                opened.device_id,
                opened.counter,
                opened.created_at,
                _stamp(desk.clock()),
                opened.kind,
                opened.ref,
                opened.problem,
                opened.resource,
                opened.sealed_sha256,
            )
        )
    return result


# -- the inbox ----------------------------------------------------------------------------------


@dataclass(slots=True)
class SuggestionGroup:
    group_id: str  # 8 hex, stable while the group is open
    kind: str  # "new" | "entry"
    ref: str  # the directory entry ("" for a new resource)
    name: str
    category: ResourceCategory
    suggestions: list[SuggestionRow]
    current: Resource | None  # the entry as it is now (None for a new resource)
    proposal: dict[str, Any]  # the merged fields the supervisor edits, then accepts
    coaches: int = 0  # distinct devices
    confirmed: int = 0  # distinct devices saying it is still right
    problems: dict[str, int] = field(default_factory=dict)  # problem -> distinct devices
    proposed_by: int = 0  # distinct devices suggesting a new resource

    @property
    def reported(self) -> int:
        return len({s.device_id for s in self.suggestions if s.kind == "correction"})


def _name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return re.sub(r"[^0-9a-z]+", "", "".join(c for c in folded if not unicodedata.combining(c)))


def _group_key(s: SuggestionRow) -> str:
    if s.kind == "new":
        return f"new:{s.content['category']}:{_name_key(str(s.content['name']))}"
    return f"ref:{s.ref}"


def entry_fields(entry: Resource, v: Verification | None) -> dict[str, Any]:
    extra = v.extra if v is not None else {}
    return {
        "name": entry.name,
        "category": entry.category.value,
        "pathways": [p.value for p in entry.pathways],
        "phone": entry.phone,
        "area": entry.address,
        "hours": entry.hours,
        "note": entry.notes,
        "languages": list(extra.get("languages", [])),
        **{name: str(extra.get(name, "")) for name in EXTRA_TEXTS},
        "closed": bool(v.closed) if v is not None else False,
    }


def _merge(base: dict[str, Any], rows: list[SuggestionRow], only_changes: bool) -> dict[str, Any]:
    """Later suggestions win; a field left empty never blanks one given. For corrections only
    the fields that differ from the entry as sent count (the coach's other fields are copies)."""
    merged = dict(base)
    for s in rows:
        for name, value in s.content.items():
            if value in ("", []):
                continue
            if only_changes and base.get(name) == value:
                continue
            merged[name] = value
        if s.problem == "closed":
            merged["closed"] = True
    return merged


def inbox(desk: RcoDesk) -> list[SuggestionGroup]:
    """The open suggestions, one group per resource, most coaches first."""
    entries = {r.rco_ref: r for r in desk.directory()}
    verification = desk.backend.list_verification()
    grouped: dict[str, list[SuggestionRow]] = {}
    for s in desk.backend.list_suggestions():
        if s.state == "open":
            grouped.setdefault(_group_key(s), []).append(s)
    groups = []
    for key, rows in grouped.items():
        gid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
        first = rows[-1].content
        if key.startswith("new:"):
            base = {**dict.fromkeys(sfile.TEXT_LIMITS, ""), "closed": False}
            base |= {"category": first["category"], "pathways": [], "languages": []}
            proposal = _merge(base, rows, only_changes=False)
            # The spelling most coaches used (the earliest on a tie), not the latest one.
            names = Counter(str(s.content["name"]).strip() for s in rows)
            proposal["name"] = max(names, key=lambda n: names[n])
            group = SuggestionGroup(
                gid,
                "new",
                "",
                str(proposal["name"]),
                ResourceCategory(proposal["category"]),
                rows,
                None,
                proposal,
            )
        else:
            ref = rows[0].ref
            entry = entries.get(ref)
            if entry is None:  # the entry was removed since: the suggestions name it alone
                entry = Resource(str(first["name"]), ResourceCategory(first["category"]))
            current = entry_fields(entry, verification.get(ref))
            proposal = _merge(current, [s for s in rows if s.kind == "correction"], True)
            group = SuggestionGroup(
                gid, "entry", ref, entry.name, entry.category, rows, entry, proposal
            )
        group.coaches = len({s.device_id for s in rows})
        group.confirmed = len({s.device_id for s in rows if s.kind == "confirmed"})
        group.proposed_by = len({s.device_id for s in rows if s.kind == "new"})
        for problem in sfile.PROBLEMS:
            n = len({s.device_id for s in rows if s.problem == problem})
            if n:
                group.problems[problem] = n
        groups.append(group)
    groups.sort(key=lambda g: (-g.coaches, g.name.casefold()))
    return groups


def changes(group: SuggestionGroup) -> list[tuple[str, str, str]]:
    """(field, as it is, as proposed) for each field accepting the group would change."""
    before = entry_fields(group.current, None) if group.current is not None else {}
    out = []
    for name, value in group.proposal.items():
        old = before.get(name, "")
        if value != old and value not in ("", []) and not (value is False and not old):
            out.append((name, _shown(old), _shown(value)))
    return out


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def what_words(group: SuggestionGroup, lang: str) -> str:
    """What the group suggests, in words: "A new resource", or its problems and "still right"."""
    if group.kind == "new":
        return text("suggest.kind.new", lang)
    parts = [text(f"suggest.problem.{p}", lang) for p in group.problems]
    if group.confirmed:
        parts.append(text("suggest.kind.confirmed", lang))
    return ", ".join(parts)


def _open_group(desk: RcoDesk, group_id: str) -> SuggestionGroup:
    for group in inbox(desk):
        if group.group_id == group_id.strip().lower():
            return group
    raise CoachDeskError(code="suggest.rco.not_open", group=group_id)


# -- decisions ----------------------------------------------------------------------------------


def _resource(fields: Mapping[str, Any], ref: str) -> Resource:
    try:
        category = ResourceCategory(str(fields["category"]))
        pathways = [Pathway(p) for p in fields["pathways"]]
    except (ValueError, TypeError, KeyError):
        raise CoachDeskError(code="directory.entry_bad_category") from None
    return Resource(
        str(fields["name"]).strip(),
        category,
        pathways,
        str(fields["area"]),
        str(fields["phone"]),
        str(fields["hours"]),
        str(fields["note"]),
        local=False,
        rco_ref=ref,
    )


def accept(desk: RcoDesk, group_id: str, edits: Mapping[str, Any] | None = None) -> Message:
    """Put the group's (edited) proposal into the directory and mark the entry verified today
    by the group's coaches; it goes to coaches with the next directory published."""
    group = _open_group(desk, group_id)
    fields = {**group.proposal, **(edits or {})}
    saved = desk.save_directory_entry(_resource(fields, group.ref))  # checks, refuses doubles
    extra: dict[str, Any] = {name: str(fields.get(name, "")).strip() for name in EXTRA_TEXTS}
    extra = {k: v for k, v in extra.items() if v}
    if fields.get("languages"):
        extra["languages"] = [str(x) for x in fields["languages"]][: sfile.MAX_LANGUAGES]
    now = desk.clock()
    backend = desk.backend
    with backend.transaction():
        backend.upsert_verification(
            Verification(
                saved.rco_ref, now.date().isoformat(), group.coaches, bool(fields["closed"]), extra
            )
        )
        ids = [s.suggestion_id for s in group.suggestions]
        backend.decide_suggestions(ids, "accepted", "", _stamp(now), saved.rco_ref)
        rco_audit.record(
            backend,
            SUGGESTION_ACCEPTED,
            entry=saved.rco_ref,
            suggestions=ids,
            coaches=group.coaches,
            edited=sorted(edits or {}),
        )
    return Message("suggest.rco.accepted", {"name": saved.name, "n": len(ids)})


def reject(desk: RcoDesk, group_id: str, reason: str) -> Message:
    """Close the group's suggestions without a change; the coaches read `reason`."""
    reason = " ".join(reason.split())
    if not reason:
        raise CoachDeskError(code="suggest.rco.reason_needed")
    if len(reason) > 500:
        raise CoachDeskError(code="suggest.too_long_field", limit=500)
    group = _open_group(desk, group_id)
    backend = desk.backend
    with backend.transaction():
        ids = [s.suggestion_id for s in group.suggestions]
        backend.decide_suggestions(ids, "rejected", reason, _stamp(desk.clock()), group.ref)
        rco_audit.record(
            backend, SUGGESTION_REJECTED, entry=group.ref, suggestions=ids, reason=reason
        )
    return Message("suggest.rco.rejected", {"name": group.name, "n": len(ids)})


def publish_extras(desk: RcoDesk) -> tuple[dict[str, EntryFacts], list[Fate]]:
    """Every entry's verification and the decided suggestions' fates, newest last."""
    facts: dict[str, EntryFacts] = {}
    for ref, v in desk.backend.list_verification().items():
        extra = {_EXTRA_NAMES.get(k, k): str(x) for k, x in v.extra.items() if k != "languages"}
        languages = [str(x) for x in v.extra.get("languages", [])]
        facts[ref] = EntryFacts("", v.last_verified, v.verified_by, v.closed, languages, extra)
    decided = [s for s in desk.backend.list_suggestions() if s.state != "open"]
    decided.sort(key=lambda s: s.decided_at or "")
    fates = [Fate(s.suggestion_id, s.state, s.reason, s.result_ref) for s in decided]
    return facts, fates[-MAX_FATES:]


def verification(desk: RcoDesk) -> dict[str, Verification]:
    return desk.backend.list_verification()


# -- which doors open: referrals per directory entry (FORMAT.md section 10) ----------------------


@dataclass(frozen=True, slots=True)
class Linkage:
    """Referrals made to an entry and how many linked, over all coaches; None: suppressed."""

    ref: str
    name: str
    made: int | None
    linked: int | None


def store_linkage(backend: RcoBackend, device_id: str, opened: OpenedBundle) -> None:
    """Inside the import's transaction, for the device's newest bundle: its per-entry counts."""
    raw = opened.payload.get("resource_referrals", {})
    counts = {str(ref): (int(c["made"]), int(c["linked"])) for ref, c in raw.items()}
    backend.replace_linkage(device_id, counts, opened.counter)


def linkage(desk: RcoDesk) -> list[Linkage]:
    """Made and linked per directory entry, with the small-cell rule: a count from 1 to
    small_cell - 1 is suppressed, and so is the other count of its entry when the not-linked
    remainder (made - linked, never shown) would be small and follow from the two."""
    names = {r.rco_ref: r.name for r in desk.directory()}
    values: dict[str, int] = {}
    equations: list[suppression.Equation] = []
    # Entries no longer in the directory are not shown (nor counted in what is suppressed).
    counts = {ref: c for ref, c in desk.backend.list_linkage().items() if ref in names}
    for ref, (made, linked) in counts.items():
        values |= {f"made:{ref}": made, f"linked:{ref}": linked, f"not:{ref}": made - linked}
        equations.append((f"made:{ref}", [f"linked:{ref}", f"not:{ref}"]))
    hidden = [f"not:{ref}" for ref in counts]
    gone = suppression.suppress(values, equations, desk.policy.small_cell, hidden)
    rows = [
        Linkage(
            ref,
            names[ref],
            None if f"made:{ref}" in gone else made,
            None if f"linked:{ref}" in gone else linked,
        )
        for ref, (made, linked) in counts.items()
    ]
    rows.sort(key=lambda r: (-(r.made or 0), r.name.casefold()))
    return rows
