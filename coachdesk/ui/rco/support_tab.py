"""The dashboard's "Support" tab (issue 21): people served by kind, contacts and hours by
support kind, accompaniments by destination, family clients whose loved one engaged in
treatment. Filled from the same suppressed rows as the funder report
(rco/report.support_rows), so a figure shown here is the report's. GUI thread only.

DashboardPage (ui/rco/window.py) adds it with `SupportTab.add_to(self.tables)`, fills it in
show_figures and empties it in clear (`setRowCount(0)`, like its other tables).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.rco.metrics import Figures
from coachdesk.rco.report import (
    ACCOMPANIMENT_SECTION,
    FAMILY_SECTION,
    KIND_SECTION,
    SUPPORT_SECTION,
    Row,
    support_rows,
)

_CONTEXT = "SupportTab"


def _tr(text: str) -> str:
    """The report's English words in the window's language (coachdesk_family_es.ts)."""
    return QCoreApplication.translate(_CONTEXT, text) if text else ""


def _value(display: str) -> str:
    # numbers stay as they are; "suppressed", "no records", "none due" are words
    return display if display[:1].isdigit() else _tr(display)


# Each section as a small pivot: (what its lines are, what its columns are), as the PDF does.
_PIVOTS = {
    KIND_SECTION: ("category", "measure"),
    SUPPORT_SECTION: ("category", "measure"),
    ACCOMPANIMENT_SECTION: ("category", "measure"),
    FAMILY_SECTION: ("measure", "category"),
}


# The tab is narrow: shorter words for the report's labels (the full ones in the tooltips).
_SHORT = {
    "Share of people served": "Share",
    "People served by kind": "People by kind",
    "Person in or seeking recovery": "In recovery",
    "Family member or concerned significant other": "Family member",
    "Navigation (benefits, housing, care)": "Navigation",
    "Accompaniments by destination": "Accompaniments",
    "Accompaniments": "Count",
    "Family members with a follow-up": "Followed up",
    "Loved one engaged in treatment": "Loved one in treatment",
    "Loved one engaged in recovery support": "Loved one in support",
    "Family member has support of their own": "Has own support",
}


def _short(text: str) -> str:
    return _tr(_SHORT.get(text, text))


class SupportTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderHidden(True)  # each section's line names its own columns
        self.tree.setAccessibleName(_tr("Support given and family follow-up"))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # numbers never give way; long names elide (full in the tooltip)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("suppressed") + 24)
        layout.addWidget(self.tree)
        self._shown: list[tuple[str, str, str, str]] = []

    @classmethod
    def add_to(cls, tables: QTabWidget) -> SupportTab:
        tab = cls()
        tables.addTab(tab, _tr("Support"))
        return tab

    def show_figures(self, fig: Figures) -> None:
        self.tree.clear()
        self._shown = []
        sections: dict[str, list[Row]] = {}
        for row in support_rows(fig):
            sections.setdefault(row.section, []).append(row)
        for name, rows in sections.items():
            line_key, column_key = _PIVOTS.get(name, ("measure", "category"))
            # a line without a column name ("Family members with a follow-up") takes the first
            columns = [c for c in dict.fromkeys(getattr(r, column_key) for r in rows) if c][:2]
            head = QTreeWidgetItem(self.tree, [_short(name), *(_short(c) for c in columns)])
            head.setToolTip(0, _tr(name))
            font = head.font(0)
            font.setBold(True)
            for column in range(3):
                head.setFont(column, font)
            lines: dict[str, QTreeWidgetItem] = {}
            for r in rows:
                line, column = getattr(r, line_key), getattr(r, column_key)
                item = lines.get(line)
                if item is None:
                    item = lines[line] = QTreeWidgetItem(head, [_short(line), "", ""])
                    item.setToolTip(0, _tr(line))
                index = columns.index(column) + 1 if column in columns else 1
                item.setText(index, _value(r.display))
                self._shown.append((_tr(name), _tr(line), _tr(column), _value(r.display)))
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """What the tab shows: (section, line, column, value), in the window's language."""
        return list(self._shown)

    def setRowCount(self, rows: int) -> None:
        """Empty the tab (the dashboard's clear() empties every table with setRowCount(0))."""
        if rows == 0:
            self.tree.clear()
            self._shown = []
