"""The client-directed recovery plan: vision, goals by life domain, steps, wellness and crisis plan.

Written in the client's own words. Pure view: set_plan() shows a RecoveryPlan, plan() reads it
back; the shell saves versions and keeps drafts (to_draft/from_draft) across a lock.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import validation
from coachdesk.core.models import (
    ActionStep,
    CrisisContact,
    Goal,
    LifeDomain,
    RecoveryPlan,
    StepStatus,
    WellnessPlan,
)
from coachdesk.errors import ValidationError
from coachdesk.storage.repos import plan_from_json, plan_to_json  # pure (de)serialisers, no SQL
from coachdesk.ui.forms._common import (
    DateField,
    OptionalDateEdit,
    StringListEditor,
    error_label,
    format_date,
    from_qdate,
    heading_label,
    hint_label,
    make_date_edit,
    save_shortcuts,
    strip_mnemonic,
    to_qdate,
)
from coachdesk.ui.forms._messages import error_text
from coachdesk.ui.forms.labels import label

DRAFT_KIND = "plan"
_VALUE = Qt.ItemDataRole.UserRole
WELLNESS_BACKGROUND = "#fff7ea"  # a warm tint that sets the crisis plan apart
WELLNESS_BORDER = "#d69e2e"
DIRTY_COLOR = "#975a16"  # amber text, 6:1 on the window background
SAVED_COLOR = "#22543d"  # dark green text, 9:1 on the window background

_Index = QModelIndex | QPersistentModelIndex


class _Table(QTableWidget):
    """A table that leaves Tab to the form (arrows move between cells) and clears a date cell
    with Delete."""

    def __init__(self, columns: list[str], accessible_name: str, parent: QWidget) -> None:
        super().__init__(0, len(columns), parent)
        self.setHorizontalHeaderLabels(columns)
        self.setAccessibleName(accessible_name)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
            | QTableWidget.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.date_columns: set[int] = set()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete clears the by-when date of the current row."""
        if event.key() == Qt.Key.Key_Delete and self.currentColumn() in self.date_columns:
            item = self.item(self.currentRow(), self.currentColumn())
            if item is not None:
                item.setData(_VALUE, None)
                item.setText("")
            return
        super().keyPressEvent(event)

    def fit_rows(self, minimum: int = 2) -> None:
        """Size the table to its rows so the page, not the table, scrolls."""
        rows = max(minimum, self.rowCount())
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 4
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        height += (rows - self.rowCount()) * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height)


class _StepDelegate(QStyledItemDelegate):
    """Editors for the steps table: a date field for 'by when', a list for 'status'."""

    DATE, STATUS = 2, 3
    date_refused = Signal(str)  # the message, or "" once a date is accepted

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        """A typed date field or a list for those columns, the default text editor otherwise."""
        if index.column() == self.DATE:
            edit = make_date_edit(parent, QCoreApplication.translate("GoalEditor", "By when"))
            edit.setMaximumWidth(16777215)
            return edit
        if index.column() == self.STATUS:
            combo = QComboBox(parent)
            for status in StepStatus:
                combo.addItem(label(status), status.value)
            combo.setAccessibleName(QCoreApplication.translate("GoalEditor", "Status"))
            return combo
        editor = super().createEditor(parent, option, index)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        """Load the cell's value into its editor."""
        value = index.data(_VALUE)
        if isinstance(editor, DateField):
            editor.setDate(to_qdate(date.fromisoformat(value)) if value else to_qdate(date.today()))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        """Store the edited value (ISO date / status value) and its display text."""
        if isinstance(editor, DateField):
            problem = editor.typed_text_problem()
            if problem is not None:  # refused visibly: the step keeps its date
                self.date_refused.emit(problem)
                return
            self.date_refused.emit("")
            picked = from_qdate(editor.date())
            model.setData(index, picked.isoformat(), _VALUE)
            model.setData(index, format_date(editor.locale(), picked))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), _VALUE)
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


class GoalEditor(QFrame):
    """One goal: the goal in the client's words, why it matters, and its steps.

    Signals: changed(); remove_requested(GoalEditor). GUI thread only.
    """

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, domain: LifeDomain, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain = domain
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("goal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        form = QFormLayout()
        self.goal_edit = QLineEdit(self)
        self.goal_edit.setPlaceholderText(self.tr('In their words, e.g. "A place of my own"'))
        self.goal_edit.setAccessibleName(self.tr("Goal: %1").replace("%1", label(domain)))
        goal_caption = QLabel(self.tr("Goal:"), self)
        goal_caption.setBuddy(self.goal_edit)
        top = QHBoxLayout()
        top.addWidget(self.goal_edit, 1)
        form.addRow(goal_caption, top)
        self.why_edit = QLineEdit(self)
        self.why_edit.setAccessibleName(self.tr("Why this goal matters to them"))
        why_caption = QLabel(self.tr("Why it matters:"), self)
        why_caption.setBuddy(self.why_edit)
        form.addRow(why_caption, self.why_edit)
        layout.addLayout(form)

        self.steps = _Table(
            [self.tr("What"), self.tr("Who"), self.tr("By when"), self.tr("Status")],
            self.tr("Steps toward this goal"),
            self,
        )
        self.steps.date_columns = {_StepDelegate.DATE}
        delegate = _StepDelegate(self.steps)
        self.steps.setItemDelegate(delegate)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.steps.setColumnWidth(1, 150)
        self.steps.setColumnWidth(2, 120)
        self.steps.setColumnWidth(3, 130)
        header.setStretchLastSection(False)
        layout.addWidget(self.steps)
        self.date_error = error_label(self)
        layout.addWidget(self.date_error)
        delegate.date_refused.connect(self._show_date_problem)
        buttons = QHBoxLayout()
        self.add_step_button = QPushButton(self.tr("Add step"), self)
        self.add_step_button.setAccessibleName(self.tr("Add a step"))
        self.remove_step_button = QPushButton(self.tr("Remove step"), self)
        self.remove_step_button.setAccessibleName(self.tr("Remove the selected step"))
        buttons.addWidget(self.add_step_button)
        buttons.addWidget(self.remove_step_button)
        buttons.addStretch(1)
        # Last in the goal's Tab order, never right after the goal's own text: Tab then Space
        # from "Goal" removed the goal at once. It also asks first (see _remove_clicked).
        self.remove_button = QPushButton(self.tr("Remove goal"), self)
        self.remove_button.setAccessibleName(self.tr("Remove this goal"))
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.steps.fit_rows()

        self.goal_edit.textChanged.connect(self.changed)
        self.why_edit.textChanged.connect(self.changed)
        self.steps.itemChanged.connect(self._item_changed)
        self.add_step_button.clicked.connect(self._add_step_clicked)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.remove_button.clicked.connect(self._remove_clicked)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self.changed.emit()

    def _remove_clicked(self) -> None:
        if not self.is_blank():
            from coachdesk.ui.common import plural  # ui.common imports ui.forms

            goal = self.goal()
            question = plural(
                self.tr(
                    '{n, plural, =0 {Remove the goal "{goal}"?} one {Remove the goal "{goal}" '
                    'and its step?} other {Remove the goal "{goal}" and its # steps?}}'
                ),
                len(goal.steps),
                goal=goal.goal or label(self.domain),
            )
            answer = QMessageBox.question(
                self,
                self.tr("Remove goal"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.remove_requested.emit(self)

    def _show_date_problem(self, message: str) -> None:
        self.date_error.setText(message)
        self.date_error.setVisible(bool(message))

    def _add_step_clicked(self) -> None:
        row = self.add_step(ActionStep(""))
        self.steps.setFocus()
        self.steps.setCurrentCell(row, 0)
        item = self.steps.item(row, 0)
        if item is not None:
            self.steps.editItem(item)

    def add_step(self, step: ActionStep) -> int:
        """Append a step row; returns its row number."""
        row = self.steps.rowCount()
        blocked = self.steps.blockSignals(True)
        self.steps.insertRow(row)
        self.steps.setItem(row, 0, QTableWidgetItem(step.what))
        self.steps.setItem(row, 1, QTableWidgetItem(step.who))
        when = QTableWidgetItem(format_date(self.locale(), step.by_when))
        when.setData(_VALUE, step.by_when.isoformat() if step.by_when else None)
        self.steps.setItem(row, 2, when)
        status = QTableWidgetItem(label(step.status))
        status.setData(_VALUE, step.status.value)
        self.steps.setItem(row, 3, status)
        self.steps.blockSignals(blocked)
        self.steps.fit_rows()
        self.changed.emit()
        return row

    def remove_step(self) -> None:
        """Remove the selected step row."""
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)
            self.steps.fit_rows()
            self.changed.emit()

    def set_goal(self, goal: Goal) -> None:
        """Show `goal`."""
        self.goal_edit.setText(goal.goal)
        self.why_edit.setText(goal.why_it_matters)
        self.steps.setRowCount(0)
        for step in goal.steps:
            self.add_step(step)

    def _cell(self, row: int, column: int) -> QTableWidgetItem | None:
        return self.steps.item(row, column)

    def goal(self) -> Goal:
        """The goal as entered; rows left completely blank are ignored."""
        steps = []
        for row in range(self.steps.rowCount()):
            what_item, who_item = self._cell(row, 0), self._cell(row, 1)
            when_item, status_item = self._cell(row, 2), self._cell(row, 3)
            what = what_item.text().strip() if what_item else ""
            who = who_item.text().strip() if who_item else ""
            when_value = when_item.data(_VALUE) if when_item else None
            by_when = date.fromisoformat(when_value) if when_value else None
            status_value = status_item.data(_VALUE) if status_item else None
            status = StepStatus(status_value) if status_value else StepStatus.NOT_STARTED
            if not what and not who and by_when is None:
                continue
            steps.append(ActionStep(what, who, by_when, status))
        return Goal(self.domain, self.goal_edit.text().strip(), self.why_edit.text().strip(), steps)

    def is_blank(self) -> bool:
        """True when nothing was written in this goal."""
        g = self.goal()
        return not g.goal and not g.why_it_matters and not g.steps


class PlanEditor(QWidget):
    """Edit one version of a client's recovery plan.

    Signals: changed() on every edit; save_requested() after Save when the plan is valid (the
    shell then reads plan()); print_requested(); version_selected(int) when the coach picks an
    older version. GUI thread only.
    """

    changed = Signal()
    save_requested = Signal()
    print_requested = Signal()
    version_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Recovery plan"))
        self._client_id = 0
        self._base: RecoveryPlan | None = None
        self._dirty = False
        self._loading = False
        self.goal_editors: list[GoalEditor] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        version_caption = QLabel(self.tr("&Version:"), self)
        self.versions = QComboBox(self)
        self.versions.setAccessibleName(self.tr("Plan version"))
        self.versions.setMinimumContentsLength(22)
        version_caption.setBuddy(self.versions)
        self.dirty_label = QLabel(self)
        self.dirty_label.setStyleSheet(f"color: {DIRTY_COLOR}; font-weight: bold;")
        self.dirty_label.setAccessibleName(self.tr("Save state"))
        self.print_button = QPushButton(self.tr("Pr&int"), self)
        self.print_button.setAccessibleName(self.tr("Print the plan"))
        self.save_button = QPushButton(self.tr("S&ave plan"), self)
        # A new version only when the last one was printed, signed or saved before this
        # unlock (application/plans.py); otherwise the working version is updated.
        self.save_button.setAccessibleName(self.tr("Save the plan"))
        bar.addWidget(version_caption)
        bar.addWidget(self.versions)
        bar.addSpacing(12)
        bar.addWidget(self.dirty_label, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self.scroll_area)
        self.page = page
        body = QVBoxLayout(page)
        body.setContentsMargins(12, 6, 12, 12)
        body.setSpacing(10)
        self.scroll_area.setWidget(page)
        outer.addWidget(self.scroll_area, 1)
        self.form_error = error_label(page)
        body.addWidget(self.form_error)

        # Vision.
        body.addWidget(heading_label(self.tr("Their vision"), page))
        vision_caption = QLabel(
            self.tr("In their own &words: what would a good life look like?"), page
        )
        self.vision = QPlainTextEdit(page)
        self.vision.setAccessibleName(self.tr("Their vision, in their own words"))
        self.vision.setTabChangesFocus(True)
        self.vision.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        vision_caption.setBuddy(self.vision)
        body.addWidget(vision_caption)
        body.addWidget(self.vision)

        # Goals by life domain.
        body.addWidget(heading_label(self.tr("Goals they chose"), page))
        add_row = QHBoxLayout()
        domain_caption = QLabel(self.tr("&Life area of a new goal:"), page)
        self.domain_combo = QComboBox(page)
        for domain in LifeDomain:
            self.domain_combo.addItem(label(domain), domain.value)
        self.domain_combo.setAccessibleName(self.tr("Life area of the new goal"))
        domain_caption.setBuddy(self.domain_combo)
        self.add_goal_button = QPushButton(self.tr("A&dd goal"), page)
        self.add_goal_button.setAccessibleName(self.tr("Add a goal in the chosen life area"))
        add_row.addWidget(domain_caption)
        add_row.addWidget(self.domain_combo)
        add_row.addWidget(self.add_goal_button)
        add_row.addStretch(1)
        body.addLayout(add_row)
        self.goals_error = error_label(page)
        body.addWidget(self.goals_error)
        self.no_goals = hint_label(
            self.tr("No goals yet. Goals are theirs to choose; add one in any life area."), page
        )
        body.addWidget(self.no_goals)
        self.domain_sections: dict[LifeDomain, tuple[QLabel, QVBoxLayout]] = {}
        for domain in LifeDomain:
            heading = heading_label(label(domain), page, scale=1.0)
            section = QVBoxLayout()
            section.setSpacing(6)
            body.addWidget(heading)
            body.addLayout(section)
            heading.setVisible(False)
            self.domain_sections[domain] = (heading, section)

        # Strengths, barriers, supports.
        lists = QGridLayout()
        lists.setHorizontalSpacing(14)
        self.strengths = self._list_editor(
            page, lists, 0, self.tr("Strengths they &bring"), self.tr("Strengths")
        )
        self.barriers = self._list_editor(
            page, lists, 1, self.tr("What gets in the wa&y"), self.tr("Barriers")
        )
        self.supports = self._list_editor(
            page, lists, 2, self.tr("&People and things that help"), self.tr("Supports")
        )
        body.addLayout(lists)

        # The wellness and crisis plan, set apart.
        wellness = QGroupBox(self.tr("Staying well and crisis plan"), page)
        wellness.setObjectName("wellness")
        wellness.setStyleSheet(
            f"QGroupBox#wellness {{ background: {WELLNESS_BACKGROUND}; "
            f"border: 1px solid {WELLNESS_BORDER}; border-radius: 6px; margin-top: 1.4em; "
            "padding: 8px; font-weight: bold; }"
            "QGroupBox#wellness::title { subcontrol-origin: margin; left: 10px; "
            "padding: 0 4px; }"
            "QGroupBox#wellness QLabel { font-weight: normal; }"
        )
        wellness_layout = QGridLayout(wellness)
        wellness_layout.setHorizontalSpacing(14)
        self.triggers = self._list_editor(
            wellness,
            wellness_layout,
            0,
            self.tr("What can set things off (t&riggers)"),
            self.tr("Triggers"),
        )
        self.warning_signs = self._list_editor(
            wellness,
            wellness_layout,
            1,
            self.tr("Early warning sig&ns"),
            self.tr("Warning signs"),
        )
        self.coping = self._list_editor(
            wellness,
            wellness_layout,
            2,
            self.tr("What helps (coping)"),
            self.tr("Coping strategies"),
        )
        self.safe_places = self._list_editor(
            wellness, wellness_layout, 3, self.tr("Safe places"), self.tr("Safe places")
        )
        contacts_caption = QLabel(self.tr("People to call in a crisis"), wellness)
        wellness_layout.addWidget(contacts_caption, 2, 0, 1, 4)
        self.crisis_contacts = _Table(
            [self.tr("Name"), self.tr("Phone"), self.tr("Relationship")],
            self.tr("People to call in a crisis"),
            wellness,
        )
        self.crisis_contacts.setColumnWidth(0, 220)
        self.crisis_contacts.setColumnWidth(1, 160)
        contacts_caption.setBuddy(self.crisis_contacts)
        wellness_layout.addWidget(self.crisis_contacts, 3, 0, 1, 4)
        contact_buttons = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add con&tact"), wellness)
        self.add_contact_button.setAccessibleName(self.tr("Add a crisis contact"))
        self.remove_contact_button = QPushButton(self.tr("Remove contact"), wellness)
        self.remove_contact_button.setAccessibleName(self.tr("Remove the selected crisis contact"))
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.remove_contact_button)
        contact_buttons.addStretch(1)
        wellness_layout.addLayout(contact_buttons, 4, 0, 1, 4)
        self.crisis_error = error_label(wellness)
        wellness_layout.addWidget(self.crisis_error, 5, 0, 1, 4)
        self.crisis_contacts.fit_rows()
        body.addWidget(wellness)

        # Review and signatures.
        dates = QFormLayout()
        dates.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.review_date = OptionalDateEdit(self.tr("Review date"), self.tr("Set"), page)
        self.client_signed = OptionalDateEdit(self.tr("Client signed on"), self.tr("Signed"), page)
        self.coach_signed = OptionalDateEdit(self.tr("Coach signed on"), self.tr("Signed"), page)
        for text, widget in (
            (self.tr("Review the plan &on:"), self.review_date),
            (self.tr("Client signed on:"), self.client_signed),
            (self.tr("Coach signed on:"), self.coach_signed),
        ):
            caption = QLabel(text, page)
            caption.setBuddy(widget)
            dates.addRow(caption, widget)
        body.addLayout(dates)
        body.addStretch(1)

        # Wiring.
        self.versions.activated.connect(self._version_activated)
        self.save_button.clicked.connect(self.request_save)
        save_shortcuts(self, self.save_button, multiline=True)
        self.print_button.clicked.connect(self.print_requested)
        self.add_goal_button.clicked.connect(self._add_goal_clicked)
        self.add_contact_button.clicked.connect(self._add_contact_clicked)
        self.remove_contact_button.clicked.connect(self._remove_contact)
        self.vision.textChanged.connect(self._touched)
        self.crisis_contacts.itemChanged.connect(self._contact_changed)
        for editor in (
            self.strengths,
            self.barriers,
            self.supports,
            self.triggers,
            self.warning_signs,
            self.coping,
            self.safe_places,
        ):
            editor.changed.connect(self._touched)
        for optional in (self.review_date, self.client_signed, self.coach_signed):
            optional.changed.connect(self._touched)
        self.set_plan(None, 0)

    # -- building ---------------------------------------------------------------------------

    def _list_editor(
        self, parent: QWidget, grid: QGridLayout, column: int, caption_text: str, name: str
    ) -> StringListEditor:
        caption = QLabel(caption_text, parent)
        caption.setWordWrap(True)
        editor = StringListEditor(
            strip_mnemonic(caption_text), self.tr("Add"), self.tr("Remove"), parent
        )
        editor.setAccessibleName(name)
        caption.setBuddy(editor)
        grid.addWidget(caption, 0, column, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(editor, 1, column)
        return editor

    # -- dirty state --------------------------------------------------------------------------

    def _touched(self) -> None:
        if self._loading:
            return
        if not self._dirty:
            self._dirty = True
            self._show_dirty()
        self.changed.emit()

    def _contact_changed(self, _item: QTableWidgetItem) -> None:
        self._touched()

    def _show_dirty(self) -> None:
        self.dirty_label.setStyleSheet(f"color: {DIRTY_COLOR}; font-weight: bold;")
        self.dirty_label.setText(self.tr("Unsaved changes") if self._dirty else "")

    def show_saved(
        self, plan: RecoveryPlan, versions: list[tuple[int, datetime]], message: str
    ) -> None:
        """After the shell saved: the stored plan, its versions, and what the save did, said
        in the bar's save-state place (issue 17: a banner above the form pushed it down)."""
        self.set_plan(plan, plan.client_id)
        self.set_versions(versions)
        self.dirty_label.setStyleSheet(f"color: {SAVED_COLOR};")
        self.dirty_label.setText(message)

    def is_dirty(self) -> bool:
        """True when something was edited since set_plan(), from_draft() or mark_saved()."""
        return self._dirty

    def mark_saved(self) -> None:
        """Forget the unsaved state (after the shell saved plan())."""
        self._dirty = False
        self._show_dirty()

    # -- goals ---------------------------------------------------------------------------------

    def set_domains(self, domains: Sequence[LifeDomain]) -> None:
        """The life areas offered for a new goal (the plan template of the client's kind,
        core.models.PLAN_DOMAINS); goals already in the plan keep their own area."""
        chosen = self.domain_combo.currentData()
        self.domain_combo.clear()
        for domain in domains:
            self.domain_combo.addItem(label(domain), domain.value)
        self.domain_combo.setCurrentIndex(max(0, self.domain_combo.findData(chosen)))

    def _add_goal_clicked(self) -> None:
        domain = LifeDomain(self.domain_combo.currentData())
        editor = self.add_goal(Goal(domain, ""))
        editor.goal_edit.setFocus()
        # The new goal has no geometry until the page is laid out again: lay it out first, or
        # the scroll area cannot bring the focused field into view.
        layout = self.page.layout()
        if layout is not None:
            layout.activate()
        self.scroll_area.ensureWidgetVisible(editor)
        self.scroll_area.ensureWidgetVisible(editor.goal_edit)

    def add_goal(self, goal: Goal) -> GoalEditor:
        """Add an editor for `goal` under its life domain."""
        editor = GoalEditor(goal.domain, self.page)
        editor.set_goal(goal)
        heading, section = self.domain_sections[goal.domain]
        section.addWidget(editor)
        heading.setVisible(True)
        self.goal_editors.append(editor)
        editor.changed.connect(self._touched)
        editor.remove_requested.connect(self.remove_goal)
        self.no_goals.setVisible(False)
        self._touched()
        return editor

    def remove_goal(self, editor: GoalEditor) -> None:
        """Remove one goal editor."""
        if editor not in self.goal_editors:
            return
        self.goal_editors.remove(editor)
        heading, section = self.domain_sections[editor.domain]
        section.removeWidget(editor)
        editor.setParent(None)
        editor.deleteLater()
        heading.setVisible(any(e.domain == editor.domain for e in self.goal_editors))
        self.no_goals.setVisible(not self.goal_editors)
        self._touched()

    def _ordered_goal_editors(self) -> list[GoalEditor]:
        order = {domain: index for index, domain in enumerate(LifeDomain)}
        return sorted(self.goal_editors, key=lambda e: order[e.domain])  # stable within a domain

    # -- crisis contacts -------------------------------------------------------------------

    def _add_contact_clicked(self) -> None:
        row = self.add_contact(CrisisContact("", ""))
        self.crisis_contacts.setFocus()
        self.crisis_contacts.setCurrentCell(row, 0)
        item = self.crisis_contacts.item(row, 0)
        if item is not None:
            self.crisis_contacts.editItem(item)

    def add_contact(self, contact: CrisisContact) -> int:
        """Append a crisis contact row; returns its row number."""
        table = self.crisis_contacts
        row = table.rowCount()
        blocked = table.blockSignals(True)
        table.insertRow(row)
        for column, text in enumerate((contact.name, contact.phone, contact.relationship)):
            table.setItem(row, column, QTableWidgetItem(text))
        table.blockSignals(blocked)
        table.fit_rows()
        self._touched()
        return row

    def _remove_contact(self) -> None:
        row = self.crisis_contacts.currentRow()
        if row >= 0:
            self.crisis_contacts.removeRow(row)
            self.crisis_contacts.fit_rows()
            self._touched()

    def _contacts(self) -> list[CrisisContact]:
        table = self.crisis_contacts
        contacts = []
        for row in range(table.rowCount()):
            texts = []
            for column in range(3):
                item = table.item(row, column)
                texts.append(item.text().strip() if item else "")
            if any(texts):
                contacts.append(CrisisContact(texts[0], texts[1], texts[2]))
        return contacts

    # -- versions ------------------------------------------------------------------------------

    def set_versions(
        self, versions: list[tuple[int, datetime]], current: int | None = None
    ) -> None:
        """List the saved versions (number, saved at), newest first; select `current` (default:
        the version shown)."""
        if current is None:
            current = self._base.version if self._base else None
        self.versions.blockSignals(True)
        self.versions.clear()
        locale = self.locale()
        for number, saved_at in sorted(versions, key=lambda v: v[0], reverse=True):
            local = saved_at.astimezone() if saved_at.tzinfo else saved_at
            text = self.tr("Version %1 · %2").replace("%1", str(number))
            self.versions.addItem(text.replace("%2", format_date(locale, local.date())), number)
        if not versions:
            self.versions.addItem(self.tr("Not saved yet"), 0)
        index = self.versions.findData(current)
        self.versions.setCurrentIndex(max(0, index))
        self.versions.blockSignals(False)

    def _version_activated(self, index: int) -> None:
        number = self.versions.itemData(index)
        if number:
            self.version_selected.emit(int(number))

    # -- model in and out ----------------------------------------------------------------------

    def set_plan(self, plan: RecoveryPlan | None, client_id: int) -> None:
        """Show `plan` (None: a new, empty plan for `client_id`); clears the unsaved state."""
        self._loading = True
        try:
            self._client_id = client_id
            self._base = plan
            p = plan or RecoveryPlan(client_id, "")
            self._clear_errors()
            self.vision.setPlainText(p.vision)
            for editor in list(self.goal_editors):
                self.remove_goal(editor)
            for goal in p.goals:
                self.add_goal(goal)
            self.strengths.set_values(p.strengths)
            self.barriers.set_values(p.barriers)
            self.supports.set_values(p.supports)
            self.triggers.set_values(p.wellness.triggers)
            self.warning_signs.set_values(p.wellness.warning_signs)
            self.coping.set_values(p.wellness.coping_strategies)
            self.safe_places.set_values(p.wellness.safe_places)
            self.crisis_contacts.setRowCount(0)
            for contact in p.wellness.crisis_contacts:
                self.add_contact(contact)
            self.crisis_contacts.fit_rows()
            self.review_date.set_value(p.review_date)
            self.client_signed.set_value(p.client_signed_on)
            self.coach_signed.set_value(p.coach_signed_on)
            index = self.versions.findData(p.version)
            if index >= 0:
                self.versions.setCurrentIndex(index)
        finally:
            self._loading = False
        self._dirty = False
        self._show_dirty()

    def plan(self) -> RecoveryPlan:
        """The plan as entered (not validated: request_save() validates). Blank goals, steps,
        list rows and contacts are left out. Keeps the shown version's number and id."""
        goals = [e.goal() for e in self._ordered_goal_editors() if not e.is_blank()]
        base = self._base
        return RecoveryPlan(
            client_id=self._client_id,
            vision=self.vision.toPlainText().strip(),
            goals=goals,
            strengths=self.strengths.values(),
            barriers=self.barriers.values(),
            supports=self.supports.values(),
            wellness=WellnessPlan(
                self.triggers.values(),
                self.warning_signs.values(),
                self.coping.values(),
                self.safe_places.values(),
                self._contacts(),
            ),
            review_date=self.review_date.value(),
            client_signed_on=self.client_signed.value(),
            coach_signed_on=self.coach_signed.value(),
            version=base.version if base else 0,
            created_at=base.created_at if base else None,
            id=base.id if base else None,
        )

    def _clear_errors(self) -> None:
        for message in (self.form_error, self.goals_error, self.crisis_error):
            message.clear()
            message.setVisible(False)

    def validate(self) -> bool:
        """Check the plan with the domain rules; show the first problem inline. True when valid."""
        self._clear_errors()
        try:
            validation.plan(self.plan())
        except ValidationError as error:
            self._show_error(error)
            return False
        return True

    def error_text(self) -> str:
        """The validation message shown now (empty when none)."""
        for message in (self.goals_error, self.crisis_error, self.form_error):
            if not message.isHidden():
                return message.text()
        return ""

    def _show_error(self, error: ValidationError) -> None:
        text = error_text(error)
        if error.field in ("goals", "steps"):
            self.goals_error.setText(text)
            self.goals_error.setVisible(True)
            for editor in self._ordered_goal_editors():
                goal = editor.goal()
                if editor.is_blank():
                    continue
                if not goal.goal:
                    editor.goal_edit.setFocus()
                    self.scroll_area.ensureWidgetVisible(editor)
                    break
                if any(not s.what for s in goal.steps):
                    editor.steps.setFocus()
                    self.scroll_area.ensureWidgetVisible(editor)
                    break
        elif error.field == "crisis_contacts":
            self.crisis_error.setText(text)
            self.crisis_error.setVisible(True)
            self.crisis_contacts.setFocus()
            self.scroll_area.ensureWidgetVisible(self.crisis_contacts)
        else:
            self.form_error.setText(text)
            self.form_error.setVisible(True)
            self.vision.setFocus()

    def request_save(self) -> bool:
        """Validate, then emit save_requested(). Returns whether it was emitted."""
        if not self.validate():
            return False
        self.save_requested.emit()
        return True

    # -- drafts ----------------------------------------------------------------------------------

    def to_draft(self) -> dict[str, Any]:
        """The unsaved edits as a JSON-able dict (for the vault's drafts table across a lock)."""
        base = self._base
        return {
            "kind": DRAFT_KIND,
            "client_id": self._client_id,
            "base_version": base.version if base else 0,
            "base_id": base.id if base else None,
            "base_created_at": base.created_at.isoformat() if base and base.created_at else None,
            "dirty": self._dirty,
            "plan": json.loads(plan_to_json(self.plan())),
        }

    def from_draft(self, draft: dict[str, Any]) -> None:
        """Restore edits saved by to_draft(); the editor stays marked unsaved when it was."""
        if draft.get("kind") != DRAFT_KIND:
            raise ValidationError(self.tr("This draft is not a recovery plan."), "draft")
        created = draft.get("base_created_at")
        plan = plan_from_json(
            json.dumps(draft.get("plan", {})),
            int(draft["client_id"]),
            int(draft.get("base_version") or 0),
            created or datetime.now(UTC).isoformat(),
            0,
        )
        plan.id = draft.get("base_id")
        if created is None:
            plan.created_at = None
        self.set_plan(plan, plan.client_id)
        if draft.get("dirty"):
            self._dirty = True
            self._show_dirty()
