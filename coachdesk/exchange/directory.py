"""The RCO's signed resource directory, published to coaches and merged into their vaults.

    {"format": "coachdesk-directory", "version": 1, "rco_fingerprint": "...",
     "serial": 7, "published_at": "<ISO UTC>",
     "entries": [{"ref": "...", "name": "...", "category": "<ResourceCategory>",
                  "pathways": ["<Pathway>", ...], "address": "", "phone": "", "hours": "",
                  "notes": ""}],
     "signature": "<ed25519 hex by the RCO signing key, over the rest>"}

`serial` only goes up: a coach refuses a directory older than the one it has.

Version 2 (issue 20; version 1 still parses): each entry also carries "languages",
"eligibility", the Spanish texts "name_es", "hours_es", "eligibility_es", "notes_es",
"last_verified" (YYYY-MM-DD or ""), "verified_by" (how many coaches confirmed it) and "closed";
and the document carries "suggestions": [{"id", "fate": "accepted"|"rejected", "reason", "ref"}],
what became of the coaches' suggestions (resource information only, never client data).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity, RcoPublicKeys
from coachdesk.crypto.signing import read_signed_file, sign_document
from coachdesk.errors import CoachDeskError
from coachdesk.storage.suggestion_repo import EntryFacts

FORMAT = "coachdesk-directory"
VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_FATES = 20000
FILE_NAME = "coachdesk-directory.json"
MAX_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 5000
_TEXT_FIELDS = {"ref": 100, "name": 200, "address": 500, "phone": 100, "hours": 200, "notes": 2000}


_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_SUGGESTION_ID = re.compile(r"[0-9a-f]{32}")


class DirectoryError(CoachDeskError):
    pass


_V2_TEXT = {"eligibility": 500, "name_es": 200, "hours_es": 200, "eligibility_es": 500}
_V2_TEXT_LONG = {"notes_es": 2000}


@dataclass(frozen=True, slots=True)
class Fate:
    """What the RCO decided about one suggestion (its id, never who sent it)."""

    suggestion_id: str
    fate: str  # accepted | rejected
    reason: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class DirectoryDoc:
    serial: int
    entries: list[Resource]
    facts: dict[str, EntryFacts]  # by ref; empty for a version 1 directory
    fates: list[Fate]
    version: int = VERSION


def _v2_members(facts: EntryFacts | None) -> dict[str, Any]:
    f = facts or EntryFacts()
    texts = {name: f.extra.get(name, "") for name in (*_V2_TEXT, *_V2_TEXT_LONG)}
    return {
        **texts,
        "languages": list(f.languages),
        "last_verified": f.last_verified,
        "verified_by": f.verified_by,
        "closed": f.closed,
    }


def make_directory(
    identity: RcoIdentity,
    entries: list[Resource],
    serial: int,
    facts: dict[str, EntryFacts] | None = None,
    fates: list[Fate] | None = None,
) -> bytes:
    facts = facts or {}
    body = {
        "format": FORMAT,
        "version": VERSION,
        "rco_fingerprint": identity.public.fingerprint,
        "serial": serial,
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "entries": [
            {
                "ref": r.rco_ref,
                "name": r.name,
                "category": r.category.value,
                "pathways": [p.value for p in r.pathways],
                "address": r.address,
                "phone": r.phone,
                "hours": r.hours,
                "notes": r.notes,
                **_v2_members(facts.get(r.rco_ref)),
            }
            for r in entries
        ],
        "suggestions": [
            {"id": f.suggestion_id, "fate": f.fate, "reason": f.reason, "ref": f.ref}
            for f in fates or []
        ],
    }
    return json.dumps(sign_document(body, identity.signing), ensure_ascii=False).encode("utf-8")


def parse_directory(data: bytes, rco: RcoPublicKeys) -> tuple[int, list[Resource]]:
    """Verify the RCO's signature first, then validate; return (serial, the open entries).
    A closed entry is left out, so the coach's merge withdraws it like a removed one (kept,
    marked, only where a referral names it) instead of offering a door that has shut."""
    doc = parse_directory_doc(data, rco)
    closed = {ref for ref, facts in doc.facts.items() if facts.closed}
    return doc.serial, [e for e in doc.entries if e.rco_ref not in closed]


def parse_directory_doc(data: bytes, rco: RcoPublicKeys) -> DirectoryDoc:
    """The whole directory, version 1 or 2, signature verified first."""
    body = read_signed_file(data, rco.signing, MAX_BYTES, DirectoryError, "directory")
    version = body.get("version")
    if body.get("format") != FORMAT or version not in READABLE_VERSIONS:
        raise DirectoryError(code="directory.unknown_format")
    if body.get("rco_fingerprint") != rco.fingerprint:
        raise DirectoryError(code="directory.other_rco")
    serial = body.get("serial")
    entries = body.get("entries")
    if not isinstance(serial, int) or isinstance(serial, bool) or serial < 0:
        raise DirectoryError(code="directory.bad_serial")
    if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise DirectoryError(code="directory.entries_damaged")
    resources = [_entry(e) for e in entries]
    if version == 1:
        return DirectoryDoc(serial, resources, {}, [], 1)
    facts = {r.rco_ref: _facts(e) for r, e in zip(resources, entries, strict=True)}
    return DirectoryDoc(serial, resources, facts, _fates(body.get("suggestions")), 2)


def _facts(raw: dict[str, Any]) -> EntryFacts:
    extra: dict[str, str] = {}
    for name, limit in {**_V2_TEXT, **_V2_TEXT_LONG}.items():
        value = raw.get(name)
        if not isinstance(value, str) or len(value) > limit:
            raise DirectoryError(code="directory.entry_bad_field", field_name=name)
        if value:
            extra[name] = value
    languages = raw.get("languages")
    if (
        not isinstance(languages, list)
        or len(languages) > 10
        or not all(isinstance(x, str) and 0 < len(x) <= 40 for x in languages)
    ):
        raise DirectoryError(code="directory.entry_bad_field", field_name="languages")
    verified, by, closed = raw.get("last_verified"), raw.get("verified_by"), raw.get("closed")
    if not isinstance(verified, str) or (verified and not _DATE.fullmatch(verified)):
        raise DirectoryError(code="directory.entry_bad_field", field_name="last_verified")
    if type(by) is not int or not 0 <= by <= 100000:
        raise DirectoryError(code="directory.entry_bad_field", field_name="verified_by")
    if not isinstance(closed, bool):
        raise DirectoryError(code="directory.entry_bad_field", field_name="closed")
    return EntryFacts("", verified, by, closed, list(languages), extra)


def _fates(raw: Any) -> list[Fate]:
    if not isinstance(raw, list) or len(raw) > MAX_FATES:
        raise DirectoryError(code="directory.entries_damaged")
    fates = []
    for item in raw:
        if (
            not isinstance(item, dict)
            or set(item) != {"id", "fate", "reason", "ref"}
            or not isinstance(item["id"], str)
            or not _SUGGESTION_ID.fullmatch(item["id"])
            or item["fate"] not in ("accepted", "rejected")
            or not isinstance(item["reason"], str)
            or len(item["reason"]) > 500
            or not isinstance(item["ref"], str)
            or len(item["ref"]) > 100
        ):
            raise DirectoryError(code="directory.entries_damaged")
        fates.append(Fate(item["id"], item["fate"], item["reason"], item["ref"]))
    return fates


def _entry(raw: Any) -> Resource:
    if not isinstance(raw, dict):
        raise DirectoryError(code="directory.entry_damaged")
    values: dict[str, str] = {}
    for name, limit in _TEXT_FIELDS.items():
        value = raw.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise DirectoryError(code="directory.entry_bad_field", field_name=name)
        values[name] = value
    if not values["ref"] or not values["name"]:
        raise DirectoryError(code="directory.entry_unnamed")
    try:
        category = ResourceCategory(str(raw.get("category")))
        pathways = [Pathway(p) for p in raw.get("pathways", [])]
    except (ValueError, TypeError):
        raise DirectoryError(code="directory.entry_bad_category") from None
    return Resource(
        values["name"],
        category,
        pathways,
        values["address"],
        values["phone"],
        values["hours"],
        values["notes"],
        local=False,
        rco_ref=values["ref"],
    )
