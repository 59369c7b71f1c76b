"""The RCO's signed resource directory, published to coaches and merged into their vaults.

    {"format": "coachdesk-directory", "version": 1, "rco_fingerprint": "...",
     "serial": 7, "published_at": "<ISO UTC>",
     "entries": [{"ref": "...", "name": "...", "category": "<ResourceCategory>",
                  "pathways": ["<Pathway>", ...], "address": "", "phone": "", "hours": "",
                  "notes": ""}],
     "signature": "<ed25519 hex by the RCO signing key, over the rest>"}

`serial` only goes up: a coach refuses a directory older than the one it has.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity, RcoPublicKeys
from coachdesk.crypto.signing import SignatureError, sign_document, verify_document
from coachdesk.errors import CoachDeskError

FORMAT = "coachdesk-directory"
VERSION = 1
FILE_NAME = "coachdesk-directory.json"
MAX_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 5000
_TEXT_FIELDS = {"ref": 100, "name": 200, "address": 500, "phone": 100, "hours": 200, "notes": 2000}


class DirectoryError(CoachDeskError):
    pass


def make_directory(identity: RcoIdentity, entries: list[Resource], serial: int) -> bytes:
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
            }
            for r in entries
        ],
    }
    return json.dumps(sign_document(body, identity.signing), ensure_ascii=False).encode("utf-8")


def parse_directory(data: bytes, rco: RcoPublicKeys) -> tuple[int, list[Resource]]:
    """Verify the RCO's signature first, then validate; return (serial, entries)."""
    if len(data) > MAX_BYTES:
        raise DirectoryError(code="directory.too_large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DirectoryError(code="directory.damaged") from None
    try:
        body = verify_document(doc, rco.signing)
    except SignatureError:
        raise DirectoryError(code="directory.bad_signature") from None
    if body.get("format") != FORMAT or body.get("version") != VERSION:
        raise DirectoryError(code="directory.unknown_format")
    if body.get("rco_fingerprint") != rco.fingerprint:
        raise DirectoryError(code="directory.other_rco")
    serial = body.get("serial")
    entries = body.get("entries")
    if not isinstance(serial, int) or isinstance(serial, bool) or serial < 0:
        raise DirectoryError(code="directory.bad_serial")
    if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise DirectoryError(code="directory.entries_damaged")
    return serial, [_entry(e) for e in entries]


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
