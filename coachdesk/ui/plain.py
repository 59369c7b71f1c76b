"""The few widget helpers the lock screen needs, in a leaf with no imports beyond Qt: the lock
screen is painted before the rest of the window's modules load (issue 18, app/startup.py).
ui/common.py hands them on to the rest of the window. Threading: GUI thread only."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFrame, QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give `widget` an accessible name (what a screen reader says) and optional tooltip."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def title_label(text: str, name: str = "title") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    return widget


def card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    return frame
