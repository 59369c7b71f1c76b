"""Signed JSON documents (enrollment files, resource directories) and key fingerprints.

A document is a JSON object; its signature is Ed25519 over the canonical encoding of every
other member (sorted keys, no spaces, UTF-8). Verification happens before any member is used.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from coachdesk.errors import CoachDeskError

SIGNATURE = "signature"


class SignatureError(CoachDeskError):
    """A signed document does not verify: it was altered or comes from someone else."""


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(*public_keys: bytes) -> str:
    """A human-checkable fingerprint: 128 bits of SHA-256, as 8 groups of 4 hex digits."""
    digest = hashlib.sha256(b"coachdesk-fingerprint/v1" + b"".join(public_keys)).hexdigest()
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4)).upper()


def normalize_fingerprint(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def sign_document(body: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    if SIGNATURE in body:
        raise ValueError("the body already has a signature member")
    return {**body, SIGNATURE: key.sign(canonical(body)).hex()}


def verify_document(document: Any, public_key: Ed25519PublicKey) -> dict[str, Any]:
    """Return the document without its signature, or raise SignatureError."""
    if not isinstance(document, dict) or not isinstance(document.get(SIGNATURE), str):
        raise SignatureError("The file is not signed.")
    body = {k: v for k, v in document.items() if k != SIGNATURE}
    try:
        public_key.verify(bytes.fromhex(document[SIGNATURE]), canonical(body))
    except (InvalidSignature, ValueError):
        raise SignatureError(
            "The signature does not match: the file was altered or is not from the expected sender."
        ) from None
    return body


def read_signed_file(
    data: bytes,
    public_key: Ed25519PublicKey,
    max_bytes: int,
    error: type[CoachDeskError],
    area: str,
) -> dict[str, Any]:
    """A published signed file (the RCO's directory, its team roster): size, JSON, then the
    signature, before any member is read. Raises `error` with code `<area>.too_large`,
    `<area>.damaged` or `<area>.bad_signature`."""
    if len(data) > max_bytes:
        raise error(code=f"{area}.too_large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise error(code=f"{area}.damaged") from None
    try:
        return verify_document(document, public_key)
    except SignatureError:
        raise error(code=f"{area}.bad_signature") from None
