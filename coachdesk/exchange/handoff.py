"""Sealed hand-off files and their acknowledgments, from one coach device to another (issue 19,
FORMAT.md "Hand-off file").

    magic b"CDHANDOF" | version 0x01 | H (2 bytes) | header JSON (canonical) | HPKE ciphertext
    header: {"format": "coachdesk-handoff", "kind": "handoff" | "ack", "recipient": FP,
             "sender": FP, "suite": "X25519-HKDF-SHA256-AES-256-GCM", "version": 1}
    plaintext: sender Ed25519 public key (32) | signature (64) | canonical JSON payload

Sealed (HPKE base mode, as bundles are) to the recipient device's receive key from the RCO's
signed roster, signed by the sender's device key; the RCO relays the file but holds no key that
opens it. `open_handoff` refuses, each with a catalog code and nothing returned half-checked:
too large, not a hand-off, damaged header, for another device, truncated or altered (cannot be
decrypted), bad signature, sender not on the roster or revoked, too deep, not JSON, not
canonical, schema violations. Replays are the receiving vault's check (application/handoff.py).

Pure functions: any thread.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from coachdesk.crypto.identity import public_bytes
from coachdesk.crypto.signing import canonical, fingerprint
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.bundle import nesting_depth
from coachdesk.exchange.roster import Roster, RosterEntry
from coachdesk.storage.handoff_repo import RECORD_TABLES

MAGIC = b"CDHANDOF"
VERSION = 1
HEADER_FORMAT = "coachdesk-handoff"
PAYLOAD_FORMAT = "coachdesk-handoff"
ACK_FORMAT = "coachdesk-handoff-ack"
SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"
KINDS = ("handoff", "ack")
INFO_PREFIX = b"coachdesk-handoff/v1\x00"
SIGNED_PREFIX = {
    "handoff": b"coachdesk-handoff-payload/v1\x00",
    "ack": b"coachdesk-handoff-ack/v1\x00",
}
SUFFIX = {"handoff": ".cdhandoff", "ack": ".cdack"}
FOLDER = "handoffs"  # handoffs/<recipient fingerprint>/ in the inbox or on the stick

MAX_HEADER_BYTES = 1024
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = MAX_PAYLOAD_BYTES + 2048
MAX_DEPTH = 6
MAX_ROWS = 100_000  # per table of one client's record
MAX_TEXT = 1_000_000  # characters in one value (a long note)
MAX_REASON = 2000

_PREFIX = struct.Struct(">8sBH")
_KEY, _SIG, _ENC, _TAG = 32, 64, 32, 16
MIN_FILE_BYTES = _PREFIX.size + 2 + _ENC + _KEY + _SIG + _TAG
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_FP = re.compile(r"[0-9A-F]{4}(-[0-9A-F]{4}){7}")
_ID = re.compile(r"[0-9a-f]{32}")
_PSEUDONYM = re.compile(r"[0-9a-f]{24}")
_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
CONSENT_BASIS = "consent_2_31"  # 42 CFR 2.31: a consent naming the receiving coach/program
PROGRAM_BASIS = "within_program_2_12c3"  # 42 CFR 2.12(c)(3): within the program, a reason


class HandoffRejected(CoachDeskError):
    """A hand-off or acknowledgment that cannot be accepted; str() is the plain reason."""


@dataclass(frozen=True, slots=True)
class OpenedHandoff:
    kind: str
    sender: RosterEntry
    payload: dict[str, Any]
    sealed_sha256: str

    @property
    def handoff_id(self) -> str:
        return str(self.payload["handoff_id"])


def file_name(kind: str, handoff_id: str) -> str:
    return f"coachdesk-{kind}-{handoff_id}{SUFFIX[kind]}"


def _prefix(kind: str, sender: str, recipient: str) -> bytes:
    header = canonical(
        {
            "format": HEADER_FORMAT,
            "kind": kind,
            "recipient": recipient,
            "sender": sender,
            "suite": SUITE_NAME,
            "version": VERSION,
        }
    )
    return _PREFIX.pack(MAGIC, VERSION, len(header)) + header


def seal(
    kind: str,
    payload: dict[str, Any],
    signer: Ed25519PrivateKey,
    recipient_fp: str,
    recipient_key: X25519PublicKey,
) -> bytes:
    """Check, sign and seal a payload for one device (`recipient_key` from the roster)."""
    validate(kind, payload)
    data = canonical(payload)
    if len(data) > MAX_PAYLOAD_BYTES:
        raise CoachDeskError(code="handoff.record_too_large")
    return seal_bytes(kind, data, signer, recipient_fp, recipient_key)


def seal_bytes(
    kind: str,
    data: bytes,
    signer: Ed25519PrivateKey,
    recipient_fp: str,
    recipient_key: X25519PublicKey,
) -> bytes:
    """Sign and seal payload bytes as given (tests build hostile files with it)."""
    key = public_bytes(signer.public_key())
    prefix = _prefix(kind, fingerprint(key), recipient_fp)
    inner = key + signer.sign(SIGNED_PREFIX[kind] + data) + data
    return prefix + _SUITE.encrypt(inner, recipient_key, INFO_PREFIX + prefix)


def read_header(data: bytes) -> tuple[dict[str, Any], int]:
    if len(data) > MAX_FILE_BYTES:
        raise HandoffRejected(code="handoff.too_large")
    if len(data) < _PREFIX.size or data[: len(MAGIC)] != MAGIC:
        raise HandoffRejected(code="handoff.not_a_handoff")
    _, version, length = _PREFIX.unpack_from(data)
    if version != VERSION:
        raise HandoffRejected(code="handoff.newer")
    if not 1 <= length <= MAX_HEADER_BYTES or len(data) < _PREFIX.size + length:
        raise HandoffRejected(code="handoff.header_damaged")
    raw = data[_PREFIX.size : _PREFIX.size + length]
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HandoffRejected(code="handoff.header_damaged") from None
    if (
        not isinstance(header, dict)
        or set(header) != {"format", "kind", "recipient", "sender", "suite", "version"}
        or header["format"] != HEADER_FORMAT
        or header["kind"] not in KINDS
        or header["suite"] != SUITE_NAME
        or header["version"] != VERSION
        or not all(
            isinstance(header[k], str) and _FP.fullmatch(header[k]) for k in ("recipient", "sender")
        )
        or canonical(header) != raw
    ):
        raise HandoffRejected(code="handoff.header_damaged")
    return header, _PREFIX.size + length


def open_handoff(
    data: bytes, my_fingerprint: str, my_key: X25519PrivateKey, roster: Roster
) -> OpenedHandoff:
    """Decrypt, verify and validate a hand-off or acknowledgment addressed to this device."""
    header, split = read_header(data)
    if header["recipient"] != my_fingerprint:
        raise HandoffRejected(code="handoff.other_recipient")
    if len(data) < MIN_FILE_BYTES:
        raise HandoffRejected(code="handoff.truncated")
    try:
        inner = _SUITE.decrypt(data[split:], my_key, INFO_PREFIX + data[:split])
    except (InvalidTag, ValueError):
        raise HandoffRejected(code="handoff.cannot_decrypt") from None
    if len(inner) < _KEY + _SIG + 2:
        raise HandoffRejected(code="handoff.truncated")
    key_bytes, signature, payload = inner[:_KEY], inner[_KEY : _KEY + _SIG], inner[_KEY + _SIG :]
    kind = str(header["kind"])
    try:
        Ed25519PublicKey.from_public_bytes(key_bytes).verify(
            signature, SIGNED_PREFIX[kind] + payload
        )
    except (InvalidSignature, ValueError):
        raise HandoffRejected(code="handoff.bad_signature") from None
    sender_fp = fingerprint(key_bytes)
    if sender_fp != header["sender"]:
        raise HandoffRejected(code="handoff.bad_signature")
    if sender_fp in roster.revoked:
        raise HandoffRejected(code="handoff.sender_revoked", sender=sender_fp)
    sender = roster.entry(sender_fp)
    if sender is None:
        raise HandoffRejected(code="handoff.sender_not_on_roster", sender=sender_fp)
    value = _parse(payload)
    validate(kind, value)
    if value["sender"] != sender_fp or value["recipient"] != my_fingerprint:
        raise HandoffRejected(code="handoff.invalid", member="sender")
    return OpenedHandoff(kind, sender, value, hashlib.sha256(data).hexdigest())


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise HandoffRejected(code="handoff.invalid", member="(repeated member)")
    return result


def _no_constants(name: str) -> Any:
    raise HandoffRejected(code="handoff.invalid", member=name)


def _parse(payload: bytes) -> dict[str, Any]:
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise HandoffRejected(code="handoff.too_large")
    if nesting_depth(payload) > MAX_DEPTH:
        raise HandoffRejected(code="handoff.too_deep")
    try:
        value = json.loads(
            payload.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constants
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise HandoffRejected(code="handoff.not_json") from None
    if not isinstance(value, dict) or canonical(value) != payload:
        raise HandoffRejected(code="handoff.not_json")
    return value


# -- the payload schema --------------------------------------------------------------------

_COMMON = ("format", "handoff_id", "recipient", "sender", "version")
HANDOFF_FIELDS = (*_COMMON, "created_at", "episode", "legal_basis", "record", "sender_name")
ACK_FIELDS = (*_COMMON, "accepted_at", "receiver_name")


def _bad(member: str) -> HandoffRejected:
    return HandoffRejected(code="handoff.invalid", member=member)


def _exact(value: Any, members: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != set(members):
        raise _bad(where)
    return value


def _text(value: Any, where: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _bad(where)
    return value


def validate(kind: str, p: Any) -> None:
    """Raise HandoffRejected naming the first member that breaks FORMAT.md."""
    p = _exact(p, HANDOFF_FIELDS if kind == "handoff" else ACK_FIELDS, "payload")
    if p["format"] != (PAYLOAD_FORMAT if kind == "handoff" else ACK_FORMAT) or p["version"] != 1:
        raise _bad("format")
    if not isinstance(p["handoff_id"], str) or not _ID.fullmatch(p["handoff_id"]):
        raise _bad("handoff_id")
    for member in ("sender", "recipient"):
        if not isinstance(p[member], str) or not _FP.fullmatch(p[member]):
            raise _bad(member)
    when = p["created_at" if kind == "handoff" else "accepted_at"]
    if not isinstance(when, str) or not _INSTANT.fullmatch(when):
        raise _bad("created_at" if kind == "handoff" else "accepted_at")
    if kind == "ack":
        _text(p["receiver_name"], "receiver_name", 200)
        return
    _text(p["sender_name"], "sender_name", 200)
    if not isinstance(p["episode"], str) or not _PSEUDONYM.fullmatch(p["episode"]):
        raise _bad("episode")
    _basis(p["legal_basis"])
    _record(p["record"])


def _basis(raw: Any) -> None:
    if not isinstance(raw, dict) or raw.get("kind") not in (CONSENT_BASIS, PROGRAM_BASIS):
        raise _bad("legal_basis")
    if raw["kind"] == CONSENT_BASIS:
        basis = _exact(raw, ("kind", "consent_id"), "legal_basis")
        if not isinstance(basis["consent_id"], int) or isinstance(basis["consent_id"], bool):
            raise _bad("legal_basis.consent_id")
    else:
        basis = _exact(raw, ("kind", "reason"), "legal_basis")
        if not _text(basis["reason"], "legal_basis.reason", MAX_REASON).strip():
            raise _bad("legal_basis.reason")


_NAME = re.compile(r"[a-z_][a-z0-9_]{0,39}")


def _record(raw: Any) -> None:
    record = _exact(raw, RECORD_TABLES, "record")
    for table in RECORD_TABLES:
        rows = record[table]
        if not isinstance(rows, list) or len(rows) > MAX_ROWS:
            raise _bad(f"record.{table}")
        for row in rows:
            if not isinstance(row, dict):
                raise _bad(f"record.{table}")
            for name, value in row.items():
                if not _NAME.fullmatch(name):
                    raise _bad(f"record.{table}")
                if isinstance(value, bool) or not (
                    value is None
                    or (isinstance(value, int) and -(2**63) <= value < 2**63)
                    or (isinstance(value, str) and len(value) <= MAX_TEXT)
                ):
                    raise _bad(f"record.{table}.{name}")
    if len(record["clients"]) != 1:
        raise _bad("record.clients")
    client = record["clients"][0]
    if not isinstance(client.get("pseudonym"), str) or not _PSEUDONYM.fullmatch(
        client["pseudonym"]
    ):
        raise _bad("record.clients.pseudonym")
