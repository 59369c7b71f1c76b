"""The few widget helpers the lock screen needs, in a leaf with no imports beyond Qt: the lock
screen is painted before the rest of the window's modules load (issue 18, app/startup.py).
ui/common.py hands them on to the rest of the window. Threading: GUI thread only."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
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


# The window's size when nothing is remembered: a 1366x768 facility monitor's width, never
# more than the screen's free area (less the task bar) minus a title bar, which Qt cannot
# know before the window manager has framed the window (issue 17: 1280x820 ran off the screen).
DEFAULT_WINDOW = QSize(1366, 820)
TITLE_BAR = 30


def screen_room(widget: QWidget) -> QSize:
    """The largest size a window of `widget`'s screen can have and stay whole on it: the free
    area (less the task bar) minus a title bar. A dialog sized within it keeps its buttons on
    a 1366x768 monitor (issue 17: the print preview opened 900 pixels high)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16_777_215, 16_777_215)
    free = screen.availableGeometry()
    return QSize(free.width(), max(free.height() - TITLE_BAR, 200))


def fit_to_screen(window: QWidget, wanted: QSize = DEFAULT_WINDOW) -> None:
    """Size `window` to `wanted` (its remembered geometry when smaller) within its screen's
    free area, and move it inside that area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(wanted)
        return
    free = screen.availableGeometry()
    size = wanted.boundedTo(screen_room(window))
    left = min(max(window.x(), free.left()), free.right() + 1 - size.width())
    top = min(max(window.y(), free.top()), free.bottom() + 1 - size.height() - TITLE_BAR)
    window.setGeometry(QRect(left, max(top, free.top()), size.width(), size.height()))


def place_window(window: QWidget, geometry: QByteArray | None) -> None:
    """Give `window` its remembered `geometry` (Settings' GEOMETRY), or the default size, kept
    inside its screen's free area: one rule for the start-up frame and the main window, so the
    window that takes the frame's place keeps its size."""
    if geometry:
        window.restoreGeometry(geometry)
    fit_to_screen(window, window.size() if geometry else DEFAULT_WINDOW)
