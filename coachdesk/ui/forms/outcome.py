"""Outcome measures at a timepoint (SUPRT-style domains, all about the past 30 days)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import validation
from coachdesk.core.models import OutcomeAssessment, Timepoint
from coachdesk.errors import ValidationError
from coachdesk.ui.forms._common import (
    FieldErrors,
    enum_combo,
    error_label,
    format_date,
    from_qdate,
    heading_label,
    hint_label,
    make_date_edit,
    save_shortcuts,
    select_data,
    strip_mnemonic,
    to_qdate,
)
from coachdesk.ui.forms.labels import EMPLOYMENT, HOUSING, label, text_label

NUMBER_FIELDS = ("days_used", "arrests", "ed_visits", "social_connectedness")
YES_NO_FIELDS = ("overdose", "in_treatment", "on_moud", "recovery_support")
# The questions in the form's order, by group (substance use and health; life and connection).
QUESTION_GROUPS = (
    ("days_used", "overdose", "ed_visits", "in_treatment", "on_moud"),
    ("housing", "employment", "arrests", "recovery_support", "social_connectedness"),
)


def accepted_range(field: str) -> tuple[int, int]:
    """The whole numbers coachdesk.core.validation.outcome accepts for `field`, found by asking
    it (so the form never keeps a second copy of the rules)."""
    probe = OutcomeAssessment(0, Timepoint.BASELINE, date(2000, 1, 1))

    def ok(value: int) -> bool:
        candidate = replace(probe)
        setattr(candidate, field, value)
        try:
            validation.outcome(candidate)
        except ValidationError:
            return False
        return True

    low = next(v for v in range(-1, 1000) if ok(v))
    high = low
    while high < 10_000 and ok(high + 1):
        high += 1
    return low, high


class _Columns(QWidget):
    """Two group boxes side by side, stacked when the width cannot hold both (a 1366-pixel
    screen split with another pane, or longer Spanish labels), so nothing scrolls sideways."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def _widths(self) -> list[int]:
        items = (self.box.itemAt(i) for i in range(self.box.count()))
        return [item.minimumSize().width() for item in items if item is not None]

    def _side_by_side_width(self) -> int:
        widths = self._widths()
        return sum(widths) + self.box.spacing() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest box (stacked); the height of the arrangement shown."""
        widths = self._widths()
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()  # the form (and its scroll area) takes the new height
        super().resizeEvent(event)


class OutcomeForm(QWidget):
    """Outcome answers at a timepoint. Every question may be left unanswered.

    The "Recorded" table lists the client's outcomes (set_outcomes); selecting a row shows its
    answers read-only, and "Correct" loads it into the form, where Save replaces it.

    Signals: submitted(OutcomeAssessment) after Save when valid; cancelled(). GUI thread only.
    """

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.client_id = 0  # the client new records are for (set by set_*() or the shell)
        self._id: int | None = None
        self.setAccessibleName(self.tr("Outcome measures"))
        outer = QVBoxLayout(self)
        outer.addWidget(heading_label(self.tr("Outcomes at a timepoint"), self))
        outer.addWidget(
            hint_label(self.tr("Questions are about the past 30 days. Skip any not asked."), self)
        )
        self.form_error = error_label(self)
        outer.addWidget(self.form_error)
        self.errors = FieldErrors(self.form_error)

        # What Save will do (a new record or a correction): shown beside the Save button.
        self.mode = hint_label("", self)
        self.mode.setAccessibleName(self.tr("What Save will do"))
        # Timepoint and date side by side: one row less keeps Save above the fold when the
        # form has half of a 1366x768 screen (tests/ui/forms/test_fit.py).
        top = QHBoxLayout()
        self.timepoint = enum_combo(self, list(Timepoint), self.tr("Timepoint"))
        self.taken_on = make_date_edit(self, self.tr("Date asked"))
        for text, widget, name in (
            (self.tr("&Timepoint:"), self.timepoint, "timepoint"),
            (self.tr("&Date asked:"), self.taken_on, "taken_on"),
        ):
            self._form = QFormLayout()
            self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            self._row(text, widget, name)
            top.addLayout(self._form)
        top.addStretch(1)
        outer.addLayout(top)

        self.spins: dict[str, QSpinBox] = {}
        self.yes_no: dict[str, QComboBox] = {}
        self.columns = _Columns(self)
        columns = self.columns.box
        self._form = self._group(columns, self.tr("Substance use and health"))
        self._number("days_used", self.tr("Days &used substances:"))
        self._yes_no("overdose", self.tr("An &overdose:"))
        self._number("ed_visits", self.tr("Emergency de&partment visits:"))
        self._yes_no("in_treatment", self.tr("In t&reatment:"))
        self._yes_no("on_moud", self.tr("On &medication (MOUD):"))
        self._form = self._group(columns, self.tr("Life and connection"))
        self.housing = self._choice(self.tr("Hous&ing:"), "housing", HOUSING)
        self.employment = self._choice(self.tr("&Work or school:"), "employment", EMPLOYMENT)
        self._number("arrests", self.tr("&Arrests:"))
        self._yes_no("recovery_support", self.tr("Recover&y support (groups, peers):"))
        self._number(
            "social_connectedness", self.tr("Feeling co&nnected (1 isolated, 5 well connected):")
        )
        outer.addWidget(self.columns)

        buttons = QHBoxLayout()
        buttons.addWidget(self.mode, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Sa&ve outcomes"), self)
        self.save_button.setAccessibleName(self.tr("Save outcomes"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addWidget(heading_label(self.tr("Recorded"), self, scale=1.0))
        self.history = QTableWidget(0, 6, self)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Timepoint"),
                self.tr("Date"),
                self.tr("Days used"),
                self.tr("Housing"),
                self.tr("Work or school"),
                self.tr("Connected"),
            ]
        )
        self.history.setAccessibleName(self.tr("Recorded outcomes"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setTabKeyNavigation(False)
        self.history.verticalHeader().setVisible(False)
        # Columns share the width (long words elide) so the table never scrolls sideways;
        # every answer of a selected row is shown in full below it.
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.horizontalHeader().setMinimumSectionSize(40)
        self.history.setToolTip(self.tr("Select a row to see its answers; Enter corrects it."))
        rows = self.fontMetrics().lineSpacing() + 10
        self.history.verticalHeader().setDefaultSectionSize(rows)
        self.history.setMinimumHeight(rows * 2)
        outer.addWidget(self.history)
        self.no_history = hint_label(self.tr("No outcomes recorded yet."), self)
        outer.addWidget(self.no_history)
        review = QHBoxLayout()
        self.review = QLabel(self)
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.PlainText)
        self.review.setAccessibleName(self.tr("Answers of the selected record"))
        self.review.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.correct_button = QPushButton(self.tr("Fi&x selected record"), self)
        self.correct_button.setAccessibleName(self.tr("Correct the selected record"))
        review.addWidget(self.review, 1)
        review.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(review)
        outer.addStretch(1)
        self._outcomes: list[OutcomeAssessment] = []
        self.history.activated.connect(self._open_recorded)
        self.history.itemSelectionChanged.connect(self._show_selected)
        self.correct_button.clicked.connect(self._open_recorded)
        self.timepoint.currentIndexChanged.connect(self._show_mode)
        self.save_button.clicked.connect(self._save)
        save_shortcuts(self, self.save_button)
        self.cancel_button.clicked.connect(self.cancelled)
        self.set_outcome(None, 0)

    # -- building ---------------------------------------------------------------------------

    def _group(self, row: QBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(4)  # ten questions stacked still leave Save above the fold
        row.addWidget(box, 1)
        return form

    def _row(self, text: str, widget: QWidget, field: str) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label(holder)
        column.addWidget(message)
        self._form.addRow(caption, holder)
        self.errors.register(field, widget, message)

    def _number(self, field: str, text: str) -> None:
        low, high = accepted_range(field)
        spin = QSpinBox(self)
        spin.setRange(low - 1, high)  # the value below the range means "not answered"
        spin.setSpecialValueText(self.tr("Not answered"))
        spin.setAccessibleName(strip_mnemonic(text))
        spin.setAccessibleDescription(
            self.tr("From %1 to %2").replace("%1", str(low)).replace("%2", str(high))
        )
        self.spins[field] = spin
        self._row(text, spin, field)

    def _yes_no(self, field: str, text: str) -> None:
        combo = QComboBox(self)
        combo.addItem(self.tr("Not answered"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        combo.setAccessibleName(strip_mnemonic(text))
        self.yes_no[field] = combo
        self._row(text, combo, field)

    def _choice(self, text: str, field: str, table: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("Not answered"), None)
        for value in table:
            combo.addItem(text_label(table, value), value)
        combo.setAccessibleName(strip_mnemonic(text))
        self._row(text, combo, field)
        return combo

    # -- recorded outcomes -------------------------------------------------------------------

    def set_outcomes(self, outcomes: list[OutcomeAssessment]) -> None:
        """Show the outcomes already recorded (the window calls this whenever they change); a
        new entry starts at the first timepoint that has none."""
        order = {t: i for i, t in enumerate(Timepoint)}
        self._outcomes = sorted(outcomes, key=lambda o: (order[o.timepoint], o.taken_on))
        table, locale = self.history, self.locale()
        table.setRowCount(0)
        for row, o in enumerate(self._outcomes):
            table.insertRow(row)
            cells = [
                label(o.timepoint),
                format_date(locale, o.taken_on),
                "" if o.days_used is None else str(o.days_used),
                text_label(HOUSING, o.housing) if o.housing else "",
                text_label(EMPLOYMENT, o.employment) if o.employment else "",
                "" if o.social_connectedness is None else f"{o.social_connectedness} / 5",
            ]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        # As tall as its rows (the header and up to all five timepoints), no taller: at 768
        # high "Fix selected record" then shows without scrolling (issue 17).
        rows = table.verticalHeader().defaultSectionSize()
        table.setMaximumHeight(rows * (1 + max(1, table.rowCount())) + 6)
        table.setVisible(bool(self._outcomes))
        self.no_history.setVisible(not self._outcomes)
        if self._id is None:  # not correcting a recorded one: suggest the next timepoint
            select_data(self.timepoint, self.next_timepoint())
        self._show_selected()
        self._show_mode()

    def next_timepoint(self) -> Timepoint:
        """The first timepoint with nothing recorded (the last one when all are done)."""
        done = {o.timepoint for o in self._outcomes}
        return next((t for t in Timepoint if t not in done), list(Timepoint)[-1])

    def _recorded_at(self, timepoint: Timepoint) -> OutcomeAssessment | None:
        return next((o for o in self._outcomes if o.timepoint == timepoint), None)

    def _selected_recorded(self) -> OutcomeAssessment | None:
        rows = self.history.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self._outcomes[row] if 0 <= row < len(self._outcomes) else None

    def answer_lines(self, o: OutcomeAssessment) -> list[str]:
        """The record's timepoint and date, then one line per group of questions, each
        question with its answer in the form's words and order ("Not answered" kept)."""
        not_answered = self.tr("Not answered")
        combos = {**self.yes_no, "housing": self.housing, "employment": self.employment}
        lines = [f"{label(o.timepoint)}, {format_date(self.locale(), o.taken_on)}"]
        for group in QUESTION_GROUPS:
            answers = []
            for field in group:
                value = getattr(o, field)
                widget: QWidget = self.spins.get(field) or combos[field]
                if value is None:
                    answer = not_answered
                elif isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    answer = widget.itemText(index) if index >= 0 else str(value)
                else:
                    answer = str(value)
                answers.append(f"{widget.accessibleName()}: {answer}")
            lines.append("  ·  ".join(answers))
        return lines

    def _show_selected(self) -> None:
        chosen = self._selected_recorded()
        self.correct_button.setEnabled(chosen is not None)
        if chosen is None:
            self.review.setText(
                self.tr("Select a recorded row to see its answers.") if self._outcomes else ""
            )
            return
        self.review.setText("\n".join(self.answer_lines(chosen)))

    def _show_mode(self) -> None:
        """Say what Save will do: record anew, correct a record, or replace one already there."""
        timepoint = Timepoint(self.timepoint.currentData())
        existing = self._recorded_at(timepoint)
        locale = self.locale()
        if self._id is not None and existing is not None:
            text = self.tr("Correcting the %1 record of %2: Save replaces it.")
        elif existing is not None:
            text = self.tr("%1 is already recorded (%2): Save replaces it.")
        else:
            text = self.tr("New %1 record.")
        when = format_date(locale, existing.taken_on) if existing else ""
        self.mode.setText(text.replace("%1", label(timepoint)).replace("%2", when))

    def _open_recorded(self) -> None:
        chosen = self._selected_recorded()
        if chosen is not None:
            self.set_outcome(chosen, self.client_id)
            self.timepoint.setFocus()

    def reset(self) -> None:
        """Start a new entry for the same client (at the first timepoint not recorded)."""
        self.set_outcome(None, self.client_id)

    # -- model in and out --------------------------------------------------------------------

    def set_outcome(
        self,
        outcome: OutcomeAssessment | None,
        client_id: int,
        timepoint: Timepoint | None = None,
    ) -> None:
        """Show `outcome` for correction; None starts a new one for `client_id`, today, at
        `timepoint` (default: the first not recorded yet). Another client's recorded
        outcomes are forgotten until set_outcomes()."""
        self.errors.clear()
        if client_id != self.client_id:
            self.client_id = client_id
            self.set_outcomes([])
        o = outcome or OutcomeAssessment(
            client_id, timepoint or self.next_timepoint(), self._today()
        )
        self._id = o.id
        self.timepoint.setEnabled(o.id is None)  # a correction stays at its timepoint
        select_data(self.timepoint, o.timepoint)
        self.taken_on.setDate(to_qdate(o.taken_on))
        for field, spin in self.spins.items():
            value = getattr(o, field)
            spin.setValue(spin.minimum() if value is None else value)
        for field, combo in self.yes_no.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(o, field))))
        for field, combo in (("housing", self.housing), ("employment", self.employment)):
            value = getattr(o, field)
            index = combo.findData(value)
            if value is not None and index < 0:  # a value this version has no label for
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
        self._show_mode()

    def outcome(self) -> OutcomeAssessment | None:
        """The answers as entered, or None after showing the first problem inline."""
        o = OutcomeAssessment(
            client_id=self.client_id,
            timepoint=Timepoint(self.timepoint.currentData()),
            taken_on=from_qdate(self.taken_on.date()),
            housing=self.housing.currentData(),
            employment=self.employment.currentData(),
            id=self._id,
        )
        for field, spin in self.spins.items():
            setattr(o, field, None if spin.value() == spin.minimum() else spin.value())
        for field, combo in self.yes_no.items():
            setattr(o, field, combo.currentData())
        return self.errors.check(lambda: validation.outcome(o), o)

    def error_text(self) -> str:
        """The validation message shown now (empty when none)."""
        return self.errors.current()

    def _save(self) -> None:
        o = self.outcome()
        if o is not None:
            self.submitted.emit(o)
