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
    QCoreApplication,
    QDate,
    QLocale,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
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


class DateField(QLineEdit):
    """A date typed whole in the locale's short format, or picked from a calendar (Alt+Down).

    A QDateEdit types into one section at a time: typing "12/15/2026" into one opened as a
    table editor gave "12/1/1", and leaving it kept today's date without a word. Here the text
    is read whole when the coach leaves the field or presses Enter: a date (also with a
    two-digit year, or as 2026-12-15) is taken; anything else is refused visibly: the field is
    marked, says why (tooltip, accessible description, `refused`) and keeps its earlier date,
    and `FieldErrors.check` will not let the form save until it is put right.
    Signals: dateChanged(QDate) when the date changes; refused(str). GUI thread only.
    """

    dateChanged = Signal(QDate)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate.currentDate()
        self._format = date_format(self.locale())
        self._description = ""
        self.problem: str | None = None
        self._calendar = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self._calendar.setToolTip(QCoreApplication.translate("DateField", "Calendar (Alt+Down)"))
        for button in self.findChildren(QToolButton):  # the action's button: a name to read
            button.setAccessibleName(self._calendar.toolTip())
        self._calendar.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self.commit_text)
        self.setText(self._show(self._date))

    # -- the QDateEdit-like interface the forms use -----------------------------------------

    def date(self) -> QDate:
        """The last accepted date."""
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        """Show `value` (clears any refusal)."""
        changed = value != self._date
        self._date = QDate(value)
        self.setText(self._show(value))
        self._clear_refusal()
        if changed:
            self.dateChanged.emit(QDate(value))

    def displayFormat(self) -> str:
        """The Qt date format shown and read (the locale's short format, four-digit year)."""
        return self._format

    def setDisplayFormat(self, fmt: str) -> None:
        """Show and read dates in `fmt`."""
        self._format = fmt
        self.setText(self._show(self._date))

    def setAccessibleDescription(self, description: str) -> None:
        """The form's description (an inline error) is restored once a refusal is cleared."""
        self._description = description
        super().setAccessibleDescription(description)

    # -- reading what was typed ---------------------------------------------------------------

    def parse(self, text: str) -> QDate:
        """`text` as a date (the format, with a 2-digit year, or ISO), else an invalid QDate."""
        text = text.strip()
        locale = self.locale()
        for fmt in (self._format, self._format.replace("yyyy", "yy"), "yyyy-MM-dd"):
            value = locale.toDate(text, fmt)
            if value.isValid():
                if "yyyy" not in fmt and value.year() < 1970:  # "7/4/27" is 2027, not 1927
                    value = value.addYears(100)
                return value
        return QDate()

    def typed_text_problem(self) -> str | None:
        """None when the text is a date, else the plain sentence saying what to type."""
        text = self.text().strip()
        if self.parse(text).isValid():
            return None
        example = self._show(QDate(2026, 12, 31))
        return (
            QCoreApplication.translate(
                "DateField", '"%1" is not a date. Type it like %2; the date was not changed.'
            )
            .replace("%1", text)
            .replace("%2", example)
        )

    def commit_text(self) -> bool:
        """Take the typed date, or refuse it visibly; True when the text is a date."""
        problem = self.typed_text_problem()
        if problem is not None:
            self.problem = problem
            self.setProperty("refused", True)
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {ERROR_COLOR}; }}")
            self.setToolTip(problem)
            QLineEdit.setAccessibleDescription(self, problem)
            self.refused.emit(problem)
            return False
        self.setDate(self.parse(self.text()))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Down or F4 opens the calendar; Enter takes the typed date."""
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Pick the date from a month calendar (Enter picks, Escape closes)."""
        popup = QMenu(self)
        calendar = QCalendarWidget(popup)
        calendar.setSelectedDate(self.parse(self.text()) if self.problem is None else self._date)
        calendar.setAccessibleName(self.accessibleName())
        action = QWidgetAction(popup)
        action.setDefaultWidget(calendar)
        popup.addAction(action)

        def pick(picked: QDate) -> None:
            self.setDate(picked)
            popup.close()

        calendar.activated.connect(pick)
        calendar.clicked.connect(pick)
        calendar.setFocus()
        popup.exec(self.mapToGlobal(self.rect().bottomLeft()))

    def _show(self, value: QDate) -> str:
        return self.locale().toString(value, self._format)

    def _clear_refusal(self) -> None:
        if self.property("refused"):
            self.problem = None
            self.setProperty("refused", False)
            self.setStyleSheet("")
            self.setToolTip("")
            QLineEdit.setAccessibleDescription(self, self._description)


def make_date_edit(parent: QWidget, accessible_name: str) -> DateField:
    """A date field showing and reading dates in the widget's locale."""
    edit = DateField(parent)
    edit.setAccessibleName(accessible_name)
    # Wide enough for the longest date and the calendar button, never stretched across a form.
    sample = edit.displayFormat().replace("yyyy", "0000").replace("d", "00").replace("M", "00")
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance(sample) + 56)
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
        message = error_text(error)
        widget, label = self._fields.get(error.field, (None, self._fallback))
        label.setText(message)
        label.setVisible(True)
        if widget is not None:
            widget.setAccessibleDescription(message)
            focus = widget.focusProxy() or widget
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        return message

    def check(self, validate: Callable[[], object], value: _V) -> _V | None:
        """`value` when `validate()` passes (errors cleared); None after showing its error.

        A date field of the form still holding text that is not a date stops the save too.
        """
        form = self._fallback.parentWidget()
        refused = [f for f in form.findChildren(DateField) if f.problem] if form else []
        if refused:
            self.clear()
            self._fallback.setText(refused[0].problem or "")
            self._fallback.setVisible(True)
            refused[0].setFocus(Qt.FocusReason.OtherFocusReason)
            refused[0].selectAll()  # ready to be typed again
            return None
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


def save_shortcuts(form: QWidget, button: QAbstractButton, *, multiline: bool = False) -> None:
    """Ctrl+S (and, for a form with a multi-line field, Ctrl+Enter) anywhere inside `form`
    clicks `button`: exactly what the button does, and nothing while it is disabled."""
    keys = [QKeySequence(QKeySequence.StandardKey.Save)]
    if multiline:
        keys += [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
    for key in keys:
        shortcut = QShortcut(key, form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)
    hint = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    button.setToolTip(f"{strip_mnemonic(button.text())} ({hint})")


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
        if isinstance(widget, DateField):  # a date half typed is not a change yet
            widget.dateChanged.connect(slot)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(slot)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(slot)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(slot)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(slot)
