"""Today: what is due (timepoint windows, plan reviews, referral and note follow-ups) and the
clients opened recently. Enter or a double click opens the client. GUI thread only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.models import Reminder
from coachdesk.ui.common import fmt_date, named, title_label, translated

KIND_ORDER = ("timepoint", "plan_review", "referral_follow_up", "note_follow_up")


class TodayPage(QWidget):
    open_client = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.heading = title_label("")
        layout.addWidget(self.heading)
        self.summary = QLabel("")
        self.summary.setObjectName("subtitle")
        layout.addWidget(self.summary)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.due_label = QLabel("")
        self.due_label.setObjectName("subtitle")
        self.due = QTreeWidget()
        self.due.setRootIsDecorated(True)
        self.due.setAlternatingRowColors(True)
        self.due.itemActivated.connect(self._activated)
        self.due.itemDoubleClicked.connect(self._activated)
        self.due_label.setBuddy(self.due)
        left.addWidget(self.due_label)
        left.addWidget(self.due, 1)
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
        self.due.setColumnWidth(0, 220)
        self.due.setColumnWidth(1, 340)

    def retranslate(self) -> None:
        """The page's own words in the current language (the window then reloads the lists,
        whose words come with their data)."""
        self.heading.setText(self.tr("Today"))
        self.due_label.setText(self.tr("&Due and coming up"))
        named(self.due, self.tr("Reminders"))
        self.due.setHeaderLabels(
            [self.tr("Client"), self.tr("What"), self.tr("Due"), self.tr("Window closes")]
        )
        self.recent_label.setText(self.tr("&Recent clients"))
        named(self.recent, self.tr("Recent clients"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_reminders(self, reminders: list[Reminder], today: date) -> None:
        self.due.clear()
        overdue = sum(1 for r in reminders if r.overdue)
        self.summary.setText(
            self.tr("{d}: {n} things due or coming up, {o} overdue.").format(
                d=fmt_date(today), n=len(reminders), o=overdue
            )
        )
        groups = {
            "timepoint": self.tr("Follow-up windows open or closing"),
            "plan_review": self.tr("Plan reviews"),
            "referral_follow_up": self.tr("Referral follow-ups"),
            "note_follow_up": self.tr("Session follow-ups"),
        }
        first_item: QTreeWidgetItem | None = None
        for kind in KIND_ORDER:
            items = sorted((r for r in reminders if r.kind == kind), key=lambda r: r.due_on)
            if not items:
                continue
            parent = QTreeWidgetItem([f"{groups[kind]} ({len(items)})"])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.due.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)
            for r in items:
                child = QTreeWidgetItem(
                    [
                        r.client_name,
                        translated(r.title),
                        fmt_date(r.due_on),
                        fmt_date(r.window_closes_on),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, r.client_id)
                if r.overdue:
                    for col in range(4):
                        child.setForeground(col, QColor("#a8461f"))
                    child.setText(1, self.tr("{what} (overdue)").format(what=translated(r.title)))
                parent.addChild(child)
                first_item = first_item or child
            parent.setExpanded(True)
        if not reminders:
            self.due.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing is due. A calm day.")]))
        if first_item is not None:
            self.due.setCurrentItem(first_item)

    def set_recent(self, recent: list[tuple[int, str]]) -> None:
        self.recent.clear()
        for client_id, name in recent:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, client_id)
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem(self.tr("No client opened yet."))

    def clear(self) -> None:
        self.due.clear()
        self.recent.clear()
        self.summary.clear()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        client_id = item.data(0, Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.open_client.emit(int(client_id))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.open_client.emit(int(client_id))
