"""Small helpers shared by the window's widgets: labels for vocabularies, dates in the chosen
locale, accessible names, busy cursor. Threading: GUI thread only."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from coachdesk.i18n.format import format_message
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.plain import card, named, title_label  # leaves for the lock screen (issue 18)

if TYPE_CHECKING:
    from coachdesk.ui.forms.labels import label  # one set of vocabulary labels for the window

__all__ = ["card", "label", "named", "title_label"]


def __getattr__(name: str) -> Any:
    # The form modules load on first use, not with the lock screen that uses this module.
    if name == "label":
        from coachdesk.ui.forms.labels import label

        return label
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


W = TypeVar("W", bound=QWidget)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it here."""
    return text


E = TypeVar("E", bound=StrEnum)

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


def translated(text: str, context: str = "Labels") -> str:
    """Translate a source text marked with QT_TRANSLATE_NOOP (or made by the core)."""
    return QCoreApplication.translate(context, text)


def fill_combo(combo: QComboBox, values: type[E] | list[E], any_text: str = "") -> None:
    """Fill `combo` with labels; item data is the enum's value string (None for `any_text`).

    Qt turns a StrEnum into a plain str on the way in: read it back with `enum_of`."""
    from coachdesk.ui.forms.labels import label

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


def name_clear_buttons(root: QWidget) -> None:
    """Give the clear buttons of the line edits under `root` a name (Qt leaves them nameless,
    so a screen reader says only "button")."""
    for edit in root.findChildren(QLineEdit):
        if edit.isClearButtonEnabled():
            for button in edit.findChildren(QToolButton):
                if not button.accessibleName():
                    button.setAccessibleName(QCoreApplication.translate("Labels", "Clear"))
                    button.setToolTip(button.accessibleName())


def plural(pattern: str, n: int, **values: object) -> str:
    """A translated ICU plural pattern, e.g. tr("{n, plural, one {# day} other {# days}}"),
    filled with `n` (Qt's %n needs an English .qm to say "1 day"; this needs none)."""
    return format_message(pattern, {"n": n, **values}, window_language())


def fmt_date(value: date | datetime | None) -> str:
    """A date the way every list, form and date field of the window writes it in the chosen
    language (3/14/2026, 14/3/2026): one format per screen, typed and shown alike."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date() if value.tzinfo else value.date()
    from coachdesk.ui.forms._common import format_date

    return format_date(QLocale(), value)


def show_error(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Labels", "CoachDesk"))
    box.setText(message)
    box.setAccessibleName(QCoreApplication.translate("Labels", "Error message"))
    from PySide6.QtCore import Qt  # its first use builds every Qt enum: not at the lock screen

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal but not blocking: the worker's results keep arriving


def pdf_save_path(parent: QWidget, name: str) -> str:
    """Ask where to save a PDF: in the coach's Documents folder (not the folder CoachDesk
    was started from), the dialog's title saying the file is not encrypted. "" if cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    from pathlib import Path

    start = str(Path(folder or Path.home()) / name)
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate(
            "Common", "Save as PDF (not encrypted: keep it safe or print it)"
        ),
        start,
        QCoreApplication.translate("Common", "PDF (*.pdf)"),
    )
    return path
