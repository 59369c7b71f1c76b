"""The desk's "Suggestions" tab (issue 20): the coaches' suggestions grouped by resource, how
many coaches confirmed or reported a problem, the changes proposed, edit, accept, reject with a
reason; and every entry's "last verified" and by how many coaches.

`SuggestionsPage.attach(window)` is the desk window's one hook: it adds the tab, refreshes when
the window's lists do and clears when the store locks. GUI thread only; store work runs on the
window's store worker (rco/curation.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.models import Resource, ResourceCategory
from coachdesk.i18n.catalog import text
from coachdesk.rco import curation
from coachdesk.ui.common import fill_combo, fmt_date, named, title_label
from coachdesk.ui.forms._messages import window_language

_ALT = re.compile(r"&([^&\s])")  # a widget text's Alt letter

_EDITABLE = ("name", "phone", "area", "hours", "eligibility", "note")


def _word(code: str, **params: object) -> str:
    return text(code, window_language(), **params)


class SuggestionsPage(QWidget):
    accept_requested = Signal(str, dict)  # group id, edited fields
    reject_requested = Signal(str, str)  # group id, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[curation.SuggestionGroup] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Suggestions from coaches")))
        split = QSplitter()
        layout.addWidget(split, 1)
        self.table = named(QTableWidget(0, 4), self.tr("Suggestions by resource"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Resource"),
                self.tr("What"),
                self.tr("Coaches"),
                self.tr("Confirmed / problem"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.currentCellChanged.connect(lambda *_: self._show_group())
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 3)
        caption = QLabel(
            self.tr(
                "Directory entries: last verified, and referrals made and linked "
                "(all coaches; small counts hidden)"
            )
        )
        caption.setWordWrap(True)
        left_box.addWidget(caption)
        self.verified = named(QTableWidget(0, 5), self.tr("Last verified"))
        self.verified.setHorizontalHeaderLabels(
            [
                self.tr("Entry"),
                self.tr("Last verified"),
                self.tr("Coaches"),
                self.tr("Referrals"),
                self.tr("Linked"),
            ]
        )
        self.verified.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verified.verticalHeader().hide()
        self.verified.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            self.verified.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        left_box.addWidget(self.verified, 2)
        split.addWidget(left)
        split.addWidget(self._detail())
        split.setSizes([640, 560])

    def _detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("")  # filled by show_groups, emptied again by clear
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.change_list = QLabel("")
        self.change_list.setWordWrap(True)
        layout.addWidget(self.change_list)
        form = self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name in _EDITABLE:
            self.edits[name] = named(QLineEdit(), _word(f"suggest.field.{name}"))
            form.addRow(_word(f"suggest.field.{name}") + ":", self.edits[name])
        self.category = named(QComboBox(), _word("suggest.field.category"))
        fill_combo(self.category, ResourceCategory)
        form.addRow(_word("suggest.field.category") + ":", self.category)
        self.closed = named(QCheckBox(self.tr("Closed (coaches see it as closed)")), "")
        form.addRow("", self.closed)
        layout.addLayout(form)
        self.accept_button = named(
            QPushButton(self.tr("&Accept into the directory")), self.tr("Accept")
        )
        self.accept_button.clicked.connect(self._accept)
        layout.addWidget(self.accept_button)
        reject_row = QHBoxLayout()
        self.reason = named(QLineEdit(), self.tr("Reason for the coaches"))
        self.reason.setPlaceholderText(self.tr("Why not (the coaches read this)"))
        self.reject_button = named(QPushButton(self.tr("Re&ject")), self.tr("Reject"))
        self.reject_button.clicked.connect(self._reject)
        reject_row.addWidget(self.reason, 1)
        reject_row.addWidget(self.reject_button)
        layout.addLayout(reject_row)
        layout.addStretch(1)
        self._enable(False)
        return box

    def _enable(self, on: bool) -> None:
        for widget in (
            self.accept_button,
            self.reject_button,
            self.reason,
            self.closed,
            self.category,
            *self.edits.values(),
        ):
            widget.setEnabled(on)

    def show_groups(
        self,
        groups: list[curation.SuggestionGroup],
        verification: dict[str, curation.Verification] | None = None,
        entries: list[Resource] | None = None,
        linkage: list[curation.Linkage] | None = None,
    ) -> None:
        self.groups = groups
        self.table.setRowCount(0)
        for g in groups:
            row = self.table.rowCount()
            self.table.insertRow(row)
            counts = f"{g.confirmed} / {g.reported}" if g.kind == "entry" else ""
            for col, value in enumerate(
                (g.name, curation.what_words(g, window_language()), str(g.coaches), counts)
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.verified.setRowCount(0)
        names = {r.rco_ref: r.name for r in entries or []}
        verification = verification or {}
        links = {row.ref: row for row in linkage or []}

        # Every entry, the longest unchecked first: never verified, then the oldest date.
        def last(ref: str) -> str:
            v = verification.get(ref)
            return v.last_verified if v is not None and v.last_verified else ""

        for ref in sorted(names, key=lambda r: (last(r), names[r], r)):
            v, link = verification.get(ref), links.get(ref)
            row = self.verified.rowCount()
            self.verified.insertRow(row)
            shown = names[ref] + (f" ({self.tr('closed')})" if v is not None and v.closed else "")
            cells = (
                shown,
                fmt_date(date.fromisoformat(last(ref))) if last(ref) else self.tr("never"),
                str(v.verified_by) if v is not None else "",
                self._count(link.made) if link is not None else "",
                self._count(link.linked) if link is not None else "",
            )
            for col, value in enumerate(cells):
                self.verified.setItem(row, col, QTableWidgetItem(value))
        if groups:
            self.table.selectRow(0)
        self._show_group()

    def give_alt_letters(self, window: QWidget) -> None:
        """An Alt letter for each label of the curation form, unique among the window's tabs
        and buttons and this page's other widgets (the words come from the catalog, shared
        with the command line, so the letters are chosen here)."""
        fields: list[QWidget] = [*self.edits.values(), self.category]
        labels = [self.form.labelForField(f) for f in fields]
        own = {id(label) for label in labels}
        tabs = window.findChild(QTabWidget)
        pages = [] if tabs is None else [tabs.widget(i) for i in range(tabs.count())]
        # What shows with this page: its own widgets, the tab bar and the window's buttons
        # outside the tabs (the other pages' letters may be the same as these).
        shown = [
            w
            for w in self.findChildren(QLabel) + self.findChildren(QAbstractButton)
            if id(w) not in own
        ] + [
            w
            for w in window.findChildren(QAbstractButton)
            if not any(p is not None and p.isAncestorOf(w) for p in pages)
        ]  # the buttons outside the pages: the tab bar's corner (Settings, Lock), the start
        texts = [w.text() for w in shown]
        if tabs is not None:
            texts += [tabs.tabText(i) for i in range(tabs.count())]
        taken = {m.group(1).lower() for t in texts if (m := _ALT.search(t.replace("&&", "")))}
        waiting = [label for label in labels if isinstance(label, QLabel)]

        def free(label: QLabel) -> list[int]:
            plain = label.text().replace("&", "")
            return [i for i, ch in enumerate(plain) if ch.isalpha() and ch.lower() not in taken]

        while waiting:  # the label with the fewest free letters first, so each gets one
            label = min(waiting, key=lambda w: len(free(w)))
            waiting.remove(label)
            places = free(label)
            if places:
                plain = label.text().replace("&", "")
                taken.add(plain[places[0]].lower())
                label.setText(plain[: places[0]] + "&" + plain[places[0] :])

    def _count(self, value: int | None) -> str:
        return self.tr("small") if value is None else str(value)

    def current(self) -> curation.SuggestionGroup | None:
        row = self.table.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def _show_group(self) -> None:
        group = self.current()
        self._enable(group is not None)
        if group is None:
            self.summary.setText(
                self.tr("No suggestion is waiting.")
                if not self.groups
                else self.tr("Choose a suggestion on the left.")
            )
            self.change_list.setText("")
            for edit in self.edits.values():
                edit.clear()
            return
        self.summary.setText(
            f"<b>{group.name}</b> — "
            + _word(
                "suggest.rco.counts",
                confirmed=group.confirmed,
                reported=group.reported,
                proposed=group.proposed_by,
            )
        )
        lines = [
            _word(
                "suggest.rco.change",
                field=_word(f"suggest.field.{f}") if f != "closed" else self.tr("Closed"),
                old=old or "—",
                new=new,
            ).strip()
            for f, old, new in curation.changes(group)
            if group.kind == "entry"  # a new resource's fields are all in the form below
        ]
        self.change_list.setText("\n".join(lines))
        for name, edit in self.edits.items():
            edit.setText(str(group.proposal.get(name, "")))
        self.category.setCurrentIndex(max(0, self.category.findData(group.category)))
        self.closed.setChecked(bool(group.proposal.get("closed")))

    def edited(self) -> dict[str, Any]:
        group = self.current()
        assert group is not None
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        values["category"] = str(self.category.currentData())
        values["closed"] = self.closed.isChecked()
        return {k: v for k, v in values.items() if group.proposal.get(k) != v}

    def _accept(self) -> None:
        group = self.current()
        if group is not None:
            self.accept_requested.emit(group.group_id, self.edited())

    def _reject(self) -> None:
        group = self.current()
        if group is not None:
            self.reject_requested.emit(group.group_id, self.reason.text())

    def clear(self) -> None:
        """Back to what a never-unlocked window shows (the store locked)."""
        self.show_groups([])
        self.summary.setText("")
        self.reason.clear()

    # -- the window's hook -------------------------------------------------------------------

    @classmethod
    def attach(cls, window: Any) -> SuggestionsPage:
        """Add the tab to the desk window (the last one) and wire it to its worker."""
        page = cls()
        window.tabs.addTab(page, page.tr("Team kno&wledge"))  # the free Alt letter

        def refresh() -> None:
            def job(holder: Any, _: Any) -> tuple[Any, ...]:
                desk = holder.require()
                return (
                    curation.inbox(desk),
                    curation.verification(desk),
                    desk.directory(),
                    curation.linkage(desk),
                )

            window.worker.submit(job, lambda r: page.show_groups(*r), window._error)

        # The form's labels get Alt letters once the window's own buttons exist (made after
        # the tabs): the first letter of each that nothing shown with the page uses.
        QTimer.singleShot(0, page, lambda: page.give_alt_letters(window))

        said: list[str] = []  # the last decision shown: it names an entry, so a lock clears it

        def decided(message: Any) -> None:
            said[:] = [message.text(window_language())]
            window.statusBar().showMessage(said[0], 10000)
            page.reason.clear()
            window._refresh_lists()  # the directory changed; this page refreshes with it

        page.accept_requested.connect(
            lambda gid, edits: window.worker.submit(
                lambda holder, _: curation.accept(holder.require(), gid, edits),
                decided,
                window._error,
            )
        )
        page.reject_requested.connect(
            lambda gid, reason: window.worker.submit(
                lambda holder, _: curation.reject(holder.require(), gid, reason),
                decided,
                window._error,
            )
        )

        def locked(_index: int) -> None:
            if window.stack.currentWidget() is not window.start:
                return
            page.clear()
            if said and window.statusBar().currentMessage() == said[0]:
                window.statusBar().clearMessage()

        # Through a child of the page: Qt drops these connections with the page (a language
        # change makes the pages again), where a plain function would outlive it.
        hooks = _Hooks(page, refresh, locked)
        window.lists_refreshed.connect(hooks.lists_refreshed)
        window.stack.currentChanged.connect(hooks.page_changed)
        return page


class _Hooks(QObject):
    """The window's signals for one Suggestions page, owned by the page."""

    def __init__(
        self, page: QWidget, refresh: Callable[[], None], locked: Callable[[int], None]
    ) -> None:
        super().__init__(page)
        self._refresh, self._locked = refresh, locked

    def lists_refreshed(self) -> None:
        self._refresh()

    def page_changed(self, index: int) -> None:
        self._locked(index)
