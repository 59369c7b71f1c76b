"""Words people see for the stored vocabularies (coachdesk.core.models StrEnums).

The models keep machine values; labels live here, translatable (context "Labels"), so every
front-end widget shows the same words. Call at display time (after the translator is installed).
GUI thread only.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from coachdesk.core.models import (
    ClientKind,
    ClientStatus,
    ContactMode,
    Destination,
    Ethnicity,
    Gender,
    LifeDomain,
    Pathway,
    Race,
    ReferralStatus,
    Relationship,
    ResourceCategory,
    Setting,
    StepStatus,
    SupportKind,
    Timepoint,
)
from coachdesk.ui.forms._common import QT_TRANSLATE_NOOP

_PAIRS: list[tuple[StrEnum, str]] = [
    (ClientStatus.ACTIVE, QT_TRANSLATE_NOOP("Labels", "Active")),
    (ClientStatus.DISCHARGED, QT_TRANSLATE_NOOP("Labels", "Discharged")),
    (ClientStatus.LOST_CONTACT, QT_TRANSLATE_NOOP("Labels", "Lost contact")),
    (ClientStatus.TRANSFERRED, QT_TRANSLATE_NOOP("Labels", "Transferred")),
    (Setting.EMERGENCY_DEPARTMENT, QT_TRANSLATE_NOOP("Labels", "Emergency department")),
    (Setting.JAIL_PRISON, QT_TRANSLATE_NOOP("Labels", "Jail or prison")),
    (Setting.DRUG_COURT, QT_TRANSLATE_NOOP("Labels", "Drug court")),
    (Setting.TREATMENT_CENTER, QT_TRANSLATE_NOOP("Labels", "Treatment center")),
    (Setting.POLICE_FIRE, QT_TRANSLATE_NOOP("Labels", "Police or fire station")),
    (Setting.COMMUNITY, QT_TRANSLATE_NOOP("Labels", "Community")),
    (Pathway.TWELVE_STEP, QT_TRANSLATE_NOOP("Labels", "12-step")),
    (Pathway.SMART_RECOVERY, QT_TRANSLATE_NOOP("Labels", "SMART Recovery")),
    (Pathway.MOUD, QT_TRANSLATE_NOOP("Labels", "Medication (MOUD)")),
    (Pathway.FAITH_BASED, QT_TRANSLATE_NOOP("Labels", "Faith-based")),
    (Pathway.HARM_REDUCTION, QT_TRANSLATE_NOOP("Labels", "Harm reduction")),
    (Pathway.NATURAL_RECOVERY, QT_TRANSLATE_NOOP("Labels", "Natural recovery")),
    (Pathway.CLINICAL_TREATMENT, QT_TRANSLATE_NOOP("Labels", "Clinical treatment")),
    (Pathway.OTHER, QT_TRANSLATE_NOOP("Labels", "Another pathway")),
    (Gender.WOMAN, QT_TRANSLATE_NOOP("Labels", "Woman")),
    (Gender.MAN, QT_TRANSLATE_NOOP("Labels", "Man")),
    (Gender.NON_BINARY, QT_TRANSLATE_NOOP("Labels", "Non-binary")),
    (Gender.OTHER, QT_TRANSLATE_NOOP("Labels", "Another gender")),
    (Gender.UNDISCLOSED, QT_TRANSLATE_NOOP("Labels", "Prefers not to say")),
    (
        Race.AMERICAN_INDIAN_ALASKA_NATIVE,
        QT_TRANSLATE_NOOP("Labels", "American Indian or Alaska Native"),
    ),
    (Race.ASIAN, QT_TRANSLATE_NOOP("Labels", "Asian")),
    (Race.BLACK_AFRICAN_AMERICAN, QT_TRANSLATE_NOOP("Labels", "Black or African American")),
    (
        Race.NATIVE_HAWAIIAN_PACIFIC_ISLANDER,
        QT_TRANSLATE_NOOP("Labels", "Native Hawaiian or Other Pacific Islander"),
    ),
    (Race.WHITE, QT_TRANSLATE_NOOP("Labels", "White")),
    (Race.PREFERS_NOT_TO_SAY, QT_TRANSLATE_NOOP("Labels", "Prefers not to say")),
    (Ethnicity.HISPANIC_LATINO, QT_TRANSLATE_NOOP("Labels", "Hispanic or Latino")),
    (Ethnicity.NOT_HISPANIC_LATINO, QT_TRANSLATE_NOOP("Labels", "Not Hispanic or Latino")),
    (Ethnicity.PREFERS_NOT_TO_SAY, QT_TRANSLATE_NOOP("Labels", "Prefers not to say")),
    (LifeDomain.SUBSTANCE_USE, QT_TRANSLATE_NOOP("Labels", "Substance use and recovery")),
    (LifeDomain.HOUSING, QT_TRANSLATE_NOOP("Labels", "Housing")),
    (LifeDomain.EMPLOYMENT_EDUCATION, QT_TRANSLATE_NOOP("Labels", "Work and education")),
    (LifeDomain.FAMILY_RELATIONSHIPS, QT_TRANSLATE_NOOP("Labels", "Family and relationships")),
    (LifeDomain.HEALTH, QT_TRANSLATE_NOOP("Labels", "Physical and mental health")),
    (LifeDomain.LEGAL, QT_TRANSLATE_NOOP("Labels", "Legal")),
    (LifeDomain.FINANCES, QT_TRANSLATE_NOOP("Labels", "Money")),
    (LifeDomain.COMMUNITY_PURPOSE, QT_TRANSLATE_NOOP("Labels", "Community and purpose")),
    (StepStatus.NOT_STARTED, QT_TRANSLATE_NOOP("Labels", "Not started")),
    (StepStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("Labels", "In progress")),
    (StepStatus.DONE, QT_TRANSLATE_NOOP("Labels", "Done")),
    (StepStatus.DROPPED, QT_TRANSLATE_NOOP("Labels", "Set aside")),
    (ContactMode.IN_PERSON, QT_TRANSLATE_NOOP("Labels", "In person")),
    (ContactMode.PHONE, QT_TRANSLATE_NOOP("Labels", "Phone")),
    (ContactMode.VIDEO, QT_TRANSLATE_NOOP("Labels", "Video")),
    (ContactMode.GROUP, QT_TRANSLATE_NOOP("Labels", "Group")),
    (ContactMode.TEXT, QT_TRANSLATE_NOOP("Labels", "Text message")),
    (ReferralStatus.MADE, QT_TRANSLATE_NOOP("Labels", "Made")),
    (ReferralStatus.CONTACTED, QT_TRANSLATE_NOOP("Labels", "Contacted")),
    (ReferralStatus.LINKED, QT_TRANSLATE_NOOP("Labels", "Linked (attended)")),
    (ReferralStatus.DECLINED, QT_TRANSLATE_NOOP("Labels", "Declined")),
    (ReferralStatus.NOT_LINKED, QT_TRANSLATE_NOOP("Labels", "Not linked")),
    (ResourceCategory.DETOX, QT_TRANSLATE_NOOP("Labels", "Detox")),
    (ResourceCategory.TREATMENT, QT_TRANSLATE_NOOP("Labels", "Treatment")),
    (ResourceCategory.MOUD, QT_TRANSLATE_NOOP("Labels", "MOUD")),
    (ResourceCategory.HARM_REDUCTION, QT_TRANSLATE_NOOP("Labels", "Harm reduction")),
    (ResourceCategory.HOUSING, QT_TRANSLATE_NOOP("Labels", "Housing")),
    (ResourceCategory.EMPLOYMENT, QT_TRANSLATE_NOOP("Labels", "Employment")),
    (ResourceCategory.MUTUAL_AID, QT_TRANSLATE_NOOP("Labels", "Mutual aid")),
    (ResourceCategory.FAMILY_SUPPORT, QT_TRANSLATE_NOOP("Labels", "Family support")),
    (ResourceCategory.LEGAL_AID, QT_TRANSLATE_NOOP("Labels", "Legal aid")),
    (ResourceCategory.HEALTH_CARE, QT_TRANSLATE_NOOP("Labels", "Health care")),
    (ResourceCategory.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Timepoint.BASELINE, QT_TRANSLATE_NOOP("Labels", "Baseline")),
    (Timepoint.FOLLOWUP_180, QT_TRANSLATE_NOOP("Labels", "6-month follow-up")),
    (Timepoint.ANNUAL, QT_TRANSLATE_NOOP("Labels", "Annual")),
    (Timepoint.CLOSEOUT, QT_TRANSLATE_NOOP("Labels", "Closeout")),
    # issue 21 (Spanish in coachdesk_family_es.ts)
    (LifeDomain.WELLBEING, QT_TRANSLATE_NOOP("Labels", "My own wellbeing")),
    (LifeDomain.BOUNDARIES, QT_TRANSLATE_NOOP("Labels", "Boundaries")),
    (LifeDomain.COMMUNICATION, QT_TRANSLATE_NOOP("Labels", "Communication")),
    (LifeDomain.SUPPORT, QT_TRANSLATE_NOOP("Labels", "Support for me")),
    (ClientKind.PERSON_IN_RECOVERY, QT_TRANSLATE_NOOP("Labels", "Person in recovery")),
    (ClientKind.FAMILY_MEMBER, QT_TRANSLATE_NOOP("Labels", "Family member")),
    (Relationship.PARENT, QT_TRANSLATE_NOOP("Labels", "Parent")),
    (Relationship.PARTNER, QT_TRANSLATE_NOOP("Labels", "Partner or spouse")),
    (Relationship.CHILD, QT_TRANSLATE_NOOP("Labels", "Son or daughter")),
    (Relationship.SIBLING, QT_TRANSLATE_NOOP("Labels", "Brother or sister")),
    (Relationship.OTHER_FAMILY, QT_TRANSLATE_NOOP("Labels", "Other family")),
    (Relationship.FRIEND, QT_TRANSLATE_NOOP("Labels", "Friend")),
    (Relationship.OTHER, QT_TRANSLATE_NOOP("Labels", "Someone else close")),
    (SupportKind.COACHING_SESSION, QT_TRANSLATE_NOOP("Labels", "Coaching session")),
    (SupportKind.ACCOMPANIMENT, QT_TRANSLATE_NOOP("Labels", "Accompaniment")),
    (SupportKind.CRISIS_CONTACT, QT_TRANSLATE_NOOP("Labels", "Crisis contact")),
    (SupportKind.NAVIGATION, QT_TRANSLATE_NOOP("Labels", "Navigation (benefits, housing, care)")),
    (SupportKind.GROUP, QT_TRANSLATE_NOOP("Labels", "Group")),
    (SupportKind.FAMILY_SESSION, QT_TRANSLATE_NOOP("Labels", "Family session")),
    (Destination.TREATMENT, QT_TRANSLATE_NOOP("Labels", "Treatment")),
    (Destination.COURT, QT_TRANSLATE_NOOP("Labels", "Court")),
    (Destination.APPOINTMENT, QT_TRANSLATE_NOOP("Labels", "An appointment")),
    (Destination.MEETING, QT_TRANSLATE_NOOP("Labels", "A meeting")),
]

# Keyed by (enum class, value): StrEnum members of different vocabularies compare equal when
# their values do ("other", "moud", "housing"), so a flat dict would mix their labels.
_LABELS: dict[tuple[type, str], str] = {(type(v), v.value): text for v, text in _PAIRS}

# Outcome answers stored as plain strings in OutcomeAssessment.housing / .employment
# (the values coachdesk.core.demo writes; the models point at them as the vocabulary).
HOUSING: dict[str, str] = {
    "stable": QT_TRANSLATE_NOOP("Labels", "Stable housing"),
    "unstable": QT_TRANSLATE_NOOP("Labels", "Unstable housing"),
    "homeless": QT_TRANSLATE_NOOP("Labels", "No housing"),
    "institution": QT_TRANSLATE_NOOP("Labels", "In an institution"),
}
EMPLOYMENT: dict[str, str] = {
    "employed": QT_TRANSLATE_NOOP("Labels", "Working"),
    "unemployed": QT_TRANSLATE_NOOP("Labels", "Looking for work"),
    "student": QT_TRANSLATE_NOOP("Labels", "In school or training"),
    "not_in_labor_force": QT_TRANSLATE_NOOP("Labels", "Not looking for work"),
}

LANGUAGES: dict[str, str] = {
    "en": "English",  # language names are written in their own language, never translated
    "es": "Español",
}


def label(value: StrEnum) -> str:
    """The translated label of a vocabulary value."""
    return QCoreApplication.translate("Labels", _LABELS[(type(value), value.value)])


def text_label(table: dict[str, str], value: str) -> str:
    """The translated label of a free vocabulary value (HOUSING, EMPLOYMENT); unknown as is."""
    source = table.get(value)
    return QCoreApplication.translate("Labels", source) if source else value
