"""Domain rules checked before anything is stored. Messages are plain and name the field."""

from __future__ import annotations

from datetime import date

from coachdesk.core.models import (
    Client,
    Consent,
    OutcomeAssessment,
    RecoveryPlan,
    ReferralStatus,
    SessionNote,
)
from coachdesk.errors import ValidationError

MAX_TEXT = 20_000  # characters in one free-text field
MAX_NAME = 200

REFERRAL_FLOW: dict[ReferralStatus, set[ReferralStatus]] = {
    ReferralStatus.MADE: {
        ReferralStatus.CONTACTED,
        ReferralStatus.LINKED,
        ReferralStatus.DECLINED,
        ReferralStatus.NOT_LINKED,
    },
    ReferralStatus.CONTACTED: {
        ReferralStatus.LINKED,
        ReferralStatus.DECLINED,
        ReferralStatus.NOT_LINKED,
    },
    ReferralStatus.LINKED: set(),
    ReferralStatus.DECLINED: set(),
    ReferralStatus.NOT_LINKED: set(),
}


def _required(value: str, label: str, field: str, limit: int = MAX_NAME) -> None:
    if not value.strip():
        raise ValidationError(f"{label} is required.", field)
    if len(value) > limit:
        raise ValidationError(f"{label} is too long (at most {limit} characters).", field)


def client(c: Client, today: date) -> None:
    _required(c.given_name, "Given name", "given_name")
    _required(c.family_name, "Family name", "family_name")
    for value, label, field in (
        (c.preferred_name, "Preferred name", "preferred_name"),
        (c.pronouns, "Pronouns", "pronouns"),
    ):
        if len(value) > MAX_NAME:
            raise ValidationError(f"{label} is too long.", field)
    if c.date_of_birth is not None:
        if c.date_of_birth > today:
            raise ValidationError("Date of birth cannot be in the future.", "date_of_birth")
        if c.date_of_birth.year < today.year - 120:
            raise ValidationError("Date of birth is more than 120 years ago.", "date_of_birth")
    if c.intake_date > today:
        raise ValidationError("Intake date cannot be in the future.", "intake_date")
    if c.status_date is not None and c.status_date < c.intake_date:
        raise ValidationError("The status date is before the intake date.", "status_date")
    if c.email and ("@" not in c.email or " " in c.email.strip()):
        raise ValidationError("That email address does not look right.", "email")


def consent(c: Consent) -> None:
    for value, label, field in (
        (c.disclosing_party, "Who may disclose", "disclosing_party"),
        (c.information, "The information to disclose", "information"),
        (c.recipients, "The recipient", "recipients"),
        (c.purpose, "The purpose", "purpose"),
        (c.revocation_terms, "The right to revoke", "revocation_terms"),
        (c.signed_by, "The signature", "signed_by"),
    ):
        _required(value, label, field, MAX_TEXT)
    if c.expires_on is None and not c.expiry_event.strip():
        raise ValidationError("Give an expiry date or an expiry event.", "expires_on")
    if c.expires_on is not None and c.expires_on < c.signed_on:
        raise ValidationError("The consent expires before it was signed.", "expires_on")
    if c.expires_on is not None and c.expires_on == c.signed_on:
        raise ValidationError(
            "The consent would end the day it is signed: give a later expiry date.", "expires_on"
        )


def plan(p: RecoveryPlan) -> None:
    if len(p.vision) > MAX_TEXT:
        raise ValidationError("The vision is too long.", "vision")
    for number, goal in enumerate(p.goals, start=1):
        _required(goal.goal, f"Goal {number}", "goals", MAX_TEXT)
        for step in goal.steps:
            _required(step.what, f"A step of goal {number}", "steps", MAX_TEXT)
    for contact in p.wellness.crisis_contacts:
        _required(contact.name, "A crisis contact's name", "crisis_contacts")


def note(n: SessionNote) -> None:
    if not n.attempt_only:
        _required(n.text, "The note", "text", MAX_TEXT)
    elif len(n.text) > MAX_TEXT:
        raise ValidationError("The note is too long.", "text")
    if not 0 <= n.duration_minutes <= 24 * 60:
        raise ValidationError("Duration must be between 0 and 1440 minutes.", "duration_minutes")


def outcome(o: OutcomeAssessment) -> None:
    ranges = {
        "days_used": (0, 30, "Days used in the past 30 days"),
        "arrests": (0, 99, "Arrests in the past 30 days"),
        "ed_visits": (0, 99, "Emergency department visits"),
        "social_connectedness": (1, 5, "Social connectedness"),
    }
    for field, (low, high, label) in ranges.items():
        value = getattr(o, field)
        if value is not None and not low <= value <= high:
            raise ValidationError(f"{label} must be between {low} and {high}.", field)


def referral_transition(current: ReferralStatus, new: ReferralStatus) -> None:
    if new not in REFERRAL_FLOW[current]:
        raise ValidationError(
            f"A referral that is '{current.value}' cannot become '{new.value}'.", "status"
        )
