"""A dialog keeps its words whole (issue 17). A dialog with wrapped words has a height that
depends on its width, and Qt gives such a window no least size: when the words wrap to one
line more than the first size allowed (Spanish, a message shown later, a style's font), the
rest of the dialog is squeezed, its fields lower than their text. `keep_words_whole` grows
the dialog, within its screen's room, to what its layout needs at its width whenever the
dialog is shown or its layout asks again. It never shrinks a dialog. GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialog, QWidget

from coachdesk.ui.plain import screen_room


class _Grow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        asked = event.type() == QEvent.Type.LayoutRequest
        if isinstance(watched, QWidget) and (shown or (asked and watched.isVisible())):
            grow(watched)
        return False


def grow(dialog: QWidget) -> None:
    """Make `dialog` as wide as its layout's least width and as high as its words need at
    that width, within its screen's room; never smaller than it is."""
    layout = dialog.layout()
    if layout is None:
        return
    room = screen_room(dialog)
    width = min(max(dialog.width(), layout.totalMinimumSize().width()), room.width())
    height = dialog.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    height = min(max(height, layout.totalMinimumSize().height()), room.height())
    if (width, height) != (dialog.width(), dialog.height()) and (
        width >= dialog.width() and height >= dialog.height()
    ):
        dialog.resize(width, height)


def keep_words_whole(dialog: QDialog) -> None:
    """Grow `dialog` whenever its words need more room (see the module's words)."""
    dialog.installEventFilter(_Grow(dialog))
