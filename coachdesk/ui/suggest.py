"""Suggest to the RCO's directory (issue 20): a new resource, a correction to an RCO entry, or
"still right"; the preview shows exactly what leaves before it is sealed into the outbox. And
"My suggestions": what became of them and what the last directory changed.

The Resources page adds the two buttons with `add_buttons` (its one hook line). GUI thread
only; every vault call goes through the database worker (application/suggestions.py).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.application import suggestions as sug
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.errors import CoachDeskError
from coachdesk.i18n.catalog import text
from coachdesk.ui.common import enum_of, enum_req, fill_combo, fmt_date, label, named, title_label
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._messages import error_text, window_language

# The text fields of the form, in order: (English member, Spanish member or "").
_PAIRS = (
    ("name", "name_es"),
    ("phone", ""),
    ("area", ""),
    ("hours", "hours_es"),
    ("eligibility", "eligibility_es"),
    ("note", "note_es"),
)


def _word(code: str) -> str:
    return text(code, window_language())


class SuggestDialog(QDialog):
    """Fill in, preview exactly what leaves, then seal into the outbox."""

    sent = Signal(object)  # SentSuggestion

    def __init__(self, db: Database, parent: QWidget | None = None, selected: str = "") -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.db = db
        self._selected = selected  # the name of the row selected on the Resources page
        self._entries: list[Resource] = []
        self.setWindowTitle(self.tr("Suggest to the RCO's directory"))
        self.resize(900, 600)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._form_page())
        self.stack.addWidget(self._preview_page())
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        self.db.call(lambda c: c.resources(), self._fill_entries)

    # -- the form ----------------------------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.kind = named(QComboBox(), self.tr("What you suggest"))
        for kind in sug.KINDS:
            self.kind.addItem(_word(f"suggest.kind.{kind}"), kind)
        self.entry = named(QComboBox(), self.tr("RCO directory entry"))
        self.problem = named(QComboBox(), self.tr("What is wrong"))
        for problem in sug.PROBLEMS:
            self.problem.addItem(_word(f"suggest.problem.{problem}"), problem)
        self.category = named(QComboBox(), _word("suggest.field.category"))
        fill_combo(self.category, ResourceCategory)
        self.pathway = named(QComboBox(), _word("suggest.field.pathways"))
        fill_combo(self.pathway, Pathway, self.tr("No particular pathway"))
        self.languages = named(QLineEdit(), _word("suggest.field.languages"))
        self.languages.setPlaceholderText(self.tr("e.g. English, Spanish"))
        self.fields: dict[str, QLineEdit] = {}
        row = 0
        for label_text, widget in (
            (self.tr("&Suggest:"), self.kind),
            (self.tr("&Entry:"), self.entry),
            (self.tr("&Problem:"), self.problem),
            (_word("suggest.field.category") + ":", self.category),
            (_word("suggest.field.pathways") + ":", self.pathway),
        ):
            self._row(grid, row, label_text, widget)
            row += 1
        grid.addWidget(QLabel(self.tr("In English")), row, 1)
        grid.addWidget(QLabel(self.tr("In Spanish (if you have it)")), row, 2)
        row += 1
        for english, spanish in _PAIRS:
            self.fields[english] = named(QLineEdit(), _word(f"suggest.field.{english}"))
            self._row(grid, row, _word(f"suggest.field.{english}") + ":", self.fields[english])
            if spanish:
                self.fields[spanish] = named(QLineEdit(), _word(f"suggest.field.{spanish}"))
                grid.addWidget(self.fields[spanish], row, 2)
            row += 1
        self._row(grid, row, _word("suggest.field.languages") + ":", self.languages)
        row += 1
        note = QLabel(
            self.tr(
                "Write about the resource only. Never a client's name, situation or dates: "
                "the next page shows exactly what leaves."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, row, 0, 1, 3)
        row += 1
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.preview_button = named(
            QPushButton(self.tr("Pre&view what leaves…")), self.tr("Preview what leaves")
        )
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self._preview)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)  # Enter previews; it never cancels
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        buttons.addWidget(self.preview_button)
        grid.addLayout(buttons, row, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.entry.currentIndexChanged.connect(lambda _i: self._load_entry())
        self.problem.currentIndexChanged.connect(lambda _i: self._load_entry())
        self._kind_changed()
        return page

    @staticmethod
    def _row(grid: QGridLayout, row: int, label_text: str, widget: QWidget) -> None:
        lab = QLabel(label_text)
        lab.setBuddy(widget)
        grid.addWidget(lab, row, 0)
        grid.addWidget(widget, row, 1, 1, 2 if isinstance(widget, QComboBox) else 1)

    def _fill_entries(self, resources: list[Resource]) -> None:
        self._entries = [r for r in resources if not r.local]
        self.entry.blockSignals(True)
        self.entry.clear()
        for r in self._entries:
            self.entry.addItem(r.name, r.rco_ref)
        chosen = self.entry.findText(self._selected)
        if chosen >= 0:
            self.entry.setCurrentIndex(chosen)
            self.kind.setCurrentIndex(sug.KINDS.index("correction"))
        self.entry.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        about_entry = kind != "new"
        self.entry.setEnabled(about_entry and self.entry.count() > 0)
        self.problem.setEnabled(kind == "correction")
        for widget in (*self.fields.values(), self.category, self.pathway, self.languages):
            widget.setEnabled(kind != "confirmed")
        if about_entry:
            self._load_entry()

    def _load_entry(self) -> None:
        kind, ref = self.kind.currentData(), self.entry.currentData()
        if kind == "new" or not ref:
            return
        problem = self.problem.currentData() if kind == "correction" else ""
        self.db.call(lambda c: sug.draft_for(c, kind, ref, problem), self._show_draft, self._fail)

    def _show_draft(self, draft: sug.SuggestionDraft) -> None:
        for name, widget in self.fields.items():
            widget.setText(getattr(draft, name))
        self.category.setCurrentIndex(max(0, self.category.findData(draft.category)))
        first = draft.pathways[0] if draft.pathways else None
        self.pathway.setCurrentIndex(max(0, self.pathway.findData(first)))
        self.languages.setText(", ".join(draft.languages))

    def draft(self) -> sug.SuggestionDraft:
        kind = str(self.kind.currentData())
        pathway = enum_of(self.pathway, Pathway)
        values = {name: widget.text() for name, widget in self.fields.items()}
        return sug.SuggestionDraft(
            kind=kind,
            ref=str(self.entry.currentData() or "") if kind != "new" else "",
            problem=str(self.problem.currentData()) if kind == "correction" else "",
            category=enum_req(self.category, ResourceCategory),
            pathways=(pathway,) if pathway else (),
            languages=tuple(x.strip() for x in self.languages.text().split(",") if x.strip()),
            **values,
        )

    # -- the preview -------------------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title_label(self.tr("Exactly this leaves this computer")))
        self.preview_text = named(QPlainTextEdit(), self.tr("What leaves"))
        self.preview_text.setReadOnly(True)
        layout.addWidget(self.preview_text, 1)
        self.warning = QLabel("")
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("&Back"))
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.send_button = named(
            QPushButton(self.tr("&Seal into the outbox")), self.tr("Seal into the outbox")
        )
        self.send_button.clicked.connect(self._send)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)
        return page

    def _preview(self) -> None:
        self.error.setText("")
        draft = self.draft()
        self.db.call(lambda c: sug.preview(c, draft), self._show_preview, self._fail)

    def _show_preview(self, preview: sug.SuggestionPreview) -> None:
        lines = []
        resource = preview.content["resource"]
        for member, value in preview.lines:
            shown = value
            if member in ("kind", "problem"):
                shown = _word(f"suggest.{member}.{value}")
            elif member == "category":
                shown = label(ResourceCategory(value))
            elif member == "pathways":
                shown = ", ".join(label(Pathway(p)) for p in resource["pathways"])
            lines.append(f"{_word(f'suggest.field.{member}')}: {shown}")
        lines.append("")
        lines.append(
            self.tr(
                "With it go a random id, this device's id, key and signature, a number and the "
                "time; it is sealed so that only the RCO can read it."
            )
        )
        self.preview_text.setPlainText("\n".join(lines))
        self.warning.setText(preview.warning.text(window_language()))
        self.stack.setCurrentIndex(1)
        self.send_button.setFocus()

    def _send(self) -> None:
        draft = self.draft()
        self.send_button.setEnabled(False)
        self.db.call(lambda c: sug.send(c, draft), self._sent, self._fail)

    def _sent(self, result: sug.SentSuggestion) -> None:
        self.sent.emit(result)
        self.accept()

    def _fail(self, error: CoachDeskError) -> None:
        self.send_button.setEnabled(True)
        self.stack.setCurrentIndex(0)
        self.error.setText(error_text(error))


class SuggestionsDialog(QDialog):
    """What the last directory changed, and what became of each suggestion."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.db = db
        self.setWindowTitle(self.tr("Your suggestions and the directory"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("What the last directory changed")))
        self.changes = named(QLabel(self.tr("No directory with changes has arrived yet.")), "")
        self.changes.setWordWrap(True)
        layout.addWidget(self.changes)
        self.changed_names = QLabel("")
        self.changed_names.setWordWrap(True)
        layout.addWidget(self.changed_names)
        layout.addWidget(title_label(self.tr("Your suggestions"), "subtitle"))
        self.table = named(QTableWidget(0, 4), self.tr("Your suggestions"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sent"), self.tr("What"), self.tr("Resource"), self.tr("What became of it")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(1, 190)
        self.table.setColumnWidth(2, 240)
        layout.addWidget(self.table, 1)
        layout.addWidget(title_label(self.tr("RCO entries: last verified"), "subtitle"))
        self.verified = named(QTableWidget(0, 3), self.tr("RCO entries: last verified"))
        self.verified.setHorizontalHeaderLabels(
            [self.tr("Resource"), self.tr("Last verified"), self.tr("By how many coaches")]
        )
        self.verified.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verified.verticalHeader().hide()
        self.verified.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verified.setColumnWidth(1, 160)
        self.verified.setColumnWidth(2, 200)
        layout.addWidget(self.verified, 1)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.db.call(
            lambda c: (
                sug.directory_changes(c),
                sug.my_suggestions(c),
                sug.entry_facts(c),
                [r for r in c.resources() if not r.local],
            ),
            self._show,
        )

    def _show(self, result: tuple[Any, ...]) -> None:
        changes, mine, facts, entries = result
        self.verified.setRowCount(0)
        for entry in entries:
            fact = facts.get(entry.rco_ref)
            if fact is None or not fact.last_verified:
                continue
            row = self.verified.rowCount()
            self.verified.insertRow(row)
            name = entry.name + (f" ({self.tr('closed')})" if fact.closed else "")
            when = fmt_date(date.fromisoformat(fact.last_verified))
            for col, value in enumerate((name, when, str(fact.verified_by))):
                self.verified.setItem(row, col, QTableWidgetItem(value))
        if changes is not None:
            self.changes.setText(changes.message.text(window_language()))
            parts = []
            for key, title in (
                ("new", self.tr("New")),
                ("updated", self.tr("Updated")),
                ("closed", self.tr("Closed")),
            ):
                if changes.names.get(key):
                    parts.append(f"{title}: {', '.join(changes.names[key])}")
            self.changed_names.setText("\n".join(parts))
        self.table.setRowCount(0)
        for m in mine:
            row = self.table.rowCount()
            self.table.insertRow(row)
            fate = _word(f"suggest.fate_word.{m.fate}")
            if m.reason:
                fate = f"{fate}: {m.reason}"
            for col, value in enumerate(
                (
                    fmt_date(datetime.fromisoformat(m.created_at)),
                    _word(f"suggest.kind.{m.kind}"),
                    m.name,
                    fate,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))


def add_buttons(page: QWidget, db: Database, layout: QBoxLayout, table: QTableWidget) -> None:
    """The Resources page's hook: "Suggest…" and "My suggestions…" beside its other buttons;
    a correction starts from the entry selected in `table` (its first column is the name)."""
    tr = partial(QCoreApplication.translate, "SuggestDialog")
    suggest = named(QPushButton(tr("S&uggest…")), tr("Suggest to the RCO"))
    mine = named(QPushButton(tr("M&y suggestions…")), tr("My suggestions"))

    def open_suggest() -> None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        dialog = SuggestDialog(db, page, item.text() if item is not None else "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.suggest_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    def open_mine() -> None:
        dialog = SuggestionsDialog(db, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.suggestions_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    suggest.setObjectName("suggest_button")
    mine.setObjectName("my_suggestions_button")
    suggest.clicked.connect(open_suggest)
    mine.clicked.connect(open_mine)
    layout.addWidget(suggest)
    layout.addWidget(mine)
