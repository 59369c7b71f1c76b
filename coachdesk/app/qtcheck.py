"""The Qt part of `coachdesk --self-test`."""

from __future__ import annotations

import os
from typing import Any


def check() -> dict[str, Any]:
    if (
        not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and os.name != "nt"
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])  # kept alive while painting
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.drawLine(0, 0, 15, 15)
    painter.end()
    return {"pyside6": pyside_version, "platform": QGuiApplication.platformName()}
