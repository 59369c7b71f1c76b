"""Helpers shared by the form-widget tests (GUI thread only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def interactive_children(root: QWidget) -> list[QWidget]:
    """Every focusable input or button under `root`, leaving out the parts Qt builds inside
    composite widgets (a spin box's line edit, a combo box's list, a table's corner button)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not root:
            if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView)):
                inside = True
                break
            parent = parent.parentWidget()
        if not inside:
            found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    """Descriptions of interactive children without an accessible name."""
    return [
        f"{type(w).__name__} {w.objectName()!r} text={getattr(w, 'text', lambda: '')()!r}"
        for w in interactive_children(root)
        if not w.accessibleName().strip()
    ]


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show `widget` as the active window, so focus and mnemonics work offscreen."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
