"""The coach's caseload as plain dataclasses (no Qt, no SQL).

Vocabularies are StrEnums whose values are what the vault stores; labels for people live in the
front-ends. Dates are `datetime.date`; instants are timezone-aware UTC `datetime`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ClientStatus(StrEnum):
    ACTIVE = "active"
    DISCHARGED = "discharged"
    LOST_CONTACT = "lost_contact"
    TRANSFERRED = "transferred"


class Setting(StrEnum):
    """Where the coach met the client."""

    EMERGENCY_DEPARTMENT = "emergency_department"
    JAIL_PRISON = "jail_prison"
    DRUG_COURT = "drug_court"
    TREATMENT_CENTER = "treatment_center"
    POLICE_FIRE = "police_fire"
    COMMUNITY = "community"


class Pathway(StrEnum):
    TWELVE_STEP = "twelve_step"
    SMART_RECOVERY = "smart_recovery"
    MOUD = "moud"
    FAITH_BASED = "faith_based"
    HARM_REDUCTION = "harm_reduction"
    NATURAL_RECOVERY = "natural_recovery"
    CLINICAL_TREATMENT = "clinical_treatment"
    OTHER = "other"


class Gender(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class Race(StrEnum):
    """OMB minimum race categories (multi-select), plus "prefers not to say" (exclusive)."""

    AMERICAN_INDIAN_ALASKA_NATIVE = "american_indian_alaska_native"
    ASIAN = "asian"
    BLACK_AFRICAN_AMERICAN = "black_african_american"
    NATIVE_HAWAIIAN_PACIFIC_ISLANDER = "native_hawaiian_pacific_islander"
    WHITE = "white"
    PREFERS_NOT_TO_SAY = "prefers_not_to_say"


class Ethnicity(StrEnum):
    """OMB minimum ethnicity categories, plus "prefers not to say"."""

    HISPANIC_LATINO = "hispanic_latino"
    NOT_HISPANIC_LATINO = "not_hispanic_latino"
    PREFERS_NOT_TO_SAY = "prefers_not_to_say"


def race_problem(races: list[Race]) -> str | None:
    """Why a race selection cannot be saved, or None ("prefers not to say" stands alone)."""
    if Race.PREFERS_NOT_TO_SAY in races and len(set(races)) > 1:
        return "Choose races or 'prefers not to say', not both."
    return None


class LifeDomain(StrEnum):
    SUBSTANCE_USE = "substance_use"
    HOUSING = "housing"
    EMPLOYMENT_EDUCATION = "employment_education"
    FAMILY_RELATIONSHIPS = "family_relationships"
    HEALTH = "health"
    LEGAL = "legal"
    FINANCES = "finances"
    COMMUNITY_PURPOSE = "community_purpose"
    # The family member's own plan (docs/domain.md "Family recovery coaching")
    WELLBEING = "wellbeing"
    BOUNDARIES = "boundaries"
    COMMUNICATION = "communication"
    SUPPORT = "support"


class ClientKind(StrEnum):
    """Who the client is: the person in recovery, or a family member / concerned significant
    other (family recovery coaching)."""

    PERSON_IN_RECOVERY = "person_in_recovery"
    FAMILY_MEMBER = "family_member"


class Relationship(StrEnum):
    """A family client's relationship to their loved one."""

    PARENT = "parent"
    PARTNER = "partner"
    CHILD = "child"
    SIBLING = "sibling"
    OTHER_FAMILY = "other_family"
    FRIEND = "friend"
    OTHER = "other"


# The plan editor's life domains for each kind of client (its template).
PLAN_DOMAINS: dict[ClientKind, tuple[LifeDomain, ...]] = {
    ClientKind.PERSON_IN_RECOVERY: (
        LifeDomain.SUBSTANCE_USE,
        LifeDomain.HOUSING,
        LifeDomain.EMPLOYMENT_EDUCATION,
        LifeDomain.FAMILY_RELATIONSHIPS,
        LifeDomain.HEALTH,
        LifeDomain.LEGAL,
        LifeDomain.FINANCES,
        LifeDomain.COMMUNITY_PURPOSE,
    ),
    ClientKind.FAMILY_MEMBER: (
        LifeDomain.WELLBEING,
        LifeDomain.BOUNDARIES,
        LifeDomain.COMMUNICATION,
        LifeDomain.SUPPORT,
    ),
}


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ContactMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    GROUP = "group"
    TEXT = "text"


class SupportKind(StrEnum):
    """What the support was, beside how it happened (ContactMode)."""

    COACHING_SESSION = "coaching_session"
    ACCOMPANIMENT = "accompaniment"
    CRISIS_CONTACT = "crisis_contact"
    NAVIGATION = "navigation"
    GROUP = "group"
    FAMILY_SESSION = "family_session"


class Destination(StrEnum):
    """Where an accompaniment went (only for SupportKind.ACCOMPANIMENT)."""

    TREATMENT = "treatment"
    COURT = "court"
    APPOINTMENT = "appointment"
    MEETING = "meeting"


class ReferralStatus(StrEnum):
    MADE = "made"
    CONTACTED = "contacted"
    LINKED = "linked"
    DECLINED = "declined"
    NOT_LINKED = "not_linked"


class ResourceCategory(StrEnum):
    DETOX = "detox"
    TREATMENT = "treatment"
    MOUD = "moud"
    HARM_REDUCTION = "harm_reduction"
    HOUSING = "housing"
    EMPLOYMENT = "employment"
    MUTUAL_AID = "mutual_aid"
    FAMILY_SUPPORT = "family_support"
    LEGAL_AID = "legal_aid"
    HEALTH_CARE = "health_care"
    OTHER = "other"


class Timepoint(StrEnum):
    BASELINE = "baseline"
    FOLLOWUP_180 = "followup_180"
    ANNUAL = "annual"
    CLOSEOUT = "closeout"


@dataclass(slots=True)
class CoachProfile:
    display_name: str
    organisation: str = ""
    facility: str = ""
    language: str = "en"


@dataclass(slots=True)
class Client:
    given_name: str
    family_name: str
    intake_date: date
    setting: Setting
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    gender: Gender = Gender.UNDISCLOSED
    phone: str = ""
    email: str = ""
    address: str = ""
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    facility: str = ""
    referral_source: str = ""
    pathways: list[Pathway] = field(default_factory=list)
    status: ClientStatus = ClientStatus.ACTIVE
    status_date: date | None = None
    status_reason: str = ""
    language: str = "en"
    race: list[Race] = field(default_factory=list)  # empty: not recorded
    ethnicity: Ethnicity | None = None  # None: not recorded
    kind: ClientKind = ClientKind.PERSON_IN_RECOVERY
    linked_client_id: int | None = None  # a family client's loved one, a client of this coach
    relationship: Relationship | None = None  # a family client's, to the loved one
    id: int | None = None

    @property
    def is_family(self) -> bool:
        return self.kind == ClientKind.FAMILY_MEMBER

    @property
    def display_name(self) -> str:
        """What the coach sees first: the preferred name with the family name."""
        first = self.preferred_name or self.given_name
        return f"{first} {self.family_name}".strip()

    @property
    def legal_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(slots=True)
class Consent:
    """A 42 CFR 2.31 written consent. Every element of 2.31(a) has a field."""

    client_id: int
    disclosing_party: str  # who may disclose
    information: str  # how much and what kind of information
    recipients: str
    purpose: str
    revocation_terms: str  # the right to revoke and how
    expires_on: date | None  # expiry date ...
    expiry_event: str  # ... or expiry event
    signed_by: str  # signature of the patient (or authorised person)
    signed_on: date
    revoked_on: date | None = None
    revocation_note: str = ""
    id: int | None = None

    def is_active(self, today: date) -> bool:
        if self.revoked_on is not None and self.revoked_on <= today:
            return False
        return self.expires_on is None or self.expires_on >= today


@dataclass(slots=True)
class ActionStep:
    what: str
    who: str = ""
    by_when: date | None = None
    status: StepStatus = StepStatus.NOT_STARTED


@dataclass(slots=True)
class Goal:
    domain: LifeDomain
    goal: str
    why_it_matters: str = ""
    steps: list[ActionStep] = field(default_factory=list)


@dataclass(slots=True)
class CrisisContact:
    name: str
    phone: str
    relationship: str = ""


@dataclass(slots=True)
class WellnessPlan:
    triggers: list[str] = field(default_factory=list)
    warning_signs: list[str] = field(default_factory=list)
    coping_strategies: list[str] = field(default_factory=list)
    safe_places: list[str] = field(default_factory=list)
    crisis_contacts: list[CrisisContact] = field(default_factory=list)


@dataclass(slots=True)
class RecoveryPlan:
    """One version of a client-directed plan. Saving creates a new version; old ones stay."""

    client_id: int
    vision: str
    goals: list[Goal] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    wellness: WellnessPlan = field(default_factory=WellnessPlan)
    review_date: date | None = None
    client_signed_on: date | None = None
    coach_signed_on: date | None = None
    version: int = 0
    created_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class SessionNote:
    """A session or an unsuccessful contact attempt (`attempt_only`)."""

    client_id: int
    occurred_at: datetime
    mode: ContactMode
    text: str
    duration_minutes: int = 0
    location: str = ""
    goals_touched: list[str] = field(default_factory=list)
    next_steps: str = ""
    follow_up_on: date | None = None
    attempt_only: bool = False
    support: SupportKind = SupportKind.COACHING_SESSION
    destination: Destination | None = None  # accompaniments only
    id: int | None = None
    # Corrections and later facts, oldest first: a note is a record and is never edited.
    addenda: list[NoteAddendum] = field(default_factory=list)


@dataclass(slots=True)
class NoteAddendum:
    """A dated addendum under a session note, by its author (issue 17)."""

    note_id: int
    written_at: datetime
    author: str
    text: str
    id: int | None = None


@dataclass(slots=True)
class Barc10Assessment:
    client_id: int
    taken_on: date
    answers: tuple[int, ...]
    timepoint: Timepoint | None = None
    id: int | None = None

    @property
    def total(self) -> int:
        from coachdesk.core.barc10 import score

        return score(self.answers)


@dataclass(slots=True)
class OutcomeAssessment:
    """SUPRT-style outcome domains answered at a timepoint (all about the past 30 days)."""

    client_id: int
    timepoint: Timepoint
    taken_on: date
    days_used: int | None = None
    overdose: bool | None = None
    housing: str | None = None  # see core.outcomes.HOUSING
    employment: str | None = None  # see core.outcomes.EMPLOYMENT
    arrests: int | None = None
    ed_visits: int | None = None
    in_treatment: bool | None = None
    on_moud: bool | None = None
    recovery_support: bool | None = None
    social_connectedness: int | None = None  # 1 (isolated) .. 5 (well connected)
    id: int | None = None


@dataclass(slots=True)
class FamilyFollowUp:
    """A family client's light follow-up (docs/domain.md "Family follow-up"): is the loved one
    engaged in treatment, in recovery support, and does the family member have support of
    their own. None: not asked or not known."""

    client_id: int
    taken_on: date
    loved_one_in_treatment: bool | None = None
    loved_one_in_support: bool | None = None
    own_support: bool | None = None
    id: int | None = None


@dataclass(slots=True)
class Resource:
    name: str
    category: ResourceCategory
    pathways: list[Pathway] = field(default_factory=list)
    address: str = ""
    phone: str = ""
    hours: str = ""
    notes: str = ""
    local: bool = True  # False for entries that came from the RCO's signed directory
    rco_ref: str = ""  # the RCO directory's stable id for the entry
    id: int | None = None


@dataclass(slots=True)
class Referral:
    client_id: int
    category: ResourceCategory
    made_on: date
    resource_id: int | None = None
    status: ReferralStatus = ReferralStatus.MADE
    status_on: date | None = None
    follow_up_on: date | None = None
    id: int | None = None


@dataclass(slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    record_type: str = ""
    record_id: int | None = None
    detail: str = ""
    id: int | None = None


def plan_output_name(version: int) -> str:
    """How the audit log and the disclosure register name plan version `version` printed or
    saved as PDF; " (language, paper)" follows, and ", N pages" when printed (PLAN_OUTPUT)."""
    return f"recovery plan version {version} as PDF"


# Reads back plan_output_name's words: the version, and the pages when printed.
PLAN_OUTPUT = re.compile(r"recovery plan version (\d+) as PDF \([^)]*\)(?:, (\d+) pages)?")


@dataclass(slots=True)
class Disclosure:
    """42 CFR 2.25 register: what left the coach's hands under which consent."""

    client_id: int
    disclosed_on: datetime
    recipient: str
    purpose: str
    what: str
    consent_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class Reminder:
    client_id: int
    client_name: str
    kind: str  # core/reminders.py KIND_ORDER: "first_contact", "timepoint", "plan_review", ...
    due_on: date
    title: str
    overdue: bool = False
    window_closes_on: date | None = None
    # What a session follow-up follows up: the last note's next steps (else its first line);
    # for a first contact (issue 19), the coach who handed the client off.
    detail: str = ""
    since: datetime | None = None  # a first contact: when the hand-off was accepted (UTC)
    ends_on: date | None = None  # a consent (issue 17): the end date its words name
