"""The window's path for messages that come from use cases and domain rules.

Errors and results carry a code and parameters; their words, in English and Spanish, are in
coachdesk.i18n.catalog (one source for the CLI, both windows and the PDFs). These helpers pick
the window's language. (This module used to list the validation sentences for lupdate, with
their numbers swapped for %1, %2: the codes replaced that.) GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget


def window_language() -> str:
    """ "es" when the window is in Spanish (app.translations.install sets QLocale's default)."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def error_text(error: BaseException) -> str:
    """What the window shows for `error`, in the window's language."""
    from coachdesk.i18n.catalog import describe  # a large table: not for the lock screen

    return describe(error, window_language())


def show_exception(parent: QWidget | None, error: BaseException) -> None:
    """ui.common.show_error for an exception: the catalog's words in the window's language."""
    from coachdesk.ui.common import show_error  # ui.common imports ui.forms: not at load time

    show_error(parent, error_text(error))
