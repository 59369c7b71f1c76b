"""A family client's light follow-up (docs/domain.md "Family follow-up"): three questions,
each yes, no or not known, and the answers given before. Pure view; GUI thread only.

Signals: submitted(FamilyFollowUp) after Save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.models import FamilyFollowUp
from coachdesk.ui.forms._common import (
    error_label,
    format_date,
    from_qdate,
    hint_label,
    make_date_edit,
    save_shortcuts,
    to_qdate,
)

_FIELDS = ("loved_one_in_treatment", "loved_one_in_support", "own_support")


class FamilyFollowUpForm(QWidget):
    submitted = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.client_id = 0
        self.setAccessibleName(self.tr("Family follow-up"))
        outer = QVBoxLayout(self)
        outer.addWidget(
            hint_label(
                self.tr(
                    "For a family member or concerned significant other: is their loved one "
                    "engaged in treatment or recovery support, and do they have support of "
                    "their own? BARC-10 and SUPRT outcomes are for the person in recovery."
                ),
                self,
            )
        )
        self.error = error_label(self)
        outer.addWidget(self.error)
        form = QFormLayout()
        outer.addLayout(form)
        self.taken_on = make_date_edit(self, self.tr("Date of the follow-up"))
        self._caption(form, self.tr("&Date:"), self.taken_on)
        self.answers: dict[str, QComboBox] = {}
        for field, text, name in (
            (
                "loved_one_in_treatment",
                self.tr("Loved one in &treatment:"),
                self.tr("Loved one engaged in treatment"),
            ),
            (
                "loved_one_in_support",
                self.tr("Loved one in recovery &support:"),
                self.tr("Loved one engaged in recovery support (mutual aid, a coach, a group)"),
            ),
            (
                "own_support",
                self.tr("Their &own support:"),
                self.tr("The family member has support of their own (a family group, people)"),
            ),
        ):
            combo = QComboBox(self)
            combo.addItem(self.tr("Not known"), None)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
            combo.setAccessibleName(name)
            self.answers[field] = combo
            self._caption(form, text, combo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Sa&ve follow-up"), self)
        self.save_button.setAccessibleName(self.tr("Save follow-up"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        save_shortcuts(self, self.save_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.history = QTableWidget(0, 4, self)
        self.history.setAccessibleName(self.tr("Earlier family follow-ups"))
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Loved one in treatment"),
                self.tr("In recovery support"),
                self.tr("Own support"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        outer.addWidget(self.history, 1)
        self.reset(0)

    def _caption(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        form.addRow(caption, widget)

    def reset(self, client_id: int) -> None:
        """A new follow-up today for `client_id` (answers not known)."""
        self.client_id = client_id
        self.error.clear()
        self.taken_on.setDate(to_qdate(self._today()))
        for combo in self.answers.values():
            combo.setCurrentIndex(0)

    def set_followups(self, followups: list[FamilyFollowUp]) -> None:
        """Show the earlier follow-ups, newest first."""
        words = {None: self.tr("Not known"), True: self.tr("Yes"), False: self.tr("No")}
        self.history.setRowCount(0)
        for f in sorted(followups, key=lambda f: (f.taken_on, f.id or 0), reverse=True):
            row = self.history.rowCount()
            self.history.insertRow(row)
            day = format_date(self.locale(), f.taken_on)
            cells = [day, *(words[getattr(f, n)] for n in _FIELDS)]
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def followup(self) -> FamilyFollowUp:
        values = {field: combo.currentData() for field, combo in self.answers.items()}
        return FamilyFollowUp(
            self.client_id,
            from_qdate(self.taken_on.date()),
            values["loved_one_in_treatment"],
            values["loved_one_in_support"],
            values["own_support"],
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _save(self) -> None:
        self.show_error("")
        self.submitted.emit(self.followup())
