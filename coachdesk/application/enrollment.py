"""Enrolling a coach's vault with an RCO: the rules checked once, for the CLI and the window.

The cryptographic part (parse, verify, store the enrollment and make the device key) is
coachdesk.exchange.export.check_enrollment / enroll; this module reads the coach's file with
its size limit and applies the two rules both front-ends must apply the same way: the
fingerprint the supervisor gave on paper must match, and replacing another RCO needs an
explicit yes. Runs where the caseload lives (the window's database worker).
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import export
from coachdesk.exchange.enrollment import MAX_BYTES, EnrollmentError

EnrollmentCheck = export.EnrollmentCheck
EnrollmentResult = export.EnrollmentResult


def read_file(path: Path, limit: int = MAX_BYTES, what: str = "an enrollment file") -> bytes:
    """Read a small file the coach picked, refusing one above `limit` before reading it all."""
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise CoachDeskError(
            code="file.cannot_read", path=path.name, reason=exc.strerror or "unreadable"
        ) from None
    if len(data) > limit:
        raise CoachDeskError(code="file.too_big", path=path.name, what=what)
    return data


def check(caseload: Caseload, path: Path, typed_fingerprint: str | None = None) -> EnrollmentCheck:
    """What the file is (RCO name, fingerprint, policy) and whether it replaces another RCO."""
    return export.check_enrollment(caseload, read_file(path), typed_fingerprint)


def refuse_unconfirmed_replacement(found: EnrollmentCheck, replace: bool) -> None:
    if found.replaces_another_rco and not replace:
        raise EnrollmentError(
            code="enroll.replace_needed",
            current=found.current_rco or "",
            current_fingerprint=found.current_fingerprint or "",
            rco=found.rco_name,
        )


def enroll(
    caseload: Caseload, path: Path, typed_fingerprint: str, *, replace: bool = False
) -> EnrollmentResult:
    """Enroll with the RCO of the file at `path`, once the coach typed the paper fingerprint."""
    data = read_file(path)
    refuse_unconfirmed_replacement(
        export.check_enrollment(caseload, data, typed_fingerprint), replace
    )
    return export.enroll(caseload, data, typed_fingerprint, replace=replace)
