"""RCO key rotation on the desk's side (exchange/rotation.py has the file format and the
coach's side).

`rotate` makes a new RCO identity, signs a rotation step with the old one, keeps the old secret
keys inside the encrypted store (bundles sealed for them still import: `identity_for` picks
the key a bundle names) and publishes every step so far as coachdesk-rotation.json in the
folder coaches sync with. Audited in the store.

Threading: the thread that owns the desk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachdesk.crypto.identity import RcoIdentity
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.bundle import BundleRejected, read_header
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.exchange.rotation import FILE_NAME, make_rotation_file, make_step
from coachdesk.files import write_atomic
from coachdesk.rco import audit as rco_audit

if TYPE_CHECKING:
    from coachdesk.rco.desk import RcoDesk

_RETIRED = "rco.retired_identities"  # secret keys of earlier identities, oldest first
_STEPS = "rco.rotation_steps"  # the signed steps, oldest first


def retired_identities(desk: RcoDesk) -> list[RcoIdentity]:
    raw = desk.backend.get_meta(_RETIRED)
    return [RcoIdentity.from_secret_hex(item) for item in json.loads(raw)] if raw else []


def identity_for(desk: RcoDesk, data: bytes) -> RcoIdentity:
    """The identity a sealed bundle is for: the current one, or a retired one it names.
    Anything unreadable gets the current one, whose import gives the plain refusal."""
    try:
        recipient = read_header(data).recipient
    except BundleRejected:
        return desk.identity
    if recipient != desk.fingerprint:
        for old in retired_identities(desk):
            if old.public.fingerprint == recipient:
                return old
    return desk.identity


@dataclass(frozen=True, slots=True)
class RotationResult:
    previous_fingerprint: str
    fingerprint: str
    published: Path | None


def rotate(desk: RcoDesk, folder: Path | str | None = None) -> RotationResult:
    """Switch the RCO to a new identity, signed over by the current one; publish the steps."""
    from coachdesk.rco.desk import _IDENTITY

    if folder is not None and not Path(folder).is_dir():
        raise CoachDeskError(f"The folder {folder} does not exist; nothing was changed.")
    old, new = desk.identity, RcoIdentity.generate()
    step = make_step(old, make_enrollment(new, desk.name, desk.policy))
    retired = [*(i.to_secret_hex() for i in retired_identities(desk)), old.to_secret_hex()]
    with desk.backend.transaction():
        desk.backend.set_meta(_RETIRED, json.dumps(retired))
        desk.backend.set_meta(_STEPS, json.dumps([*_steps(desk), step]))
        desk.backend.set_meta(_IDENTITY, json.dumps(new.to_secret_hex()))
        rco_audit.record(
            desk.backend,
            rco_audit.KEY_ROTATED,
            previous=old.public.fingerprint,
            fingerprint=new.public.fingerprint,
        )
    desk._identity = None  # the cached identity is the old one
    published = publish_rotation(desk, folder) if folder is not None else None
    return RotationResult(old.public.fingerprint, new.public.fingerprint, published)


def _steps(desk: RcoDesk) -> list[dict[str, Any]]:
    raw = desk.backend.get_meta(_STEPS)
    return list(json.loads(raw)) if raw else []


def publish_rotation(desk: RcoDesk, folder: Path | str) -> Path:
    """(Re)write FOLDER/coachdesk-rotation.json with every step so far."""
    steps = _steps(desk)
    if not steps:
        raise CoachDeskError("This RCO has never changed its key; there is nothing to publish.")
    return write_atomic(Path(folder) / FILE_NAME, make_rotation_file(steps))
