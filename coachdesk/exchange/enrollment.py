"""The RCO's enrollment file: how a coach's vault learns whom to seal exports for.

    {"format": "coachdesk-enrollment", "version": 1, "rco_name": "...",
     "encryption_public_key": "<x25519 hex>", "signing_public_key": "<ed25519 hex>",
     "policy": {"k": 11, "small_cell": 11, "optional_fields": [], "fiscal_year_start": 7},
     "created_at": "<ISO UTC>", "signature": "<ed25519 hex over the rest>"}

The file is self-signed by the RCO's signing key: that proves integrity, not origin. Origin is
proven by the coach comparing the fingerprint with the one the supervisor gave on paper.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from coachdesk.crypto.identity import RcoIdentity, RcoPublicKeys, public_bytes
from coachdesk.crypto.signing import SignatureError, sign_document, verify_document
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.periods import FISCAL_STARTS

FORMAT = "coachdesk-enrollment"
VERSION = 1
MAX_BYTES = 64 * 1024
OPTIONAL_FIELDS = ("months_between",)
DEFAULT_K = 11
DEFAULT_SMALL_CELL = 11


class EnrollmentError(CoachDeskError):
    pass


@dataclass(frozen=True, slots=True)
class PrivacyPolicy:
    k: int = DEFAULT_K
    small_cell: int = DEFAULT_SMALL_CELL
    optional_fields: tuple[str, ...] = ()
    # Month the RCO's fiscal year starts in (1 = the calendar year). Enrollment files made
    # before it existed lack it and mean January.
    fiscal_year_start: int = 1

    def to_json(self) -> dict[str, Any]:
        return {**self.payload_json(), "fiscal_year_start": self.fiscal_year_start}

    def payload_json(self) -> dict[str, Any]:
        """The policy as a bundle payload carries it (FORMAT.md: exactly these members)."""
        return {
            "k": self.k,
            "small_cell": self.small_cell,
            "optional_fields": list(self.optional_fields),
        }

    @classmethod
    def from_json(cls, data: Any) -> PrivacyPolicy:
        if not isinstance(data, dict):
            raise EnrollmentError(code="enroll.policy.missing")
        k, cell, fields = data.get("k"), data.get("small_cell"), data.get("optional_fields", [])
        if not isinstance(k, int) or isinstance(k, bool) or not 2 <= k <= 1000:
            raise EnrollmentError(code="enroll.policy.k")
        if not isinstance(cell, int) or isinstance(cell, bool) or not 2 <= cell <= 1000:
            raise EnrollmentError(code="enroll.policy.small_cell")
        if not isinstance(fields, list) or any(f not in OPTIONAL_FIELDS for f in fields):
            raise EnrollmentError(code="enroll.policy.field")
        start = data.get("fiscal_year_start", 1)
        if start not in FISCAL_STARTS or isinstance(start, bool):
            raise EnrollmentError(code="enroll.policy.fiscal_start")
        return cls(k, cell, tuple(fields), start)


@dataclass(frozen=True, slots=True)
class Enrollment:
    rco_name: str
    keys: RcoPublicKeys
    policy: PrivacyPolicy = field(default_factory=PrivacyPolicy)
    created_at: str = ""

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "rco_name": self.rco_name,
            "encryption_public_key": public_bytes(self.keys.encryption).hex(),
            "signing_public_key": public_bytes(self.keys.signing).hex(),
            "policy": self.policy.to_json(),
            "created_at": self.created_at,
        }


def make_enrollment(
    identity: RcoIdentity, rco_name: str, policy: PrivacyPolicy | None = None
) -> bytes:
    """The signed enrollment file an RCO hands to its coaches."""
    body = Enrollment(
        rco_name,
        identity.public,
        policy or PrivacyPolicy(),
        datetime.now(UTC).isoformat(timespec="seconds"),
    ).to_json()
    return json.dumps(sign_document(body, identity.signing), indent=2, ensure_ascii=False).encode(
        "utf-8"
    )


def parse_enrollment(data: bytes) -> Enrollment:
    """Parse and verify an enrollment file; EnrollmentError says plainly what is wrong."""
    if len(data) > MAX_BYTES:
        raise EnrollmentError(code="enroll.file.too_large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise EnrollmentError(code="enroll.file.not_enrollment") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise EnrollmentError(code="enroll.file.not_enrollment")
    if doc.get("version") != VERSION:
        raise EnrollmentError(code="enroll.file.newer")
    try:
        keys = RcoPublicKeys.from_hex(
            str(doc["encryption_public_key"]), str(doc["signing_public_key"])
        )
    except (KeyError, ValueError):
        raise EnrollmentError(code="enroll.file.keys_damaged") from None
    try:
        body = verify_document(doc, keys.signing)
    except SignatureError:
        raise EnrollmentError(code="enroll.file.altered") from None
    name = body.get("rco_name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise EnrollmentError(code="enroll.file.no_rco_name")
    return Enrollment(
        name, keys, PrivacyPolicy.from_json(body.get("policy")), str(body.get("created_at", ""))
    )
