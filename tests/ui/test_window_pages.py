"""Every page of the real window at 1366x768, in English and Spanish: no two widgets shown
together share an Alt letter (menu bar, page, form), nothing lies outside the window, no
button or label text is cut, no page scrolls sideways, every date is written one way (the
language's, with a four-digit year), and every interactive widget has a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.qt_a11y import accessible_nodes
from tests.ui.test_coach_day import visible_texts
from tests.ui.test_language_and_access import unnamed_widgets
from tests.ui.window_pages import every_page, seed_record

# A 1366x768 monitor less a task bar (40) and the window's title bar (28): the window's inside.
INSIDE = QSize(1366, 700)
# Left: the session-note form (ui/forms/notes.py) is being reworked on another branch; its
# letters clash with the menus'. The test fails once one is mended: then delete it here.
KNOWN: dict[str, dict[str, list[str]]] = {"en": {}, "es": {}}  # nothing known left
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")


def _scroller(widget: QWidget, window: MainWindow) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def fit_problems(window: MainWindow) -> list[str]:
    """What does not fit the window as shown: widgets outside it (or outside the width of the
    scroll area they are in: below its fold is fine), cut texts, sideways scroll bars."""
    problems = []
    frame = QRect(QPoint(0, 0), window.size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{type(widget).__name__} {widget.accessibleName()!r} scrolls")
        if isinstance(widget, QTabBar) and widget.sizeHint().width() > widget.width():
            problems.append(f"tabs cut: {widget.width()} < {widget.sizeHint().width()}")
        if not isinstance(widget, QAbstractButton | QLabel):
            continue
        text = widget.text()
        if not text or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        area = _scroller(widget, window)
        if area is not None:
            view = area.viewport()
            left = view.mapTo(window, QPoint(0, 0)).x()
            if box.left() < left or box.right() > left + view.width():
                problems.append(f"{text!r} outside the width of its pane")
        elif not frame.contains(box):
            problems.append(f"{text!r} outside the window: {box}")
        wanted = widget.sizeHint().width()
        if isinstance(widget, QLabel) and "<" in text:
            continue  # rich text: its size hint is not its text's width
        if wanted > widget.width() + 1:
            problems.append(f"{text!r} cut: {widget.width()} < {wanted}")
    return problems


_ROLE = QAccessible.Role
# What a screen reader lets the coach act on (AT-SPI gets these interfaces from Qt).
_ACTED_ON = {
    _ROLE.PushButton,
    _ROLE.CheckBox,
    _ROLE.RadioButton,
    _ROLE.ComboBox,
    _ROLE.EditableText,
    _ROLE.SpinBox,
    _ROLE.PageTab,
    _ROLE.List,
    _ROLE.Table,
    _ROLE.Tree,
    _ROLE.ButtonMenu,
    _ROLE.ButtonDropDown,
}


def unread_widgets(window: MainWindow) -> list[str]:
    """Interactive things on screen a screen reader would announce without a name, read
    through QAccessible as the AT-SPI bridge does. On Linux Qt gives a combo box its value as
    its name: it must be labelled by a visible label (the relation Orca reads) instead."""
    found = accessible_nodes(window, skip_invisible=True, depth=60)
    assert len(found) > 30  # the tree was read
    return [
        f"{node.role.name} {node.what}"
        for node in found
        if node.role in _ACTED_ON
        and (
            (node.role == _ROLE.ComboBox and not node.labelled)
            or not (node.name.strip() or node.labelled)
        )
    ]


def cut_cells(table: QTableWidget, columns: tuple[int, ...]) -> list[str]:
    """Cells of `columns` whose text is wider than their column (shown cut, with "...")."""
    cut = []
    for row in range(table.rowCount()):
        for column in columns:
            item = table.item(row, column)
            need = table.fontMetrics().horizontalAdvance(item.text()) if item else 0
            if need > table.columnWidth(column) - 6:  # the cell's padding
                cut.append(f"cell {item.text() if item else ''!r} cut")
    assert table.rowCount() > 0
    return cut


def tree_texts(window: MainWindow) -> str:
    """The rows under the top level of the visible trees (Today's items)."""
    parts = []
    for tree in window.findChildren(QTreeWidget):
        if tree.isVisible():
            for top in range(tree.topLevelItemCount()):
                parent = tree.topLevelItem(top)
                for row in range(parent.childCount() if parent else 0):
                    item = parent.child(row)  # type: ignore[union-attr]
                    parts += [item.text(c) for c in range(tree.columnCount())]
    return "\n".join(parts)


def date_problems(text: str, language: str) -> list[str]:
    """Dates written another way than the language's own (es d/M/yyyy, en M/d/yyyy)."""
    problems = []
    for match in DATE.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        month = second if language == "es" else first
        if len(match.group(3)) != 4 or month > 12:
            problems.append(match.group(0))
    return problems


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_fits_speaks_one_date_and_has_unique_mnemonics(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, language: str
) -> None:
    cid = seed_record(coach_vault)
    window = make_window(language)
    window.resize(INSIDE)
    unlock(qtbot, window)
    assert window.size() == INSIDE  # nothing's minimum size makes the window larger
    found: dict[str, list[str]] = {}
    dates_seen = 0
    for page in every_page(qtbot, window, cid):
        problems = [f"mnemonic {c}" for c in mnemonic_clashes(window)]
        problems += fit_problems(window)
        texts = visible_texts(window) + "\n" + tree_texts(window)
        dates_seen += len(DATE.findall(texts))
        problems += [f"date {d}" for d in date_problems(texts, language)]
        problems += [f"no name: {w}" for w in unnamed_widgets(window)]
        problems += [f"unread: {w}" for w in unread_widgets(window)]
        if page == "resources":
            problems += cut_cells(window.resources_page.table, (3, 4))
        if problems:
            found[page] = problems
    assert found == KNOWN[language], "\n".join(
        f"{page}: {p}" for page, ps in found.items() for p in ps
    )
    assert dates_seen > 10  # the walk did see the record's dates
