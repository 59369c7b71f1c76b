"""The window never opens larger than the screen (issue 17: its 1280x820 default ran off a
1366x768 facility monitor): the default size and a remembered one from a bigger monitor are
kept inside the screen's free area, less a title bar."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.app.worker import Database
from coachdesk.crypto import kdf
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.plain import DEFAULT_WINDOW, TITLE_BAR, fit_to_screen


def _inside(window: QWidget) -> bool:
    free = QApplication.primaryScreen().availableGeometry()
    room = free.adjusted(0, 0, 0, -TITLE_BAR)
    return room.contains(window.geometry())


def test_the_default_and_a_remembered_size_fit_the_screen(qtbot: QtBot, settings: Settings) -> None:
    create_app()
    free = QApplication.primaryScreen().availableGeometry()
    assert free.width() < DEFAULT_WINDOW.width()  # the test screen is the smaller one
    window = MainWindow(settings, Database(kdf_params=kdf.minimum_params()))
    qtbot.addWidget(window)
    assert _inside(window) and window.width() == free.width()
    # Remembered on a big monitor, far to the right: brought back inside this one.
    big = QWidget()
    big.setGeometry(QRect(1500, 300, 1900, 1150))
    settings.set(opts.GEOMETRY, big.saveGeometry())
    again = MainWindow(settings, Database(kdf_params=kdf.minimum_params()))
    qtbot.addWidget(again)
    assert _inside(again), again.geometry()


def test_a_screen_larger_than_the_default_keeps_the_default(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    fit_to_screen(widget, QSize(600, 500))  # smaller than the 800x800 test screen
    assert widget.size() == QSize(600, 500) and _inside(widget)
