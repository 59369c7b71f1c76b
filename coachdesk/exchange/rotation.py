"""RCO key rotation: how a coach's vault follows its RCO to a new key (a lost laptop).

The RCO publishes `coachdesk-rotation.json` beside its resource directory:

    {"format": "coachdesk-key-rotation", "version": 1,
     "steps": [{"previous_fingerprint": "<old key>", "enrollment": "<the new enrollment file>",
                "created_at": "<ISO UTC>", "signature": "<ed25519 hex by the OLD signing key>"},
               ...]}

Each step is signed by the key it retires, and carries the new key's own (self-signed)
enrollment file. A coach walks the steps from the key it is enrolled with: a step for its key
must verify under that key, or the whole file is refused (a forged rotation). Steps for other
keys are skipped, so the same file serves coaches that missed earlier rotations, and replaying
an old file changes nothing. Once switched, every new export is sealed for the new key only;
exports already in the outbox stay sealed for the old one, which the RCO still holds to read
them.

Sync's deliver step fetches the file with the directory (no vault); its record step calls
`apply` before it verifies the directory, which a switched RCO signs with its new key.
Threading: `apply` on the vault-owning thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from coachdesk.crypto.identity import RcoIdentity, RcoPublicKeys
from coachdesk.crypto.signing import SignatureError, sign_document, verify_document
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.enrollment import Enrollment, EnrollmentError, parse_enrollment
from coachdesk.exchange.export import ENROLLMENT_META
from coachdesk.i18n.catalog import Message, message_of
from coachdesk.storage import repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import Vault

FORMAT = "coachdesk-key-rotation"
VERSION = 1
FILE_NAME = "coachdesk-rotation.json"
MAX_BYTES = 1024 * 1024
MAX_STEPS = 100


class RotationError(CoachDeskError):
    pass


def make_step(old: RcoIdentity, new_enrollment: bytes) -> dict[str, Any]:
    """One rotation step: the new enrollment, signed by the identity it replaces."""
    body = {
        "previous_fingerprint": old.public.fingerprint,
        "enrollment": new_enrollment.decode("utf-8"),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return sign_document(body, old.signing)


def make_rotation_file(steps: list[dict[str, Any]]) -> bytes:
    doc = {"format": FORMAT, "version": VERSION, "steps": steps}
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Followed:
    enrollment: Enrollment
    text: str  # the new enrollment file, as the vault keeps it
    previous: list[str]  # the fingerprints left behind, oldest first


def follow_steps(data: bytes, current: Enrollment) -> Followed | None:
    """Walk the rotation file from `current`; None when it holds nothing for this key.
    RotationError (plain words) for a damaged file or a step that does not verify."""
    if len(data) > MAX_BYTES:
        raise RotationError(code="rotation.too_large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise RotationError(code="rotation.damaged") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise RotationError(code="rotation.damaged")
    if doc.get("version") != VERSION:
        raise RotationError(code="rotation.newer")
    steps = doc.get("steps")
    if not isinstance(steps, list) or len(steps) > MAX_STEPS:
        raise RotationError(code="rotation.damaged")
    enrollment, text, previous = current, "", []
    for step in steps:
        if not isinstance(step, dict) or step.get("previous_fingerprint") != enrollment.fingerprint:
            continue
        try:
            body = verify_document(step, enrollment.keys.signing)
            text = str(body["enrollment"])
            successor = parse_enrollment(text.encode("utf-8"))
        except SignatureError:
            raise RotationError(
                code="rotation.not_signed", fingerprint=enrollment.fingerprint
            ) from None
        except (KeyError, EnrollmentError) as exc:
            raise RotationError(code="rotation.damaged_because", reason=message_of(exc)) from None
        if successor.fingerprint == enrollment.fingerprint or successor.fingerprint in previous:
            continue
        previous.append(enrollment.fingerprint)
        enrollment = successor
    return Followed(enrollment, text, previous) if previous else None


@dataclass(slots=True)
class RotationOutcome:
    message: Message | None = None  # what the coach is told (once), or why it was refused
    refused: bool = False
    keys: RcoPublicKeys | None = None  # the new RCO keys after a switch

    @property
    def line(self) -> str:
        """The message in English ("" when there is nothing to tell)."""
        return "" if self.message is None else str(self.message)


def apply(vault: Vault, data: bytes | None) -> RotationOutcome:
    """Switch the enrollment if the fetched rotation file verifies (vault thread, one
    transaction). `data` is what sync's deliver step fetched (None: the RCO has none)."""
    text = vault.get_meta(ENROLLMENT_META)
    if not text or data is None:
        return RotationOutcome()
    try:
        current = parse_enrollment(text.encode("utf-8"))
    except EnrollmentError:
        return RotationOutcome()
    try:
        followed = follow_steps(data, current)
    except RotationError as exc:
        return RotationOutcome(message_of(exc), refused=True)
    if followed is None:
        return RotationOutcome()
    new = followed.enrollment
    with vault.transaction() as conn:
        vault.set_meta(ENROLLMENT_META, followed.text)
        profile = repos.get_profile(conn)
        AuditLog(conn, vault.audit_key).append(
            profile.display_name if profile else "coach",
            "rco_key_rotated",
            "enrollment",
            None,
            f"RCO key {' -> '.join([*followed.previous, new.fingerprint])}",
        )
    return RotationOutcome(
        keys=new.keys,
        message=Message("rotation.switched", {"rco": new.rco_name, "fingerprint": new.fingerprint}),
    )
