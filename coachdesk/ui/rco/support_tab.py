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
from coachdesk.rco.report import support_rows

_CONTEXT = "SupportTab"


def _tr(text: str) -> str:
    """The report's English words in the window's language (coachdesk_family_es.ts)."""
    return QCoreApplication.translate(_CONTEXT, text) if text else ""


def _value(display: str) -> str:
    # numbers stay as they are; "suppressed", "no records", "none due" are words
    return display if display[:1].isdigit() else _tr(display)


class SupportTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_tr("Figure"), _tr("Value")])
        self.tree.setAccessibleName(_tr("Support given and family follow-up"))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)

    @classmethod
    def add_to(cls, tables: QTabWidget) -> SupportTab:
        tab = cls()
        tables.addTab(tab, _tr("Support"))
        return tab

    def show_figures(self, fig: Figures) -> None:
        self.tree.clear()
        section: QTreeWidgetItem | None = None
        for row in support_rows(fig):
            if section is None or section.text(0) != _tr(row.section):
                section = QTreeWidgetItem(self.tree, [_tr(row.section), ""])
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                section.setFirstColumnSpanned(True)
            words = _tr(row.measure)
            if row.category:
                words = f"{words}: {_tr(row.category)}"
            item = QTreeWidgetItem(section, [words, _value(row.display)])
            item.setToolTip(0, words)
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str]]:
        """What the tab shows, as (figure, value) lines (sections have an empty value)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            if section is None:
                continue
            out.append((section.text(0), ""))
            for j in range(section.childCount()):
                child = section.child(j)
                if child is not None:
                    out.append((child.text(0), child.text(1)))
        return out

    def setRowCount(self, rows: int) -> None:
        """Empty the tab (the dashboard's clear() empties every table with setRowCount(0))."""
        if rows == 0:
            self.tree.clear()
