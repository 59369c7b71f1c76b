"""Today: what is due (timepoint windows, plan reviews, referral and note follow-ups, consents
ended or ending) and the clients opened recently. Enter or a double click opens the client
where the item is done; "Mark done" and "Later…" change the item through the application
layer (Caseload.complete_due and snooze_due); the filters narrow the list to overdue, due by
today or this week, and to one kind. GUI thread only.

The page shows Caseload.today_page: the counts of every kind and the first `per_kind` items
of each, read through the indexes, so it costs what it shows on a big vault. Within a kind
the items are in due-date order, so "overdue", "by today" and "this week" are each a first
part of that list: filtering the first items gives the first items of the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.application.caseload import Caseload
from coachdesk.application.changes import Changes, Kind
from coachdesk.core.models import Reminder
from coachdesk.core.reminders import KIND_ORDER, accepted_ago
from coachdesk.core.reminders import TodayPage as TodayData
from coachdesk.errors import CoachDeskError
from coachdesk.i18n import catalog
from coachdesk.ui.common import (
    fmt_date,
    named,
    plural,
    show_error,
    title_label,
    translated,
)
from coachdesk.ui.forms._common import DateField, from_qdate, to_qdate
from coachdesk.ui.forms._messages import error_text, window_language

PER_KIND = 50  # first items of each kind read per page; "Show more" reads more
# Where each kind is done in the client's record (workspace TAB_KEYS).
KIND_TAB = {
    "first_contact": "notes",  # issue 19: done by logging the session there
    "timepoint": "outcomes",
    "plan_review": "plan",
    "referral_follow_up": "referrals",
    "note_follow_up": "notes",
    "consent": "profile",  # issue 17: renewed by recording the new consent there
}
NEW_CONSENT = "new_consent"  # "Mark done" on a consent item: the profile, its form open
# Done by the record they come from (opened at KIND_TAB), never marked done or moved here.
DONE_THERE = ("timepoint", "first_contact", "consent")
KIND_CHANGES = {"plan_review": Kind.PLAN, "referral_follow_up": Kind.REFERRAL}
_ITEM = Qt.ItemDataRole.UserRole
LATE_COLOR = "#a8461f"


class DateDialog(QDialog):
    """Ask for one day (a DateField: typed whole or picked, Alt+Down); OK refuses a typed
    text that is not a date, visibly, and keeps the dialog open."""

    def __init__(self, title: str, prompt: str, hint: str, start: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)  # the Spanish hint wrapped after every two words at 282
        layout = QVBoxLayout(self)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        layout.addWidget(hint_label)
        form = QFormLayout()
        self.field = DateField()
        self.field.setDate(to_qdate(start))
        prompt_label = QLabel(prompt)
        prompt_label.setBuddy(self.field)
        named(self.field, prompt_label.text().replace("&", ""))
        form.addRow(prompt_label, self.field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()
        self.field.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()  # the day is what is asked: typing starts there

    def _accept(self) -> None:
        if self.field.commit_text():
            self.accept()

    def chosen(self) -> date:
        return from_qdate(self.field.date())


def item_title(r: Reminder) -> str:
    """A reminder's title in the window's language, with the words its kind fills in (Today,
    and the client's overview)."""
    lang = window_language()
    if r.kind == "first_contact":  # issue 19: the detail is the coach who handed off
        return catalog.text("today.title.first_contact", lang, coach=r.detail)
    if r.kind == "consent":  # issue 17: ended (overdue) or ending, on its end date
        code = "today.title.consent_ended" if r.overdue else "today.title.consent"
        return catalog.text(code, lang, date=fmt_date(r.ends_on or r.due_on))
    return translated(r.title)


class TodayPage(QWidget):
    open_client = Signal(int)
    open_client_at = Signal(int, str)  # client id, workspace tab key
    status = Signal(str)  # a short message for the status bar
    refresh_requested = Signal()  # read Today again (more items, or an item changed meanwhile)

    def __init__(self, db: Database | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.per_kind = PER_KIND
        self._data: TodayData | None = None
        self._today = date.today()
        self.dialog: DateDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.heading = title_label("")
        layout.addWidget(self.heading)
        self.summary = QLabel("")
        self.summary.setObjectName("subtitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        filters = QHBoxLayout()
        self.when_label = QLabel("")
        self.when = QComboBox()
        self.when_label.setBuddy(self.when)
        self.kind_label = QLabel("")
        self.kind = QComboBox()
        self.kind_label.setBuddy(self.kind)
        for widget in (self.when_label, self.when, self.kind_label, self.kind):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.when.currentIndexChanged.connect(self._show)
        self.kind.currentIndexChanged.connect(self._show)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.due_label = QLabel("")
        self.due_label.setObjectName("subtitle")
        self.due = QTreeWidget()
        self.due.setRootIsDecorated(True)
        self.due.setAlternatingRowColors(True)
        self.due.itemActivated.connect(self._activated)
        self.due.itemDoubleClicked.connect(self._activated)
        self.due.currentItemChanged.connect(self._current_changed)
        self.due_label.setBuddy(self.due)
        left.addWidget(self.due_label)
        left.addLayout(filters)
        left.addWidget(self.due, 1)
        actions = QHBoxLayout()
        self.done_button = QPushButton("")
        self.done_button.clicked.connect(self.mark_done)
        self.later_button = QPushButton("")
        self.later_button.clicked.connect(self.snooze)
        self.more_button = QPushButton("")
        self.more_button.clicked.connect(self._more)
        for button in (self.done_button, self.later_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.more_button)
        left.addLayout(actions)
        right = QVBoxLayout()
        self.recent_label = QLabel("")
        self.recent_label.setObjectName("subtitle")
        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.itemDoubleClicked.connect(self._recent_activated)
        self.recent_label.setBuddy(self.recent)
        right.addWidget(self.recent_label)
        right.addWidget(self.recent, 1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.retranslate()
        # What gets the room the others leave: a session follow-up's words read there.
        header = self.due.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.due.setColumnWidth(0, 190)
        self.due.setColumnWidth(2, 110)
        self.due.setColumnWidth(3, 150)
        self._current_changed(None)

    def retranslate(self) -> None:
        """The page's own words in the current language (the window then reloads the lists,
        whose words come with their data)."""
        self.heading.setText(self.tr("Today"))
        self.due_label.setText(self.tr("D&ue and coming up"))
        named(self.due, self.tr("Reminders"))
        self.due.setHeaderLabels(
            [self.tr("Client"), self.tr("What"), self.tr("Due"), self.tr("When")]
        )
        self.when_label.setText(self.tr("Sho&w:"))
        self.kind_label.setText(self.tr("&Kind:"))
        named(self.when, self.tr("Show"))
        named(self.kind, self.tr("Kind"))
        self._fill_combo(
            self.when,
            [
                (self.tr("Everything due or coming up"), "all"),
                (self.tr("Overdue"), "overdue"),
                (self.tr("Due by today"), "today"),
                (self.tr("Due this week"), "week"),
            ],
        )
        self._fill_combo(
            self.kind,
            [(self.tr("All kinds"), None)]
            + [(self._group_name(kind), kind) for kind in KIND_ORDER],
        )
        self.done_button.setText(self.tr("Mark &done"))
        named(
            self.done_button,
            self.tr("Mark done"),
            self.tr("The follow-up happened (a plan review asks for the next review date)."),
        )
        self.later_button.setText(self.tr("&Later…"))
        named(self.later_button, self.tr("Later"), self.tr("Move this item to another day."))
        self.more_button.setText(self.tr("Show &more"))
        named(self.more_button, self.tr("Show more"))
        self.recent_label.setText(self.tr("&Recent clients"))
        named(self.recent, self.tr("Recent clients"))
        if self._data is not None:
            self._show()

    def _fit_when_column(self) -> None:
        """ "When" as wide as its longest words in this language (a first contact's "accepted
        within the hour" is longer than "3 days late"), so that none is cut."""
        lang = window_language()
        samples = [catalog.text("today.accepted_hours", lang, n=n) for n in (0, 47)]
        samples.append(plural(self.tr("{n, plural, one {# day late} other {# days late}}"), 999))
        widest = max(self.due.fontMetrics().horizontalAdvance(words) for words in samples)
        self.due.setColumnWidth(3, max(150, widest + 24))

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[str, str | None]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in entries:
            combo.addItem(text, value)
        index = combo.findData(kept)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _group_name(self, kind: str) -> str:
        return {
            "first_contact": self.tr("First contacts after a hand-off"),
            "timepoint": self.tr("Follow-up windows open or closing"),
            "plan_review": self.tr("Plan reviews"),
            "referral_follow_up": self.tr("Referral follow-ups"),
            "note_follow_up": self.tr("Session follow-ups"),
            "consent": self.tr("Consents ended or ending"),
        }[kind]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- filling ---------------------------------------------------------------------------

    def set_page(self, data: TodayData, today: date) -> None:
        """Show Caseload.today_page's answer (the selection stays on the same row)."""
        self._data, self._today = data, today
        self._show()

    def set_reminders(self, reminders: list[Reminder], today: date) -> None:
        """A full list of reminders (tests, small callers): shown as its Today page."""
        from coachdesk.core.reminders import page_of

        self.set_page(page_of(reminders, max(len(reminders), 1)), today)

    def _cutoff(self) -> date | None:
        when = self.when.currentData()
        return {
            "overdue": self._today - timedelta(days=1),
            "today": self._today,
            "week": self._today + timedelta(days=6),
        }.get(when)

    def _show(self) -> None:
        data, today = self._data, self._today
        if data is None:
            return
        place = self._place()
        self.due.clear()
        self._fit_when_column()  # here: the font and language are the shown ones
        self.summary.setText(
            plural(
                self.tr(
                    "{d}: {n, plural, one {# thing} other {# things}} due or coming up, "
                    "{o} overdue."
                ),
                data.total,
                d=fmt_date(today),
                o=data.overdue,
            )
        )
        cutoff, wanted = self._cutoff(), self.kind.currentData()
        truncated = False
        rows: list[QTreeWidgetItem] = []
        for kind in KIND_ORDER:
            if wanted is not None and kind != wanted:
                continue
            first = data.first.get(kind, [])
            items = [r for r in first if cutoff is None or r.due_on <= cutoff]
            if not items:
                continue
            more = data.counts.get(kind, 0) > len(first)
            exact = not more or (cutoff is not None and first[-1].due_on > cutoff)
            truncated |= not exact
            total = data.counts[kind] if cutoff is None else len(items)
            count = str(total) if exact or cutoff is None else f"{len(items)}+"
            if not exact and cutoff is None:
                count = self.tr("{shown} of {total} shown").format(shown=len(items), total=total)
            parent = QTreeWidgetItem([f"{self._group_name(kind)} ({count})"])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.due.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)
            for r in items:
                due = r.ends_on or r.due_on  # a consent: the end date its words name
                words = [r.client_name, self._what(r), fmt_date(due), self._when(r)]
                child = QTreeWidgetItem(words)
                child.setToolTip(1, self._what(r, whole=True))
                child.setData(0, _ITEM, (r.client_id, r.kind, r.due_on.isoformat()))
                if r.overdue:
                    for col in range(4):
                        child.setForeground(col, QColor(LATE_COLOR))
                parent.addChild(child)
                rows.append(child)
            parent.setExpanded(True)
        self.more_button.setVisible(truncated)
        if not rows:
            text = (
                self.tr("Nothing is due. A calm day.")
                if data.total == 0
                else self.tr("Nothing matches this filter.")
            )
            empty = QTreeWidgetItem([text])
            self.due.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)  # the whole width: "Client" is too narrow for it
        else:
            self.due.setCurrentItem(rows[min(place, len(rows) - 1)])
        self._current_changed(self.due.currentItem())

    def _what(self, r: Reminder, whole: bool = False) -> str:
        """The item's title; for a session follow-up, what it follows up (the last note's
        next steps) in place of the title, which its group already says ("Session
        follow-ups"), so that the words fit the column in Spanish too; `whole`: title and
        words, for the tooltip. Words too long for the column are cut there by the view.
        An ended consent's row says what matters first (its group, date and "ended ... ago"
        say the rest; looked at at 1366x768, the whole sentence was cut before it)."""
        title = item_title(r)
        if r.kind == "consent" and r.overdue and not whole:
            return self.tr("Nothing may be disclosed: renew it")
        if not r.detail or r.kind == "first_contact":
            return title
        return f"{title}: {r.detail}" if whole else r.detail

    def _when(self, r: Reminder) -> str:
        ago = accepted_ago(r.since, datetime.now(UTC)) if r.kind == "first_contact" else None
        if ago is not None:  # issue 19: the ED measures count hours, then days
            unit, n = ago  # the command line's words too (cli/caseload_cmds.since_text)
            return catalog.text(f"today.accepted_{unit}", window_language(), n=n)
        if r.window_closes_on is not None:
            return self.tr("window closes {d}").format(d=fmt_date(r.window_closes_on))
        if r.kind == "consent" and r.overdue and r.ends_on is not None:
            ended = (self._today - r.ends_on).days  # 0: revoked today
            return plural(
                self.tr(
                    "{n, plural, =0 {ended today} one {ended # day ago} other {ended # days ago}}"
                ),
                ended,
            )
        days = (r.due_on - self._today).days
        if days < 0:
            return plural(self.tr("{n, plural, one {# day late} other {# days late}}"), -days)
        if days == 0:
            return self.tr("today")
        return plural(self.tr("{n, plural, one {in # day} other {in # days}}"), days)

    def _place(self) -> int:
        """The row of the current item among the items (kept across a refresh)."""
        current, index = self.due.currentItem(), 0
        for top in range(self.due.topLevelItemCount()):
            parent = self.due.topLevelItem(top)
            if parent is None:
                continue
            for row in range(parent.childCount()):
                if parent.child(row) is current:
                    return index
                index += 1
        return 0

    def set_recent(self, recent: list[tuple[int, str]]) -> None:
        self.recent.clear()
        for client_id, name in recent:
            item = QListWidgetItem(name)
            item.setData(_ITEM, client_id)
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem(self.tr("No client opened yet."))

    def clear(self) -> None:
        self._data = None
        self.per_kind = PER_KIND
        self.due.clear()
        self.recent.clear()
        self.summary.clear()
        self._current_changed(None)
        if self.dialog is not None:
            self.dialog.reject()

    # -- acting ----------------------------------------------------------------------------

    def current(self) -> tuple[int, str, date] | None:
        """(client id, kind, due date) of the selected item."""
        item = self.due.currentItem()
        value = item.data(0, _ITEM) if item is not None else None
        if value is None:
            return None
        client_id, kind, due = value
        return int(client_id), str(kind), date.fromisoformat(due)

    def _current_changed(self, _item: QTreeWidgetItem | None, _previous: object = None) -> None:
        chosen = self.current()
        self.done_button.setEnabled(chosen is not None)
        kind = chosen[1] if chosen is not None else None
        self.later_button.setEnabled(chosen is not None and kind not in DONE_THERE)
        self.later_button.setToolTip(
            self.tr("A follow-up window is set by the funder's schedule and cannot be moved.")
            if kind == "timepoint"
            else self.tr("A first contact is done by logging a session with the client.")
            if kind == "first_contact"
            else self.tr("A consent is renewed with the client: record the new one.")
            if kind == "consent"
            else self.tr("Move this item to another day.")
        )

    def mark_done(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        client_id, kind, due = chosen
        if kind == "consent":  # done by recording the new consent: its form opens
            self.open_client_at.emit(client_id, NEW_CONSENT)
        elif kind in DONE_THERE:  # done by the outcomes / a session
            self.open_client_at.emit(client_id, KIND_TAB[kind])
        elif kind == "plan_review":
            self._ask(
                self.tr("Plan review done"),
                self.tr("&Next review on:"),
                self.tr("The plan was reviewed. When is the next review?"),
                self._today + timedelta(days=90),
                lambda on: self._write(
                    lambda c: c.complete_due(client_id, kind, due, next_review=on), kind
                ),
            )
        else:
            self._write(lambda c: c.complete_due(client_id, kind, due), kind)

    def snooze(self) -> None:
        chosen = self.current()
        if chosen is None or chosen[1] in DONE_THERE:
            return
        client_id, kind, due = chosen
        self._ask(
            self.tr("Later"),
            self.tr("&Move to:"),
            self.tr("Choose the day this should come back on Today."),
            self._today + timedelta(days=7),
            lambda on: self._write(lambda c: c.snooze_due(client_id, kind, due, on), kind),
        )

    def _ask(
        self, title: str, prompt: str, hint: str, start: date, then: Callable[[date], None]
    ) -> None:
        dialog = DateDialog(title, prompt, hint, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        dialog.accepted.connect(lambda: then(dialog.chosen()))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.finished.connect(lambda _r: self.due.setFocus())
        dialog.open()

    def _write(self, job: Callable[[Caseload], None], kind: str) -> None:
        if self.db is None:
            return
        chosen = self.current()
        client_id = chosen[0] if chosen else None
        changes = Changes.of(KIND_CHANGES.get(kind, Kind.NOTE), Kind.AUDIT, client=client_id)

        def failed(exc: CoachDeskError) -> None:
            show_error(self, error_text(exc))
            if exc.code == "due.gone":
                self.refresh_requested.emit()

        self.db.write(
            job,
            changes,
            lambda _r: self.status.emit(self.tr("Today is up to date.")),
            failed,
        )
        self.due.setFocus()

    def _more(self) -> None:
        self.per_kind *= 4
        self.refresh_requested.emit()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, _ITEM)
        if value is not None:
            self.open_client_at.emit(int(value[0]), KIND_TAB.get(str(value[1]), "profile"))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        client_id = item.data(_ITEM)
        if client_id is not None:
            self.open_client.emit(int(client_id))
