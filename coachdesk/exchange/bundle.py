"""Sealed export bundles: signed by the coach's device, encrypted to the RCO (FORMAT.md).

`seal_bundle` runs on the workstation: it only ever holds the RCO's *public* key, so nothing on
the workstation can read a bundle back. `open_bundle` runs at the RCO: it checks sizes, decrypts,
verifies the device signature over the exact payload bytes before parsing anything, then parses
with depth/duplicate limits and validates the strict schema. Every refusal is a BundleRejected
with a plain reason (a catalog code); nothing is returned half-checked.

Pure functions: any thread may call them.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity, RcoPublicKeys, public_bytes
from coachdesk.crypto.signing import canonical, fingerprint
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import payload_schema as schema
from coachdesk.i18n.catalog import message_of

MAGIC = b"CDBUNDLE"
# Format 2 (payload schema 2) adds the per-period figures; the framing is unchanged and the
# version byte equals the payload's schema_version. Format 1 bundles are still read.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
HEADER_FORMAT = "coachdesk-bundle"
SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"
INFO_PREFIX = b"coachdesk-bundle/v1\x00"
SIGNED_PREFIX = b"coachdesk-bundle-payload/v1\x00"
FILE_SUFFIX = ".cdbundle"

MAX_HEADER_BYTES = 1024
MAX_PAYLOAD_BYTES = 32 * 1024 * 1024
MAX_BUNDLE_BYTES = MAX_PAYLOAD_BYTES + 2048
MAX_DEPTH = 8

_PREFIX = struct.Struct(">8sBH")  # magic, version, header length
_KEY, _SIG = 32, 64
_ENC = 32  # X25519 encapsulated key
_TAG = 16  # AES-GCM tag
MIN_BUNDLE_BYTES = _PREFIX.size + 2 + _ENC + _SIG + _KEY + _TAG
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


class BundleRejected(CoachDeskError):
    """A bundle that cannot be accepted; str() is the plain reason, for the supervisor."""


@dataclass(frozen=True, slots=True)
class BundleHeader:
    format_version: int
    recipient: str
    header_length: int


@dataclass(frozen=True, slots=True)
class OpenedBundle:
    """A bundle that decrypted, verified and passed the schema. The device registry decides
    whether `device_fingerprint` belongs to a registered device and whether `counter` is new."""

    header: BundleHeader
    bundle_id: str
    device_id: str
    device_public_key: Ed25519PublicKey
    device_fingerprint: str
    counter: int
    created_at: str
    schema_version: int
    payload: dict[str, Any]
    signed: bytes = field(repr=False)  # the signed payload bytes
    sealed: bytes = field(repr=False)  # the whole file as received

    @property
    def records(self) -> list[dict[str, Any]]:
        return list(self.payload["records"])

    # Hashed when asked for: the importer has the file's digest already.
    @property
    def payload_sha256(self) -> str:
        return hashlib.sha256(self.signed).hexdigest()

    @property
    def sealed_sha256(self) -> str:
        return hashlib.sha256(self.sealed).hexdigest()


def _header_bytes(recipient: str, version: int = FORMAT_VERSION) -> bytes:
    header = canonical(
        {
            "format": HEADER_FORMAT,
            "recipient": recipient,
            "suite": SUITE_NAME,
            "version": version,
        }
    )
    return _PREFIX.pack(MAGIC, version, len(header)) + header


def seal_payload_bytes(
    payload: bytes,
    signer: Ed25519PrivateKey,
    recipient: RcoPublicKeys,
    *,
    claimed_key: Ed25519PublicKey | None = None,
    version: int = FORMAT_VERSION,
) -> bytes:
    """Sign and encrypt `payload` exactly as given (no checks: tests use it to build hostile
    bundles). `claimed_key` puts another public key in front of the signature."""
    key = public_bytes(claimed_key or signer.public_key())
    prefix = _header_bytes(recipient.fingerprint, version)
    inner = key + signer.sign(SIGNED_PREFIX + payload) + payload
    return prefix + _SUITE.encrypt(inner, recipient.encryption, INFO_PREFIX + prefix)


def seal_bundle(payload: dict[str, Any], device: DeviceIdentity, recipient: RcoPublicKeys) -> bytes:
    """The sealed file for `payload`. The payload is checked against the schema first, so the
    workstation never sends what the RCO would refuse."""
    data = canonical(payload)
    if len(data) > MAX_PAYLOAD_BYTES:
        raise CoachDeskError(code="bundle.export_too_large")
    schema.validate_payload(payload)
    if payload["device_public_key"] != public_bytes(device.public_key).hex():
        raise CoachDeskError(code="bundle.export_other_device")
    if payload["recipient"] != recipient.fingerprint:
        raise CoachDeskError(code="bundle.export_other_rco")
    return seal_payload_bytes(data, device.signing, recipient, version=payload["schema_version"])


def read_header(data: bytes) -> BundleHeader:
    """The plain outer header: enough to say what a file is and for whom, without any key."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected(code="bundle.far_too_large")
    if len(data) < _PREFIX.size or data[: len(MAGIC)] != MAGIC:
        raise BundleRejected(code="bundle.not_a_bundle")
    _, version, length = _PREFIX.unpack_from(data)
    if version > FORMAT_VERSION:
        raise BundleRejected(code="bundle.newer")
    if version not in READABLE_VERSIONS:
        raise BundleRejected(code="bundle.unknown_version")
    if not 1 <= length <= MAX_HEADER_BYTES or len(data) < _PREFIX.size + length:
        raise BundleRejected(code="bundle.header_damaged")
    raw = data[_PREFIX.size : _PREFIX.size + length]
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleRejected(code="bundle.header_damaged") from None
    if (
        not isinstance(header, dict)
        or set(header) != {"format", "recipient", "suite", "version"}
        or header["format"] != HEADER_FORMAT
        or header["suite"] != SUITE_NAME
        or header["version"] != version
        or not isinstance(header["recipient"], str)
        or not schema.FINGERPRINT.fullmatch(header["recipient"])
        or canonical(header) != raw
    ):
        raise BundleRejected(code="bundle.header_damaged")
    return BundleHeader(version, header["recipient"], length)


_KEEP = b'"[]{}'
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_QUOTED = re.compile(rb'"[^"]*"')
_STEP = [1 if b in b"[{" else -1 for b in range(256)]


def nesting_depth(data: bytes) -> int:
    """Deepest nesting of objects and arrays, found without parsing (strings skipped).

    Escaped backslashes, then escaped quotes, are removed first, so every remaining quote
    opens or closes a string; then everything but quotes and brackets goes, and quoted runs.
    """
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _DROP)
    # Two adjacent quotes enclose nothing (or nothing between strings): dropping them keeps
    # every other quote's parity, and leaves few strings for the regular expression.
    brackets = _QUOTED.sub(b"", plain.replace(b'""', b""))
    return max(accumulate(map(_STEP.__getitem__, brackets), initial=0))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise BundleRejected(code="bundle.repeats_member")
    return result


def _no_constants(name: str) -> Any:
    raise BundleRejected(code="bundle.constant", name=name)


def parse_payload(payload: bytes) -> dict[str, Any]:
    """Parse signed payload bytes with depth, duplicate and canonical-form checks."""
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise BundleRejected(code="bundle.content_too_large")
    if nesting_depth(payload) > MAX_DEPTH:
        raise BundleRejected(code="bundle.too_deep")
    # Parsed first without the per-object duplicate check (a third of the parse): a payload
    # that is its value's canonical encoding has no repeated member, since the encoding of a
    # dict never repeats a key. Anything else is parsed again by the checks below, which
    # name the first fault exactly as before.
    try:
        value = json.loads(payload.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError, BundleRejected):
        value = None
    if isinstance(value, dict) and _is_canonical(value, payload):
        return value
    return _parse_checked(payload)


def _is_canonical(value: dict[str, Any], payload: bytes) -> bool:
    try:
        return canonical(value) == payload
    except UnicodeEncodeError:  # an escaped lone surrogate: no UTF-8 encoding (was a crash)
        return False


def _parse_checked(payload: bytes) -> dict[str, Any]:
    try:
        value = json.loads(
            payload.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
        )
    except (UnicodeDecodeError, ValueError):
        raise BundleRejected(code="bundle.not_json") from None
    except RecursionError:
        raise BundleRejected(code="bundle.too_deep") from None
    if not isinstance(value, dict):
        raise BundleRejected(code="bundle.not_an_export")
    if not _is_canonical(value, payload):
        raise BundleRejected(code="bundle.not_canonical")
    return value


def open_bundle(data: bytes, rco: RcoIdentity) -> OpenedBundle:
    """Decrypt, verify and validate a sealed bundle for `rco`, or raise BundleRejected."""
    header = read_header(data)
    if header.recipient != rco.public.fingerprint:
        raise BundleRejected(code="bundle.other_rco", recipient=header.recipient)
    if len(data) < MIN_BUNDLE_BYTES:
        raise BundleRejected(code="bundle.truncated")
    split = _PREFIX.size + header.header_length
    try:
        inner = _SUITE.decrypt(data[split:], rco.encryption, INFO_PREFIX + data[:split])
    except (InvalidTag, ValueError):
        raise BundleRejected(code="bundle.cannot_decrypt") from None
    if len(inner) < _KEY + _SIG + 2:
        raise BundleRejected(code="bundle.empty")
    key_bytes, signature, payload = inner[:_KEY], inner[_KEY : _KEY + _SIG], inner[_KEY + _SIG :]
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise BundleRejected(code="bundle.content_too_large")
    try:
        device_key = Ed25519PublicKey.from_public_bytes(key_bytes)
        device_key.verify(signature, SIGNED_PREFIX + payload)
    except (InvalidSignature, ValueError):
        raise BundleRejected(code="bundle.bad_signature") from None
    value = parse_payload(payload)
    try:
        schema.validate_payload(value)
    except schema.SchemaError as exc:
        raise BundleRejected(code="bundle.invalid", reason=message_of(exc)) from None
    if value["device_public_key"] != key_bytes.hex():
        raise BundleRejected(code="bundle.other_device_key")
    if value["recipient"] != header.recipient:
        raise BundleRejected(code="bundle.header_other_rco")
    if value["schema_version"] != header.format_version:
        raise BundleRejected(code="bundle.header_other_version")
    return OpenedBundle(
        header=header,
        bundle_id=value["bundle_id"],
        device_id=value["device_id"],
        device_public_key=device_key,
        device_fingerprint=fingerprint(key_bytes),
        counter=value["counter"],
        created_at=value["created_at"],
        schema_version=value["schema_version"],
        payload=value,
        signed=payload,
        sealed=data,
    )


FILE_PREFIX = "coachdesk-export-"


def bundle_file_name(counter: int, bundle_id: str) -> str:
    return f"{FILE_PREFIX}{counter:06d}-{bundle_id[:8]}{FILE_SUFFIX}"
