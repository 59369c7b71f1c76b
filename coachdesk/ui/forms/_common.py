"""Small building blocks shared by the client-workspace forms.

Everything here runs on the GUI thread only. Nothing touches the vault: the forms take and return
coachdesk.core.models objects.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import (
    QDate,
    QLocale,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import ValidationError
from coachdesk.ui.forms._messages import error_text

_M = TypeVar("_M")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it (typed for mypy)."""
    return text


ERROR_COLOR = "#a4262c"  # 6.6:1 on white: readable, not alarming
MUTED_COLOR = "#4a5568"  # secondary text, 7.5:1 on white


def date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year (d/M/yyyy, M/d/yyyy, ...)."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def format_date(locale: QLocale, value: date | None) -> str:
    """`value` as the locale writes dates, or an empty string for None. GUI thread."""
    if value is None:
        return ""
    return locale.toString(QDate(value.year, value.month, value.day), date_format(locale))


def format_datetime(locale: QLocale, value: datetime) -> str:
    """An instant as local date and time, the way the locale writes them. GUI thread."""
    local = value.astimezone() if value.tzinfo else value
    time_text = locale.toString(
        QTime(local.hour, local.minute), locale.timeFormat(QLocale.FormatType.ShortFormat)
    )
    return f"{format_date(locale, local.date())} {time_text}"


def to_qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def translate_error(error: ValidationError) -> str:
    """The words of a validation error in the window's language: by its code, from
    coachdesk.i18n.catalog (an error without a code, e.g. a form's own, is shown as it is)."""
    return error_text(error)


def make_date_edit(parent: QWidget, accessible_name: str) -> QDateEdit:
    """A calendar-popup date field showing dates in the widget's locale."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format(edit.locale()))
    edit.setDate(QDate.currentDate())
    edit.setAccessibleName(accessible_name)
    # Wide enough for the longest date and the popup button, never stretched across a form.
    sample = edit.displayFormat().replace("yyyy", "0000").replace("d", "00").replace("M", "00")
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance(sample) + 64)
    return edit


def error_label(parent: QWidget) -> QLabel:
    """A hidden label for an inline error message under a field."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def hint_label(text: str, parent: QWidget) -> QLabel:
    """Secondary, word-wrapped help text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED_COLOR};")
    return label


def heading_label(text: str, parent: QWidget, scale: float = 1.15) -> QLabel:
    """A bold section heading, slightly larger than the body text."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    return label


_V = TypeVar("_V")


class FieldErrors:
    """Shows one validation error inline, under the field it is about.

    Owner: the form that registers the fields. GUI thread only.
    """

    def __init__(self, fallback: QLabel) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._fallback = fallback
        self._descriptions: dict[QWidget, str] = {}

    def register(self, field: str, widget: QWidget, label: QLabel) -> None:
        """Errors naming `field` are shown in `label`, and focus goes to `widget`."""
        self._fields[field] = (widget, label)
        self._descriptions[widget] = widget.accessibleDescription()

    def show(self, error: ValidationError) -> str:
        """Show `error` next to its field (or in the form-wide label) and focus the field."""
        self.clear()
        message = translate_error(error)
        widget, label = self._fields.get(error.field, (None, self._fallback))
        label.setText(message)
        label.setVisible(True)
        if widget is not None:
            widget.setAccessibleDescription(message)
            focus = widget.focusProxy() or widget
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        return message

    def check(self, validate: Callable[[], object], value: _V) -> _V | None:
        """`value` when `validate()` passes (errors cleared); None after showing its error."""
        try:
            validate()
        except ValidationError as error:
            self.show(error)
            return None
        self.clear()
        return value

    def clear(self) -> None:
        """Hide every error message."""
        for widget, label in self._fields.values():
            label.clear()
            label.setVisible(False)
            widget.setAccessibleDescription(self._descriptions.get(widget, ""))
        self._fallback.clear()
        self._fallback.setVisible(False)

    def current(self) -> str:
        """The message shown now, or an empty string."""
        for _widget, label in self._fields.values():
            if label.isVisible() or label.text():
                return label.text()
        return self._fallback.text()

    def field_label(self, field: str) -> QLabel | None:
        """The inline error label of `field` (for tests and layout)."""
        entry = self._fields.get(field)
        return entry[1] if entry else None


class OptionalDateEdit(QWidget):
    """A date that may be unknown: a check box ("known") switching a date field on.

    Signals: changed() whenever the value changes. GUI thread only.
    """

    changed = Signal()

    def __init__(self, accessible_name: str, check_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(accessible_name)
        self.edit = make_date_edit(self, accessible_name)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        layout.addStretch(1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        """The date, or None when it is not given."""
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        """Show `value`; None unticks the box and keeps today's date ready in the field."""
        blocked = self.blockSignals(True)
        self.check.setChecked(value is not None)
        self.edit.setDate(to_qdate(value) if value is not None else QDate.currentDate())
        self.edit.setEnabled(value is not None)
        self.blockSignals(blocked)

    def setAccessibleDescription(self, description: str) -> None:
        """Describe both parts (used for inline error messages)."""
        super().setAccessibleDescription(description)
        self.check.setAccessibleDescription(description)
        self.edit.setAccessibleDescription(description)


class StringListEditor(QWidget):
    """A simple editable list of short texts (strengths, triggers, ...), operable by keyboard.

    Enter in the list edits the selected item; Add appends a new row in edit mode; Remove (or
    the Delete key) removes the selected row. Signals: changed(). GUI thread only.
    """

    changed = Signal()

    def __init__(
        self, accessible_name: str, add_text: str, remove_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(accessible_name)
        lines = self.list.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(lines * 3 + 10)
        self.list.setMaximumHeight(lines * 6 + 10)
        self.list.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked
            | QListWidget.EditTrigger.EditKeyPressed
            | QListWidget.EditTrigger.SelectedClicked
        )
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAccessibleName(f"{add_text}: {accessible_name}".replace("&", ""))
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setAccessibleName(f"{remove_text}: {accessible_name}".replace("&", ""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Delete removes the selected row."""
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def _make_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_item(self, text: str = "") -> QListWidgetItem:
        """Append a row; with no text, open it for typing."""
        item = self._make_item(text if isinstance(text, str) else "")
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        if not item.text():
            self.list.setFocus()
            self.list.editItem(item)
        self.changed.emit()
        return item

    def remove_selected(self) -> None:
        """Remove the selected row, if any."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def values(self) -> list[str]:
        """The non-blank rows, trimmed."""
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [t for t in texts if t]

    def set_values(self, values: list[str]) -> None:
        """Replace the rows."""
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for text in values:
            self.list.addItem(self._make_item(text))
        self.list.blockSignals(blocked)


def enum_combo(parent: QWidget, values: Iterable[StrEnum], accessible_name: str) -> QComboBox:
    """A combo box of translated vocabulary labels; each item's data is the enum value."""
    from coachdesk.ui.forms.labels import label

    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value)
    combo.setAccessibleName(accessible_name)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data equals `value` (no change when absent)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def strip_mnemonic(text: str) -> str:
    """A label text without its '&' mnemonic marker, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


# -- drafts: flat model dataclasses <-> JSON-able dicts ------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def model_to_json(model: object) -> dict[str, object]:
    """A flat model dataclass (Client, SessionNote, Consent ...) as a JSON-able dict."""
    return {f.name: _plain(getattr(model, f.name)) for f in dataclasses.fields(model)}  # type: ignore[arg-type]


def _typed(hint: object, value: object) -> object:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_typed(item, v) for v in value]  # type: ignore[attr-defined]
    if hint is datetime:
        return datetime.fromisoformat(str(value))
    if hint is date:
        return date.fromisoformat(str(value))
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return hint(str(value))
    return value


def model_from_json(cls: type[_M], data: dict[str, object]) -> _M:
    """Rebuild a flat model dataclass from model_to_json() output (unknown keys ignored)."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _typed(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)


def watch_changes(root: QWidget, slot: Callable[[], None]) -> None:
    """Call `slot` whenever the user changes any input under `root` (for dirty tracking)."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(slot)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(slot)
        elif isinstance(widget, QDateTimeEdit):  # QDateEdit too
            widget.dateTimeChanged.connect(slot)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(slot)
