"""Session notes and contact attempts: a quick-add form and a searchable list."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import validation
from coachdesk.core.models import ContactMode, Destination, SessionNote, SupportKind
from coachdesk.errors import ValidationError
from coachdesk.i18n.format import format_message
from coachdesk.ui.forms._common import (
    MUTED_COLOR,
    FieldErrors,
    OptionalDateEdit,
    date_format,
    enum_combo,
    error_label,
    format_date,
    format_datetime,
    heading_label,
    hint_label,
    model_from_json,
    model_to_json,
    save_shortcuts,
    select_data,
    watch_changes,
)
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.forms.labels import label

if TYPE_CHECKING:
    from coachdesk.storage.repos import NoteHit

_ID = Qt.ItemDataRole.UserRole
NOTE_DRAFT_KIND = "note"
_HTML = Qt.ItemDataRole.UserRole + 1


class NoteForm(QWidget):
    """Quick add (or edit) of a session note or an unsuccessful contact attempt.

    Signals: submitted(SessionNote) after Save when valid; cancelled(). GUI thread only.
    """

    submitted = Signal(object)
    cancelled = Signal()
    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self.client_id = 0  # the client new records are for (set by set_*() or the shell)
        self._id: int | None = None
        self._dirty = False
        self._loading = False
        self.setAccessibleName(self.tr("Session note"))
        outer = QVBoxLayout(self)
        self.form_error = error_label(self)
        outer.addWidget(self.form_error)
        self.errors = FieldErrors(self.form_error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        outer.addLayout(form)

        self.attempt_only = QCheckBox(self.tr("Contact attempt only (we did not reach them)"), self)
        self.attempt_only.setAccessibleName(self.tr("Contact attempt only"))
        form.addRow(self.attempt_only)
        when_row = QHBoxLayout()
        self.occurred_at = QDateTimeEdit(self)
        self.occurred_at.setCalendarPopup(True)
        locale = self.occurred_at.locale()
        self.occurred_at.setDisplayFormat(
            f"{date_format(locale)} {locale.timeFormat(locale.FormatType.ShortFormat)}"
        )
        self.occurred_at.setAccessibleName(self.tr("Date and time"))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        duration_caption = QLabel(self.tr("D&uration:"), self)
        duration_caption.setBuddy(self.duration)
        when_row.addWidget(self.occurred_at, 2)
        when_row.addSpacing(12)
        when_row.addWidget(duration_caption)
        when_row.addWidget(self.duration, 1)
        self._row(self.tr("&When:"), self.occurred_at, "occurred_at", layout=when_row)
        self.errors.register("duration_minutes", self.duration, self.errors_for("occurred_at"))
        mode_row = QHBoxLayout()
        self.mode = enum_combo(self, list(ContactMode), self.tr("How we met"))
        self.location = QLineEdit(self)
        self.location.setAccessibleName(self.tr("Where"))
        self.location.setPlaceholderText(self.tr("e.g. peer room"))
        location_caption = QLabel(self.tr("Whe&re:"), self)
        location_caption.setBuddy(self.location)
        mode_row.addWidget(self.mode, 1)
        mode_row.addSpacing(12)
        mode_row.addWidget(location_caption)
        mode_row.addWidget(self.location, 2)
        self._row(self.tr("H&ow:"), self.mode, "mode", layout=mode_row)
        # What the support was (issue 21), and where an accompaniment went.
        support_row = QHBoxLayout()
        self.support = enum_combo(self, list(SupportKind), self.tr("What the support was"))
        self.destination = enum_combo(
            self, list(Destination), self.tr("Where the accompaniment went")
        )
        destination_caption = QLabel(self.tr("Accompan&ied to:"), self)
        destination_caption.setBuddy(self.destination)
        self._destination_caption = destination_caption
        support_row.addWidget(self.support, 1)
        support_row.addSpacing(12)
        support_row.addWidget(destination_caption)
        support_row.addWidget(self.destination, 1)
        self._row(self.tr("Support &kind:"), self.support, "support", layout=support_row)
        self.errors.register("destination", self.destination, self.errors_for("support"))
        self.support.currentIndexChanged.connect(self._support_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.goals = QListWidget(self)
        self.goals.setAccessibleName(self.tr("Goals touched"))
        self.goals.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.no_goals = hint_label(self.tr("No plan goals yet."), self)
        goals_box = QVBoxLayout()
        goals_box.addWidget(self.goals)
        goals_box.addWidget(self.no_goals)
        self._row(self.tr("Goals touche&d:"), self.goals, "goals_touched", layout=goals_box)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Note"))
        self.text.setPlaceholderText(
            self.tr("What happened, in plain words the client would recognise.")
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 14)
        self._row(self.tr("&Note:"), self.text, "text")
        self.next_steps = QLineEdit(self)
        self.next_steps.setAccessibleName(self.tr("Next steps"))
        self._row(self.tr("Ne&xt steps:"), self.next_steps, "next_steps")
        self.follow_up = OptionalDateEdit(self.tr("Follow-up date"), self.tr("Follow up on"), self)
        self._row(self.tr("Fo&llow-up:"), self.follow_up, "follow_up_on")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Sa&ve note"), self)
        self.save_button.setAccessibleName(self.tr("Save note"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(self._save)
        save_shortcuts(self, self.save_button, multiline=True)
        self.cancel_button.clicked.connect(self.cancelled)
        self.attempt_only.toggled.connect(self._attempt_toggled)
        watch_changes(self, self._touched)
        self.set_note(None, 0)

    # -- dirty state and drafts -------------------------------------------------------------

    def _touched(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.changed.emit()

    def is_dirty(self) -> bool:
        """True when the coach changed something since the form was last filled."""
        return self._dirty

    def to_draft(self) -> dict[str, Any]:
        """The note as entered (valid or not) as a JSON-able dict, to keep across a lock."""
        offered = [self.goals.item(i).text() for i in range(self.goals.count())]
        return {
            "kind": NOTE_DRAFT_KIND,
            "client_id": self.client_id,
            "note": model_to_json(self._read()),
            "goals": offered,
            "dirty": self._dirty,
        }

    def from_draft(self, draft: dict[str, Any]) -> None:
        """Restore what to_draft() kept."""
        if draft.get("kind") != NOTE_DRAFT_KIND:
            raise ValidationError(self.tr("This draft is not a note."), "draft")
        note = model_from_json(SessionNote, draft["note"])
        self.set_goals([str(g) for g in draft.get("goals", [])])
        self.set_note(note, int(draft["client_id"]))
        self._dirty = bool(draft.get("dirty"))

    def _row(
        self,
        text: str,
        widget: QWidget,
        field: str,
        layout: QHBoxLayout | QVBoxLayout | None = None,
    ) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if layout is not None:
            column.addLayout(layout)
        else:
            column.addWidget(widget)
        message = error_label(holder)
        column.addWidget(message)
        self._form.addRow(caption, holder)
        self.errors.register(field, widget, message)

    def errors_for(self, field: str) -> QLabel:
        """The inline error label of `field`."""
        found = self.errors.field_label(field)
        assert found is not None
        return found

    def _support_changed(self) -> None:
        # Where to is asked only of an accompaniment (hidden, not greyed: nothing to skip).
        accompaniment = self.support.currentData() == SupportKind.ACCOMPANIMENT.value
        self.destination.setVisible(accompaniment)
        self._destination_caption.setVisible(accompaniment)

    def _mode_changed(self) -> None:
        """A group contact is group support unless the coach chose another kind."""
        group = self.mode.currentData() == ContactMode.GROUP.value
        if group and self.support.currentData() == SupportKind.COACHING_SESSION.value:
            select_data(self.support, SupportKind.GROUP)

    def _attempt_toggled(self, attempt: bool) -> None:
        if attempt and self.text.toPlainText() == "":
            self.duration.setValue(0)
        self.text.setPlaceholderText(
            self.tr("Optional: e.g. no answer, left a message.")
            if attempt
            else self.tr("What happened, in plain words the client would recognise.")
        )

    def reset(self) -> None:
        """Start a new note, now, for the same client (the offered goals stay)."""
        self.set_note(None, self.client_id)

    def set_goals(self, goals: Sequence[str], touched: Sequence[str] = ()) -> None:
        """Offer these plan goals to tick (the client's own goal texts)."""
        self.goals.clear()
        for goal in goals:
            item = QListWidgetItem(goal)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if goal in touched else Qt.CheckState.Unchecked
            )
            self.goals.addItem(item)
        for goal in touched:  # a goal touched earlier but no longer in the plan stays visible
            if not self.goals.findItems(goal, Qt.MatchFlag.MatchExactly):
                item = QListWidgetItem(goal)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.goals.addItem(item)
        self.goals.setVisible(self.goals.count() > 0)
        self.no_goals.setVisible(self.goals.count() == 0)

    def set_note(self, note: SessionNote | None, client_id: int) -> None:
        """Show `note` for editing; None starts a new note now for `client_id`."""
        self._loading = True
        try:
            self._fill(note, client_id)
        finally:
            self._loading = False
        self._dirty = False

    def _fill(self, note: SessionNote | None, client_id: int) -> None:
        self.errors.clear()
        self.client_id = client_id
        n = note or SessionNote(client_id, self._now(), ContactMode.IN_PERSON, "")
        self._id = n.id
        local = n.occurred_at.astimezone() if n.occurred_at.tzinfo else n.occurred_at
        self.occurred_at.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )
        self.duration.setValue(n.duration_minutes)
        select_data(self.mode, n.mode)
        select_data(self.support, n.support)
        select_data(self.destination, n.destination or Destination.TREATMENT)
        self._support_changed()
        self.location.setText(n.location)
        current = [self.goals.item(i).text() for i in range(self.goals.count())]
        self.set_goals(current, n.goals_touched)
        self.text.setPlainText(n.text)
        self.next_steps.setText(n.next_steps)
        self.follow_up.set_value(n.follow_up_on)
        self.attempt_only.setChecked(n.attempt_only)

    def _occurred_at(self) -> datetime:
        value = self.occurred_at.dateTime()
        d, t = value.date(), value.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return local.astimezone(UTC)  # a naive datetime is taken as local time

    def _read(self) -> SessionNote:
        touched = [
            self.goals.item(i).text()
            for i in range(self.goals.count())
            if self.goals.item(i).checkState() == Qt.CheckState.Checked
        ]
        support = SupportKind(self.support.currentData())
        n = SessionNote(
            client_id=self.client_id,
            occurred_at=self._occurred_at(),
            mode=ContactMode(self.mode.currentData()),
            text=self.text.toPlainText().strip(),
            duration_minutes=self.duration.value(),
            location=self.location.text().strip(),
            goals_touched=touched,
            next_steps=self.next_steps.text().strip(),
            follow_up_on=self.follow_up.value(),
            attempt_only=self.attempt_only.isChecked(),
            support=support,
            destination=Destination(self.destination.currentData())
            if support == SupportKind.ACCOMPANIMENT
            else None,
            id=self._id,
        )
        return n

    def note(self) -> SessionNote | None:
        """The note as entered, or None after showing the first problem next to its field."""
        n = self._read()
        return self.errors.check(lambda: validation.note(n), n)

    def error_text(self) -> str:
        """The validation message shown now (empty when none)."""
        return self.errors.current()

    def _save(self) -> None:
        n = self.note()
        if n is not None:
            self.submitted.emit(n)


def snippet_html(snippet: str) -> str:
    """A search snippet with its [matched] words in bold, everything else escaped."""
    escaped = html.escape(snippet)
    return re.sub(r"\[([^\[\]]*)\]", r"<b>\1</b>", escaped)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints cells that carry HTML (the search snippets) with their bold matches."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the cell background as usual, then the HTML text."""
        markup = index.data(_HTML)
        if not markup:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(markup)
        document.setTextWidth(option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        top = max(0.0, (option.rect.height() - document.size().height()) / 2)
        painter.translate(option.rect.left(), option.rect.top() + top)
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Room for two lines of snippet."""
        base = super().sizeHint(option, index)
        if index.data(_HTML):
            return QSize(base.width(), max(base.height(), option.fontMetrics.lineSpacing() * 2 + 6))
        return base


class NotesList(QWidget):
    """The client's notes and contact attempts, with full-text search.

    The search box emits search_requested(str) (debounced while typing, at once on Enter); the
    shell runs the search and calls set_search_results(). An empty search shows the notes again.
    Signals: search_requested(str); note_selected(int note id) when the current row changes;
    note_activated(int note id) on Enter or a double-click; new_requested(). GUI thread only.
    """

    search_requested = Signal(str)
    note_activated = Signal(int)
    note_selected = Signal(int)
    new_requested = Signal()

    DEBOUNCE_MS = 250

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes: list[SessionNote] = []
        self.setAccessibleName(self.tr("Session notes"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        search_caption = QLabel(self.tr("Se&arch notes:"), self)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search notes"))
        self.search.setPlaceholderText(self.tr("Words from a note, e.g. housing"))
        self.search.setClearButtonEnabled(True)
        search_caption.setBuddy(self.search)
        self.new_button = QPushButton(self.tr("New no&te"), self)
        self.new_button.setAccessibleName(self.tr("New note"))
        top.addWidget(search_caption)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.status = hint_label("", self)
        layout.addWidget(self.status)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Notes"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegate(_HtmlDelegate(self.tree))
        self.tree.setWordWrap(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 4px 2px; }")
        layout.addWidget(self.tree, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_search)
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self._emit_search)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_requested)
        self.set_notes([])

    def _search_edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._show_notes()
            self.search_requested.emit("")
            return
        self._timer.start()

    def _emit_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text:
            self._show_notes()
        self.search_requested.emit(text)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        note_id = item.data(0, _ID)
        if note_id is not None:
            self.note_activated.emit(int(note_id))

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        note_id = item.data(0, _ID) if item is not None else None
        if note_id is not None:
            self.note_selected.emit(int(note_id))

    def notes(self) -> list[SessionNote]:
        """The client's notes as last set, newest first."""
        return list(self._notes)

    def note(self, note_id: int) -> SessionNote | None:
        """The listed note with this id (None: not among the notes loaded)."""
        return next((n for n in self._notes if n.id == note_id), None)

    def select(self, note_id: int) -> None:
        """Make the row of this note current (shown in the reading pane)."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, _ID) == note_id:
                self.tree.setCurrentItem(item)
                return

    def set_notes(self, notes: Sequence[SessionNote]) -> None:
        """Show the client's notes, newest first (shown whenever the search box is empty)."""
        self._notes = sorted(notes, key=lambda n: n.occurred_at, reverse=True)
        if not self.search.text().strip():
            self._show_notes()

    def _when(self, at: datetime) -> str:
        return format_datetime(self.locale(), at)

    def _show_notes(self) -> None:
        tree = self.tree
        tree.clear()
        # Three one-line columns, so that the list stays narrow beside the reading pane and
        # shows many notes: what the support was (an attempt: how it was tried), the note's
        # first line; the mode, minutes and follow-up are in the reading pane and the tooltip.
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Note")])
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for n in self._notes:
            what = label(n.support)
            if n.destination is not None:
                what = f"{what}: {label(n.destination)}"
            how = self.tr("Attempt (%1)").replace("%1", label(n.mode))
            shown = how if n.attempt_only else what
            first_line = n.text.splitlines()[0] if n.text else ""
            if n.next_steps:
                first_line += "  " + self.tr("Next: %1").replace("%1", n.next_steps)
            if n.addenda:  # first, so that a narrow column does not cut it off
                first_line = (
                    format_message(
                        self.tr("{n, plural, one {(+ # addendum)} other {(+ # addenda)}}"),
                        {"n": len(n.addenda)},
                        window_language(),
                    )
                    + " "
                    + first_line
                )
            item = QTreeWidgetItem([self._when(n.occurred_at), shown, first_line])
            item.setToolTip(1, f"{label(n.mode)} · {what}" if not n.attempt_only else how)
            item.setData(0, _ID, n.id)
            item.setToolTip(2, n.text)
            if n.attempt_only:
                for column in range(3):
                    item.setForeground(column, QColor(MUTED_COLOR))
                    font = item.font(column)
                    font.setItalic(True)
                    item.setFont(column, font)
            tree.addTopLevelItem(item)
        # What the support was: as wide as its words, up to 22 average characters (a long
        # kind, e.g. the Spanish of navigation, is cut there; its tooltip has it whole).
        widest = tree.sizeHintForColumn(1) if self._notes else 0
        cap = self.fontMetrics().averageCharWidth() * 22 + 16
        header.resizeSection(1, max(60, min(widest, cap)))
        attempts = sum(1 for n in self._notes if n.attempt_only)
        if self._notes:
            self.status.setText(
                self.tr("Notes: %1 (contact attempts: %2).")
                .replace("%1", str(len(self._notes)))
                .replace("%2", str(attempts))
            )
        else:
            self.status.setText(self.tr("No notes yet. New note adds the first one."))

    def set_search_results(self, hits: Sequence[NoteHit]) -> None:
        """Show search hits (from Caseload.search_notes) with their snippets, best first."""
        tree = self.tree
        tree.clear()
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("When"), self.tr("Found in the note")])
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for hit in hits:
            # Words found in a correction say so: the note itself reads otherwise.
            where = self.tr("In an addendum: ") if hit.in_addendum else ""
            item = QTreeWidgetItem(
                [self._when(hit.occurred_at), where + hit.snippet.replace("[", "").replace("]", "")]
            )
            item.setData(0, _ID, hit.note_id)
            item.setData(1, _HTML, html.escape(where) + snippet_html(hit.snippet))
            item.setToolTip(1, where + hit.snippet)
            tree.addTopLevelItem(item)
        query = self.search.text().strip()
        if hits:
            self.status.setText(
                self.tr("Notes that match “%2”: %1.")
                .replace("%1", str(len(hits)))
                .replace("%2", query)
            )
        else:
            self.status.setText(self.tr("No note matches “%1”.").replace("%1", query))
        self.status.setStyleSheet(f"color: {MUTED_COLOR};")

    def set_hits(self, hits: Sequence[NoteHit]) -> None:
        """Same as set_search_results()."""
        self.set_search_results(hits)

    def shown_ids(self) -> list[int]:
        """The note ids in the list, top to bottom (for tests and the shell)."""
        ids = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            value = item.data(0, _ID) if item is not None else None
            if value is not None:
                ids.append(int(value))
        return ids


class NoteReader(QWidget):
    """The reading pane: one note in full, its addenda under it, and a box to add one.

    A note is a record: it is never edited. A correction or a later fact is an addendum,
    dated and signed by the coach (Caseload.add_addendum). Signals: addendum_requested(int
    note id, str text) when Add addendum is pressed with some text. GUI thread only.
    """

    addendum_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note: SessionNote | None = None
        self.setAccessibleName(self.tr("Reading pane"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading_label("", self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.body = QTextBrowser(self)
        self.body.setAccessibleName(self.tr("The whole note"))
        self.body.setOpenLinks(False)
        self.body.setTabChangesFocus(True)
        layout.addWidget(self.body, 1)
        caption = QLabel(self.tr("Addendu&m (the note itself stays as written):"), self)
        caption.setWordWrap(True)
        self.addendum = QPlainTextEdit(self)
        self.addendum.setAccessibleName(self.tr("Addendum"))
        self.addendum.setPlaceholderText(
            self.tr("A correction or something learned later, e.g. she called back on Friday.")
        )
        self.addendum.setTabChangesFocus(True)
        self.addendum.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        caption.setBuddy(self.addendum)
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addStretch(1)  # keeps the button its own size while no error shows
        self.add_button = QPushButton(self.tr("Add addendum"), self)
        self.add_button.setAccessibleName(self.tr("Add addendum"))
        row.addWidget(self.add_button)
        self._writing = QWidget(self)
        writing = QVBoxLayout(self._writing)
        writing.setContentsMargins(0, 0, 0, 0)
        writing.addWidget(caption)
        writing.addWidget(self.addendum)
        writing.addLayout(row)
        layout.addWidget(self._writing)
        self.add_button.clicked.connect(self._add)
        save_shortcuts(self, self.add_button, multiline=True)
        self.show_note(None)

    def note_id(self) -> int | None:
        """The id of the note shown (None: none)."""
        return self._note.id if self._note is not None else None

    def show_note(self, note: SessionNote | None) -> None:
        """Show `note` in full (None: a hint to pick one). A half-written addendum is kept
        while the same note is shown again (after its list is refreshed)."""
        if note is None or note.id != self.note_id():
            self.addendum.clear()
            self.error.hide()
        self._note = note
        self._writing.setVisible(note is not None and note.id is not None)
        if note is None:
            self.title.setText(self.tr("No note chosen"))
            self.body.setPlainText(
                self.tr("Choose a note in the list to read it here in full (Enter reads it).")
            )
            return
        self.title.setText(self._heading(note))
        self.body.setHtml(self._html(note))

    def _heading(self, n: SessionNote) -> str:
        when = format_datetime(self.locale(), n.occurred_at)
        how = label(n.mode)
        if n.attempt_only:
            how = self.tr("Attempt (%1)").replace("%1", how)
        what = label(n.support)
        if n.destination is not None:
            what = f"{what}: {label(n.destination)}"
        parts = [when, how, what]
        if n.duration_minutes:
            parts.append(self.tr("%1 min").replace("%1", str(n.duration_minutes)))
        return " · ".join(parts)

    def _html(self, n: SessionNote) -> str:
        def para(text: str) -> str:
            return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"

        def field(caption: str, value: str) -> str:
            return f"<p><b>{html.escape(caption)}</b> {html.escape(value)}</p>"

        parts = [para(n.text) if n.text else field(self.tr("No words recorded."), "")]
        if n.location:
            parts.append(field(self.tr("Where:"), n.location))
        if n.goals_touched:
            parts.append(field(self.tr("Goals touched:"), "; ".join(n.goals_touched)))
        if n.next_steps:
            parts.append(field(self.tr("Next steps:"), n.next_steps))
        if n.follow_up_on is not None:
            parts.append(field(self.tr("Follow-up:"), format_date(self.locale(), n.follow_up_on)))
        for a in n.addenda:
            heading = (
                self.tr("Addendum, %1, by %2")
                .replace("%1", format_datetime(self.locale(), a.written_at))
                .replace("%2", a.author)
            )
            parts.append(f"<hr><p><b>{html.escape(heading)}</b></p>{para(a.text)}")
        return "".join(parts)

    def _add(self) -> None:
        text = self.addendum.toPlainText().strip()
        note_id = self.note_id()
        if note_id is None:
            return
        if not text:
            self.show_error(self.tr("Write the addendum first."))
            self.addendum.setFocus()
            return
        self.error.hide()
        self.addendum_requested.emit(note_id, text)

    def show_error(self, message: str) -> None:
        """Show a refusal under the addendum box."""
        self.error.setText(message)
        self.error.show()

    def added(self, note: SessionNote) -> None:
        """The addendum was stored: show the note with it and empty the box."""
        self.addendum.clear()
        self.show_note(note)
