"""Domain rules checked before anything is stored.

Each refusal is a ValidationError with a code (and the field it is about); the words, in English
and Spanish, are in coachdesk.i18n.catalog under "validation.<field>...".
"""

from __future__ import annotations

from datetime import date

from coachdesk.core.models import (
    Client,
    Consent,
    OutcomeAssessment,
    RecoveryPlan,
    ReferralStatus,
    SessionNote,
    SupportKind,
)
from coachdesk.errors import ValidationError

MAX_TEXT = 20_000  # characters in one free-text field
MAX_NAME = 200
MAX_AGE = 120  # years: an older date of birth is a typing slip
MAX_MINUTES = 24 * 60

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


def _required(value: str, field: str, limit: int = MAX_NAME, **params: object) -> None:
    if not value.strip():
        raise ValidationError(field=field, code=f"validation.{field}.required", values=params)
    if len(value) > limit:
        worded = field in ("given_name", "family_name")  # the others share one sentence
        code = f"validation.{field}.too_long" if worded else "validation.text.too_long"
        raise ValidationError(field=field, code=code, limit=limit)


def _refuse(field: str, code: str, **params: object) -> None:
    raise ValidationError(field=field, code=f"validation.{code}", values=params)


def client(c: Client, today: date) -> None:
    _required(c.given_name, "given_name")
    _required(c.family_name, "family_name")
    for value, field in ((c.preferred_name, "preferred_name"), (c.pronouns, "pronouns")):
        if len(value) > MAX_NAME:
            _refuse(field, f"{field}.too_long")
    if c.date_of_birth is not None:
        if c.date_of_birth > today:
            _refuse("date_of_birth", "date_of_birth.future")
        if c.date_of_birth.year < today.year - MAX_AGE:
            _refuse("date_of_birth", "date_of_birth.too_old", years=MAX_AGE)
    if c.intake_date > today:
        _refuse("intake_date", "intake_date.future")
    if c.status_date is not None and c.status_date < c.intake_date:
        _refuse("status_date", "status_date.before_intake")
    if c.email and ("@" not in c.email or " " in c.email.strip()):
        _refuse("email", "email.invalid")


def consent(c: Consent) -> None:
    for value, field in (
        (c.disclosing_party, "disclosing_party"),
        (c.information, "information"),
        (c.recipients, "recipients"),
        (c.purpose, "purpose"),
        (c.revocation_terms, "revocation_terms"),
        (c.signed_by, "signed_by"),
    ):
        _required(value, field, MAX_TEXT)
    if c.expires_on is None and not c.expiry_event.strip():
        _refuse("expires_on", "consent.no_expiry")
    if c.expires_on is not None and c.expires_on < c.signed_on:
        _refuse("expires_on", "consent.expires_before_signed")
    if c.expires_on is not None and c.expires_on == c.signed_on:
        _refuse("expires_on", "consent.ends_the_day_signed")


def plan(p: RecoveryPlan) -> None:
    if len(p.vision) > MAX_TEXT:
        _refuse("vision", "vision.too_long")
    for number, goal in enumerate(p.goals, start=1):
        _required(goal.goal, "goals", MAX_TEXT, goal=number)
        for step in goal.steps:
            _required(step.what, "steps", MAX_TEXT, goal=number)
    for contact in p.wellness.crisis_contacts:
        _required(contact.name, "crisis_contacts")


def note(n: SessionNote) -> None:
    if not n.attempt_only:
        _required(n.text, "text", MAX_TEXT)
    elif len(n.text) > MAX_TEXT:
        _refuse("text", "note.too_long")
    if not 0 <= n.duration_minutes <= MAX_MINUTES:
        _refuse("duration_minutes", "duration.range", low=0, high=MAX_MINUTES)
    if n.support == SupportKind.ACCOMPANIMENT and n.destination is None:
        _refuse("destination", "destination.required")


def outcome(o: OutcomeAssessment) -> None:
    ranges = {
        "days_used": (0, 30),
        "arrests": (0, 99),
        "ed_visits": (0, 99),
        "social_connectedness": (1, 5),
    }
    for field, (low, high) in ranges.items():
        value = getattr(o, field)
        if value is not None and not low <= value <= high:
            _refuse(field, f"{field}.range", low=low, high=high, days=30)


def referral_transition(current: ReferralStatus, new: ReferralStatus) -> None:
    if new not in REFERRAL_FLOW[current]:
        _refuse("status", "referral.transition", current=current.value, new=new.value)
