"""The messages of coachdesk.core.validation, listed so that lupdate collects them for
translation (context "Validation"). Numbers in a message are written as %1, %2 ...:
forms._common.translate_error() turns "Goal 2 is required." into "Goal %1 is required." to
look it up. Nothing here is logic; the rules stay in coachdesk.core.validation.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from coachdesk.i18n.catalog import describe
from coachdesk.ui.common import show_error
from coachdesk.ui.forms._common import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("Validation", "Given name is required."),
    QT_TRANSLATE_NOOP("Validation", "Family name is required."),
    QT_TRANSLATE_NOOP("Validation", "Given name is too long (at most %1 characters)."),
    QT_TRANSLATE_NOOP("Validation", "Family name is too long (at most %1 characters)."),
    QT_TRANSLATE_NOOP("Validation", "Preferred name is too long."),
    QT_TRANSLATE_NOOP("Validation", "Pronouns is too long."),
    QT_TRANSLATE_NOOP("Validation", "Date of birth cannot be in the future."),
    QT_TRANSLATE_NOOP("Validation", "Date of birth is more than %1 years ago."),
    QT_TRANSLATE_NOOP("Validation", "Intake date cannot be in the future."),
    QT_TRANSLATE_NOOP("Validation", "The status date is before the intake date."),
    QT_TRANSLATE_NOOP("Validation", "That email address does not look right."),
    QT_TRANSLATE_NOOP("Validation", "Who may disclose is required."),
    QT_TRANSLATE_NOOP("Validation", "The information to disclose is required."),
    QT_TRANSLATE_NOOP("Validation", "The recipient is required."),
    QT_TRANSLATE_NOOP("Validation", "The purpose is required."),
    QT_TRANSLATE_NOOP("Validation", "The right to revoke is required."),
    QT_TRANSLATE_NOOP("Validation", "The signature is required."),
    QT_TRANSLATE_NOOP("Validation", "Give an expiry date or an expiry event."),
    QT_TRANSLATE_NOOP("Validation", "The consent expires before it was signed."),
    QT_TRANSLATE_NOOP(
        "Validation", "The consent would end the day it is signed: give a later expiry date."
    ),
    QT_TRANSLATE_NOOP("Validation", "The vision is too long."),
    QT_TRANSLATE_NOOP("Validation", "Goal %1 is required."),
    QT_TRANSLATE_NOOP("Validation", "A step of goal %1 is required."),
    QT_TRANSLATE_NOOP("Validation", "A crisis contact's name is required."),
    QT_TRANSLATE_NOOP("Validation", "The note is required."),
    QT_TRANSLATE_NOOP("Validation", "The note is too long."),
    QT_TRANSLATE_NOOP("Validation", "Duration must be between %1 and %2 minutes."),
    QT_TRANSLATE_NOOP("Validation", "Days used in the past %1 days must be between %2 and %3."),
    QT_TRANSLATE_NOOP("Validation", "Arrests in the past %1 days must be between %2 and %3."),
    QT_TRANSLATE_NOOP("Validation", "Emergency department visits must be between %1 and %2."),
    QT_TRANSLATE_NOOP("Validation", "Social connectedness must be between %1 and %2."),
)


# -- the window's path for messages that come from use cases ---------------------------------
# Errors and results carry a code; their words are in coachdesk.i18n.catalog (one en/es source
# for the CLI, both windows and the PDFs). These helpers pick the window's language.


def window_language() -> str:
    """ "es" when the window is in Spanish (app.translations.install sets QLocale's default)."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def error_text(error: BaseException) -> str:
    """What the window shows for `error`, in the window's language."""
    return describe(error, window_language())


def show_exception(parent: QWidget | None, error: BaseException) -> None:
    """ui.common.show_error for an exception: the catalog's words in the window's language."""
    show_error(parent, error_text(error))
