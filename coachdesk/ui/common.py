"""Small helpers shared by the window's widgets: labels for vocabularies, dates in the chosen
locale, accessible names, busy cursor. Threading: GUI thread only."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QMessageBox, QWidget

from coachdesk.core.models import (
    ClientStatus,
    ContactMode,
    LifeDomain,
    Pathway,
    ReferralStatus,
    ResourceCategory,
    Setting,
    StepStatus,
    Timepoint,
)

W = TypeVar("W", bound=QWidget)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it here."""
    return text


E = TypeVar("E", bound=StrEnum)

# Source texts for the vocabularies; translated at display time in context "Labels".
_LABELS: dict[StrEnum, str] = {
    ClientStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    ClientStatus.DISCHARGED: QT_TRANSLATE_NOOP("Labels", "Discharged"),
    ClientStatus.LOST_CONTACT: QT_TRANSLATE_NOOP("Labels", "Lost contact"),
    ClientStatus.TRANSFERRED: QT_TRANSLATE_NOOP("Labels", "Transferred"),
    Setting.EMERGENCY_DEPARTMENT: QT_TRANSLATE_NOOP("Labels", "Emergency department"),
    Setting.JAIL_PRISON: QT_TRANSLATE_NOOP("Labels", "Jail or prison"),
    Setting.DRUG_COURT: QT_TRANSLATE_NOOP("Labels", "Drug court"),
    Setting.TREATMENT_CENTER: QT_TRANSLATE_NOOP("Labels", "Treatment center"),
    Setting.POLICE_FIRE: QT_TRANSLATE_NOOP("Labels", "Police or fire station"),
    Setting.COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Community"),
    Pathway.TWELVE_STEP: QT_TRANSLATE_NOOP("Labels", "12-step"),
    Pathway.SMART_RECOVERY: QT_TRANSLATE_NOOP("Labels", "SMART Recovery"),
    Pathway.MOUD: QT_TRANSLATE_NOOP("Labels", "Medication (MOUD)"),
    Pathway.FAITH_BASED: QT_TRANSLATE_NOOP("Labels", "Faith-based"),
    Pathway.HARM_REDUCTION: QT_TRANSLATE_NOOP("Labels", "Harm reduction"),
    Pathway.NATURAL_RECOVERY: QT_TRANSLATE_NOOP("Labels", "Natural recovery"),
    Pathway.CLINICAL_TREATMENT: QT_TRANSLATE_NOOP("Labels", "Clinical treatment"),
    Pathway.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    LifeDomain.SUBSTANCE_USE: QT_TRANSLATE_NOOP("Labels", "Substance use and recovery"),
    LifeDomain.HOUSING: QT_TRANSLATE_NOOP("Labels", "Housing"),
    LifeDomain.EMPLOYMENT_EDUCATION: QT_TRANSLATE_NOOP("Labels", "Employment and education"),
    LifeDomain.FAMILY_RELATIONSHIPS: QT_TRANSLATE_NOOP("Labels", "Family and relationships"),
    LifeDomain.HEALTH: QT_TRANSLATE_NOOP("Labels", "Physical and mental health"),
    LifeDomain.LEGAL: QT_TRANSLATE_NOOP("Labels", "Legal"),
    LifeDomain.FINANCES: QT_TRANSLATE_NOOP("Labels", "Finances"),
    LifeDomain.COMMUNITY_PURPOSE: QT_TRANSLATE_NOOP("Labels", "Community and purpose"),
    StepStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Labels", "Not started"),
    StepStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    StepStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    StepStatus.DROPPED: QT_TRANSLATE_NOOP("Labels", "Dropped"),
    ContactMode.IN_PERSON: QT_TRANSLATE_NOOP("Labels", "In person"),
    ContactMode.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
    ContactMode.VIDEO: QT_TRANSLATE_NOOP("Labels", "Video"),
    ContactMode.GROUP: QT_TRANSLATE_NOOP("Labels", "Group"),
    ContactMode.TEXT: QT_TRANSLATE_NOOP("Labels", "Text message"),
    ReferralStatus.MADE: QT_TRANSLATE_NOOP("Labels", "Made"),
    ReferralStatus.CONTACTED: QT_TRANSLATE_NOOP("Labels", "Contacted"),
    ReferralStatus.LINKED: QT_TRANSLATE_NOOP("Labels", "Linked"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    ReferralStatus.NOT_LINKED: QT_TRANSLATE_NOOP("Labels", "Not linked"),
    ResourceCategory.DETOX: QT_TRANSLATE_NOOP("Labels", "Detox"),
    ResourceCategory.TREATMENT: QT_TRANSLATE_NOOP("Labels", "Treatment"),
    ResourceCategory.MOUD: QT_TRANSLATE_NOOP("Labels", "MOUD"),
    ResourceCategory.HARM_REDUCTION: QT_TRANSLATE_NOOP("Labels", "Harm reduction services"),
    ResourceCategory.HOUSING: QT_TRANSLATE_NOOP("Labels", "Housing services"),
    ResourceCategory.EMPLOYMENT: QT_TRANSLATE_NOOP("Labels", "Employment"),
    ResourceCategory.MUTUAL_AID: QT_TRANSLATE_NOOP("Labels", "Mutual-aid groups"),
    ResourceCategory.FAMILY_SUPPORT: QT_TRANSLATE_NOOP("Labels", "Family support"),
    ResourceCategory.LEGAL_AID: QT_TRANSLATE_NOOP("Labels", "Legal aid"),
    ResourceCategory.HEALTH_CARE: QT_TRANSLATE_NOOP("Labels", "Health care"),
    ResourceCategory.OTHER: QT_TRANSLATE_NOOP("Labels", "Other services"),
    Timepoint.BASELINE: QT_TRANSLATE_NOOP("Labels", "Baseline"),
    Timepoint.FOLLOWUP_180: QT_TRANSLATE_NOOP("Labels", "180-day follow-up"),
    Timepoint.ANNUAL: QT_TRANSLATE_NOOP("Labels", "Annual"),
    Timepoint.CLOSEOUT: QT_TRANSLATE_NOOP("Labels", "Closeout"),
}

# Texts made by the core (reminder titles), translated for display.
_CORE_TEXTS = (
    QT_TRANSLATE_NOOP("Labels", "Baseline outcomes due"),
    QT_TRANSLATE_NOOP("Labels", "180-day follow-up due"),
    QT_TRANSLATE_NOOP("Labels", "Annual follow-up due"),
    QT_TRANSLATE_NOOP("Labels", "Closeout outcomes due"),
    QT_TRANSLATE_NOOP("Labels", "Recovery plan review"),
    QT_TRANSLATE_NOOP("Labels", "Referral follow-up"),
    QT_TRANSLATE_NOOP("Labels", "Follow-up from last session"),
)

# BARC-10 statements and answers (Vilsaint et al. 2017), for the Spanish UI.
BARC10_TEXTS = (
    QT_TRANSLATE_NOOP(
        "Barc10", "There are more important things to me in life than using substances."
    ),
    QT_TRANSLATE_NOOP("Barc10", "In general I am happy with my life."),
    QT_TRANSLATE_NOOP("Barc10", "I have enough energy to complete the tasks I set myself."),
    QT_TRANSLATE_NOOP("Barc10", "I am proud of the community I live in and feel part of it."),
    QT_TRANSLATE_NOOP("Barc10", "I get lots of support from friends."),
    QT_TRANSLATE_NOOP(
        "Barc10",
        "I regard my life as challenging and fulfilling without the need for using drugs or "
        "alcohol.",
    ),
    QT_TRANSLATE_NOOP("Barc10", "My living space has helped to drive my recovery journey."),
    QT_TRANSLATE_NOOP("Barc10", "I take full responsibility for my actions."),
    QT_TRANSLATE_NOOP("Barc10", "I am happy dealing with a range of professional people."),
    QT_TRANSLATE_NOOP("Barc10", "I am making good progress on my recovery journey."),
    QT_TRANSLATE_NOOP("Barc10", "Strongly disagree"),
    QT_TRANSLATE_NOOP("Barc10", "Disagree"),
    QT_TRANSLATE_NOOP("Barc10", "Somewhat disagree"),
    QT_TRANSLATE_NOOP("Barc10", "Somewhat agree"),
    QT_TRANSLATE_NOOP("Barc10", "Agree"),
    QT_TRANSLATE_NOOP("Barc10", "Strongly agree"),
)

# The core's validation messages the window shows most (they arrive in English).
VALIDATION_TEXTS = (
    QT_TRANSLATE_NOOP("Validation", "Given name is required."),
    QT_TRANSLATE_NOOP("Validation", "Family name is required."),
    QT_TRANSLATE_NOOP("Validation", "Intake date cannot be in the future."),
    QT_TRANSLATE_NOOP("Validation", "Who may disclose is required."),
    QT_TRANSLATE_NOOP("Validation", "The information to disclose is required."),
    QT_TRANSLATE_NOOP("Validation", "The recipient is required."),
    QT_TRANSLATE_NOOP("Validation", "The purpose is required."),
    QT_TRANSLATE_NOOP("Validation", "The right to revoke is required."),
    QT_TRANSLATE_NOOP("Validation", "The signature is required."),
    QT_TRANSLATE_NOOP("Validation", "Give an expiry date or an expiry event."),
    QT_TRANSLATE_NOOP("Validation", "The consent expires before it was signed."),
    QT_TRANSLATE_NOOP("Validation", "The note is required."),
)


def translated(text: str, context: str = "Labels") -> str:
    """Translate a source text marked with QT_TRANSLATE_NOOP (or made by the core)."""
    return QCoreApplication.translate(context, text)


def label(value: StrEnum) -> str:
    """The translated label for a vocabulary value."""
    source = _LABELS.get(value)
    return translated(source) if source else str(value).replace("_", " ")


def fill_combo(combo: QComboBox, values: type[E] | list[E], any_text: str = "") -> None:
    """Fill `combo` with labels; item data is the enum's value string (None for `any_text`).

    Qt turns a StrEnum into a plain str on the way in: read it back with `enum_of`."""
    combo.clear()
    if any_text:
        combo.addItem(any_text, None)
    for value in values:
        combo.addItem(label(value), value.value)


def enum_of(combo: QComboBox, kind: type[E]) -> E | None:
    """The enum member chosen in a combo filled by `fill_combo` (None for "any")."""
    data = combo.currentData()
    return None if data is None else kind(data)


def enum_req(combo: QComboBox, kind: type[E]) -> E:
    value = enum_of(combo, kind)
    if value is None:
        raise ValueError("no choice")  # only for combos without an "any" entry
    return value


def named(widget: W, name: str, description: str = "") -> W:
    """Give `widget` an accessible name (what a screen reader says) and optional tooltip."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def fmt_date(value: date | datetime | None) -> str:
    """A date in the chosen UI language's short format (e.g. 3/14/26 or 14/3/26)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date() if value.tzinfo else value.date()
    return QLocale().toString(to_qdate(value), QLocale.FormatType.ShortFormat)


def title_label(text: str, name: str = "title") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    return widget


def card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    return frame


def show_error(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Labels", "CoachDesk"))
    box.setText(message)
    box.setAccessibleName(QCoreApplication.translate("Labels", "Error message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal but not blocking: the worker's results keep arriving
