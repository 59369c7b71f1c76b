"""Sealed suggestions to the RCO's resource directory (FORMAT.md section 10, issue 20).

A coach suggests a new resource, a correction to an RCO entry, or that an entry is still
right. The file is framed, signed and sealed like an export bundle (exchange/bundle.py) under
its own magic and domain strings, so a suggestion can never be taken for a bundle or the other
way round. It carries public resource information only, typed by the coach and shown to them
in full before it leaves; no field of it is read from a client record.

Pure functions: any thread may call them.
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
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from coachdesk.core.models import Pathway, ResourceCategory
from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity, RcoPublicKeys, public_bytes
from coachdesk.crypto.signing import canonical, fingerprint
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.bundle import BundleRejected, parse_payload

MAGIC = b"CDSUGGST"
VERSION = 1
FORMAT = "coachdesk-suggestion"
HEADER_FORMAT = "coachdesk-suggestion-file"
SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"
INFO_PREFIX = b"coachdesk-suggestion/v1\x00"
SIGNED_PREFIX = b"coachdesk-suggestion-payload/v1\x00"
FILE_PREFIX = "coachdesk-suggestion-"
FILE_SUFFIX = ".cdsuggest"

MAX_FILE_BYTES = 64 * 1024
MAX_PAYLOAD_BYTES = 32 * 1024
MAX_HEADER_BYTES = 512
MAX_LANGUAGES = 10

_PREFIX = struct.Struct(">8sBH")
_KEY, _SIG = 32, 64
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)

KINDS = ("new", "correction", "confirmed")
PROBLEMS = ("number_changed", "hours_changed", "closed", "other")
# Every text field of the resource and its longest length (characters).
TEXT_LIMITS: dict[str, int] = {
    "name": 200,
    "name_es": 200,
    "phone": 100,
    "area": 500,
    "hours": 200,
    "hours_es": 200,
    "eligibility": 500,
    "eligibility_es": 500,
    "note": 1000,
    "note_es": 1000,
}
RESOURCE_MEMBERS = frozenset({*TEXT_LIMITS, "category", "pathways", "languages"})
PAYLOAD_MEMBERS = frozenset(
    {
        "format",
        "schema_version",
        "suggestion_id",
        "device_id",
        "device_public_key",
        "counter",
        "created_at",
        "recipient",
        "kind",
        "ref",
        "problem",
        "resource",
    }
)
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"[0-9A-F]{4}(-[0-9A-F]{4}){7}")
_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
_REF = re.compile(r"[A-Za-z0-9._-]{1,100}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class SuggestionRejected(BundleRejected):
    """A suggestion file that cannot be accepted; str() is the plain reason."""


@dataclass(frozen=True, slots=True)
class OpenedSuggestion:
    suggestion_id: str
    device_id: str
    device_public_key: str  # hex
    device_fingerprint: str
    counter: int
    created_at: str
    kind: str
    ref: str
    problem: str
    resource: dict[str, Any]
    sealed_sha256: str


def is_suggestion(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


def file_name(counter: int, suggestion_id: str) -> str:
    return f"{FILE_PREFIX}{counter:06d}-{suggestion_id[:8]}{FILE_SUFFIX}"


def _invalid(member: str) -> SuggestionRejected:
    return SuggestionRejected(code="suggest.file.invalid", member=member)


def _text(value: object, member: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit or _CONTROL.search(value):
        raise _invalid(member)
    return value


def validate_resource(resource: object, kind: str) -> dict[str, Any]:
    """The resource object's strict schema; raises SuggestionRejected naming the member."""
    if not isinstance(resource, dict) or set(resource) != RESOURCE_MEMBERS:
        raise _invalid("resource")
    for name, limit in TEXT_LIMITS.items():
        _text(resource[name], f"resource.{name}", limit)
    if kind == "new" and not resource["name"].strip():
        raise _invalid("resource.name")
    if resource["category"] not in {c.value for c in ResourceCategory}:
        raise _invalid("resource.category")
    pathways = resource["pathways"]
    valid = {p.value for p in Pathway}
    if (
        not isinstance(pathways, list)
        or any(p not in valid for p in pathways)
        or pathways != sorted(set(pathways))
    ):
        raise _invalid("resource.pathways")
    languages = resource["languages"]
    if not isinstance(languages, list) or len(languages) > MAX_LANGUAGES:
        raise _invalid("resource.languages")
    for language in languages:
        if not _text(language, "resource.languages", 40).strip():
            raise _invalid("resource.languages")
    return resource


def validate_payload(payload: object) -> dict[str, Any]:
    if not isinstance(payload, dict) or set(payload) != PAYLOAD_MEMBERS:
        raise _invalid("payload")
    checks = {
        "format": payload["format"] == FORMAT,
        "schema_version": payload["schema_version"] == VERSION,
        "suggestion_id": isinstance(payload["suggestion_id"], str)
        and bool(_HEX32.fullmatch(payload["suggestion_id"])),
        "device_id": isinstance(payload["device_id"], str)
        and bool(_HEX32.fullmatch(payload["device_id"])),
        "device_public_key": isinstance(payload["device_public_key"], str)
        and bool(_HEX64.fullmatch(payload["device_public_key"])),
        "counter": type(payload["counter"]) is int and 1 <= payload["counter"] <= 10**9,
        "created_at": isinstance(payload["created_at"], str)
        and bool(_INSTANT.fullmatch(payload["created_at"])),
        "recipient": isinstance(payload["recipient"], str)
        and bool(_FINGERPRINT.fullmatch(payload["recipient"])),
        "kind": payload["kind"] in KINDS,
    }
    for member, ok in checks.items():
        if not ok:
            raise _invalid(member)
    kind, ref, problem = payload["kind"], payload["ref"], payload["problem"]
    if kind == "new":
        if ref != "" or problem != "":
            raise _invalid("ref")
    else:
        if not isinstance(ref, str) or not _REF.fullmatch(ref):
            raise _invalid("ref")
        wanted = PROBLEMS if kind == "correction" else ("",)
        if problem not in wanted:
            raise _invalid("problem")
    validate_resource(payload["resource"], kind)
    return payload


def _header(recipient: str) -> bytes:
    header = canonical(
        {"format": HEADER_FORMAT, "recipient": recipient, "suite": SUITE_NAME, "version": VERSION}
    )
    return _PREFIX.pack(MAGIC, VERSION, len(header)) + header


def seal_suggestion(
    payload: dict[str, Any], device: DeviceIdentity, recipient: RcoPublicKeys
) -> bytes:
    """Sign and seal a checked payload (the coach never sends what the RCO would refuse)."""
    validate_payload(payload)
    if payload["device_public_key"] != public_bytes(device.public_key).hex():
        raise CoachDeskError(code="bundle.export_other_device")
    if payload["recipient"] != recipient.fingerprint:
        raise CoachDeskError(code="bundle.export_other_rco")
    data = canonical(payload)
    if len(data) > MAX_PAYLOAD_BYTES:
        raise CoachDeskError(code="suggest.too_long")
    return seal_raw(data, device, recipient)


def seal_raw(data: bytes, device: DeviceIdentity, recipient: RcoPublicKeys) -> bytes:
    """Sign and seal payload bytes as given (tests build hostile files with it)."""
    prefix = _header(recipient.fingerprint)
    key = public_bytes(device.public_key)
    inner = key + device.signing.sign(SIGNED_PREFIX + data) + data
    return prefix + _SUITE.encrypt(inner, recipient.encryption, INFO_PREFIX + prefix)


def _read_header(data: bytes) -> tuple[str, int]:
    if len(data) > MAX_FILE_BYTES:
        raise SuggestionRejected(code="suggest.file.too_large")
    if len(data) < _PREFIX.size or not is_suggestion(data):
        raise SuggestionRejected(code="suggest.file.not_a_suggestion")
    _, version, length = _PREFIX.unpack_from(data)
    if version != VERSION:
        raise SuggestionRejected(code="suggest.file.unknown_version")
    if not 1 <= length <= MAX_HEADER_BYTES or len(data) < _PREFIX.size + length:
        raise SuggestionRejected(code="suggest.file.damaged")
    raw = data[_PREFIX.size : _PREFIX.size + length]
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SuggestionRejected(code="suggest.file.damaged") from None
    if (
        not isinstance(header, dict)
        or set(header) != {"format", "recipient", "suite", "version"}
        or header["format"] != HEADER_FORMAT
        or header["suite"] != SUITE_NAME
        or header["version"] != VERSION
        or not isinstance(header["recipient"], str)
        or canonical(header) != raw
    ):
        raise SuggestionRejected(code="suggest.file.damaged")
    return header["recipient"], _PREFIX.size + length


def open_suggestion(data: bytes, rco: RcoIdentity) -> OpenedSuggestion:
    """Size, header, decryption, the device signature BEFORE parsing, then the strict schema."""
    recipient, split = _read_header(data)
    if recipient != rco.public.fingerprint:
        raise SuggestionRejected(code="suggest.file.other_rco")
    try:
        inner = _SUITE.decrypt(data[split:], rco.encryption, INFO_PREFIX + data[:split])
    except (InvalidTag, ValueError):
        raise SuggestionRejected(code="suggest.file.cannot_decrypt") from None
    key_bytes, signature, payload = inner[:_KEY], inner[_KEY : _KEY + _SIG], inner[_KEY + _SIG :]
    if len(payload) < 2 or len(payload) > MAX_PAYLOAD_BYTES:
        raise SuggestionRejected(code="suggest.file.too_large")
    try:
        Ed25519PublicKey.from_public_bytes(key_bytes).verify(signature, SIGNED_PREFIX + payload)
    except (InvalidSignature, ValueError):
        raise SuggestionRejected(code="suggest.file.bad_signature") from None
    try:
        value = parse_payload(payload)
    except BundleRejected:
        raise SuggestionRejected(code="suggest.file.damaged") from None
    validate_payload(value)
    if value["device_public_key"] != key_bytes.hex():
        raise SuggestionRejected(code="bundle.other_device_key")
    if value["recipient"] != recipient:
        raise SuggestionRejected(code="suggest.file.other_rco")
    return OpenedSuggestion(
        value["suggestion_id"],
        value["device_id"],
        value["device_public_key"],
        fingerprint(key_bytes),
        value["counter"],
        value["created_at"],
        value["kind"],
        value["ref"],
        value["problem"],
        value["resource"],
        hashlib.sha256(data).hexdigest(),
    )
