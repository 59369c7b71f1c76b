"""Fixtures for the window tests: a real MainWindow on a real vault, offscreen.

Key derivation uses the floor parameters (the conftest template vault, or Database(kdf_params=
minimum) for vaults the test creates through the window) so each test stays fast. The idle
clock is a fake the test moves forward; the idle timer checks it every 20 ms.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.app.worker import Database
from coachdesk.crypto import kdf
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(tmp_path / "settings.ini")
    s.set(opts.VAULTS_DIR, str(tmp_path / "vaults"))
    return s


@pytest.fixture
def coach_vault(template_vault: tuple[Path, str], settings: Settings) -> Path:
    """The template vault installed as this workstation's only coach vault."""
    target = settings.vaults_dir() / "river-coach"
    shutil.copytree(template_vault[0], target)
    return target


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings, clock: FakeClock) -> Iterator[MakeWindow]:
    create_app()

    def make(language: str = "en") -> MainWindow:
        settings.set(opts.LANGUAGE, language)
        translations.install(language)
        db = Database(kdf_params=kdf.minimum_params())
        window = MainWindow(settings, db, clock=clock, idle_check_ms=20)
        # The inside of a window on a 1366x768 monitor (the offscreen test screen is
        # 800x800, which the window's default size would keep to).
        window.resize(1366, 700)
        db.setParent(window)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    yield make
    translations.install("en")


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.shell, timeout=10_000)
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
