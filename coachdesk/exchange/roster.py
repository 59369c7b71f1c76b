"""The RCO's signed team roster: which coach devices may hand clients to each other (issue 19).

    {"format": "coachdesk-roster", "version": 1, "rco_fingerprint": "...", "serial": 3,
     "published_at": "<ISO UTC>",
     "policy": {"sender_keeps": "read_only" | "remove_after_days", "days": 0..3650},
     "devices": [{"fingerprint": "...", "device_id": "<32 hex>", "name": "...",
                  "receive_key": "<64 hex: raw X25519 public key>"}],
     "revoked": ["<fingerprint>", ...],
     "signature": "<ed25519 hex by the RCO signing key, over the rest>"}

Only confirmed, non-revoked devices whose bundles carried a receive key are listed; revoked
ones are named in `revoked` so a coach can say why a hand-off from one is refused. `serial`
only goes up (published with the directory, counted apart). Pure functions: any thread.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from coachdesk.crypto.identity import RcoIdentity, RcoPublicKeys
from coachdesk.crypto.signing import read_signed_file, sign_document
from coachdesk.errors import CoachDeskError

FORMAT = "coachdesk-roster"
VERSION = 1
FILE_NAME = "coachdesk-roster.json"
MAX_BYTES = 1024 * 1024
MAX_DEVICES = 5000
MAX_NAME = 200
MAX_DAYS = 3650
KEEP_READ_ONLY = "read_only"
REMOVE_AFTER_DAYS = "remove_after_days"
_FP = re.compile(r"[0-9A-F]{4}(-[0-9A-F]{4}){7}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class RosterError(CoachDeskError):
    pass


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """What a sender keeps of a client once the receiver acknowledged (set by the RCO)."""

    sender_keeps: str = KEEP_READ_ONLY
    days: int = 0  # with REMOVE_AFTER_DAYS: removed this many days after the acknowledgment

    def to_json(self) -> dict[str, Any]:
        return {"sender_keeps": self.sender_keeps, "days": self.days}

    @classmethod
    def from_json(cls, raw: Any) -> RetentionPolicy:
        if not isinstance(raw, dict) or set(raw) != {"sender_keeps", "days"}:
            raise RosterError(code="roster.damaged")
        keeps, days = raw["sender_keeps"], raw["days"]
        if keeps not in (KEEP_READ_ONLY, REMOVE_AFTER_DAYS):
            raise RosterError(code="roster.damaged")
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DAYS:
            raise RosterError(code="roster.damaged")
        return cls(keeps, days)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    fingerprint: str
    device_id: str
    name: str
    receive_key: str  # hex

    @property
    def public_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(bytes.fromhex(self.receive_key))

    @property
    def label(self) -> str:
        return self.name or self.fingerprint


@dataclass(frozen=True, slots=True)
class Roster:
    serial: int
    rco_fingerprint: str
    published_at: str
    policy: RetentionPolicy
    devices: tuple[RosterEntry, ...]
    revoked: frozenset[str]

    def entry(self, fingerprint: str) -> RosterEntry | None:
        return next((d for d in self.devices if d.fingerprint == fingerprint), None)


def make_roster(
    identity: RcoIdentity,
    devices: list[RosterEntry],
    revoked: list[str],
    serial: int,
    policy: RetentionPolicy,
) -> bytes:
    body = {
        "format": FORMAT,
        "version": VERSION,
        "rco_fingerprint": identity.public.fingerprint,
        "serial": serial,
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "policy": policy.to_json(),
        "devices": [
            {
                "fingerprint": d.fingerprint,
                "device_id": d.device_id,
                "name": d.name[:MAX_NAME],
                "receive_key": d.receive_key,
            }
            for d in devices
        ],
        "revoked": sorted(revoked),
    }
    return json.dumps(sign_document(body, identity.signing), ensure_ascii=False).encode("utf-8")


def parse_roster(data: bytes, rco: RcoPublicKeys) -> Roster:
    """Verify the RCO's signature first, then validate every member."""
    body = read_signed_file(data, rco.signing, MAX_BYTES, RosterError, "roster")
    if body.get("format") != FORMAT or body.get("version") != VERSION:
        raise RosterError(code="roster.damaged")
    if body.get("rco_fingerprint") != rco.fingerprint:
        raise RosterError(code="roster.other_rco")
    serial, devices, revoked = body.get("serial"), body.get("devices"), body.get("revoked")
    if not isinstance(serial, int) or isinstance(serial, bool) or serial < 0:
        raise RosterError(code="roster.damaged")
    if not isinstance(devices, list) or len(devices) > MAX_DEVICES:
        raise RosterError(code="roster.damaged")
    if not isinstance(revoked, list) or not all(
        isinstance(f, str) and _FP.fullmatch(f) for f in revoked
    ):
        raise RosterError(code="roster.damaged")
    return Roster(
        serial,
        rco.fingerprint,
        str(body.get("published_at", "")),
        RetentionPolicy.from_json(body.get("policy")),
        tuple(_entry(d) for d in devices),
        frozenset(revoked),
    )


def _entry(raw: Any) -> RosterEntry:
    if not isinstance(raw, dict) or set(raw) != {"fingerprint", "device_id", "name", "receive_key"}:
        raise RosterError(code="roster.damaged")
    fp, device_id, name, key = (raw[k] for k in ("fingerprint", "device_id", "name", "receive_key"))
    if not (
        isinstance(fp, str)
        and _FP.fullmatch(fp)
        and isinstance(device_id, str)
        and _HEX32.fullmatch(device_id)
        and isinstance(name, str)
        and len(name) <= MAX_NAME
        and isinstance(key, str)
        and _HEX64.fullmatch(key)
    ):
        raise RosterError(code="roster.damaged")
    return RosterEntry(fp, device_id, name, key)
