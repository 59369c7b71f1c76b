"""The window's start in two steps (issue 18, app/startup.py): the lock screen is painted from
a minimal set of modules, the main window is built around the same page once the rest has
loaded, and nothing the coach typed or clicked meanwhile is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.app.startup import StagedStart
from coachdesk.ui.plain import DEFAULT_WINDOW, TITLE_BAR
from tests.conftest import PASSPHRASE, REPO

# What must not load before the lock screen is painted: the storage and crypto layers, the
# exchange, the use cases, the client forms, the PDF library, the main window; and what the lock
# screen was cut down to do without (issue 18): SQLCipher (proved to work on the loader thread;
# only its presence is checked first), the command line, the window's shared helpers, menus and
# vault dialogs, dataclasses, datetime, and gettext's locale lookups (argparse's).
HEAVY = (
    "coachdesk.storage.vault",
    "coachdesk.storage.repos",
    "coachdesk.crypto",
    "coachdesk.exchange",
    "coachdesk.application",
    "coachdesk.reports",
    "coachdesk.ui.forms.notes",
    "coachdesk.ui.workspace",
    "coachdesk.ui.main_window",
    "coachdesk.i18n.catalog",
    "cryptography",
    "reportlab",
    "sqlcipher3",
    "coachdesk.cli",
    "coachdesk.i18n",
    "coachdesk.ui.common",
    "coachdesk.ui.menus",
    "coachdesk.ui.vault_dialogs",
    "coachdesk.ui.unlock_dialogs",
    "coachdesk.ui.forms",
    "dataclasses",
    "datetime",
    "locale",
)

# The real start (`coachdesk --quit-when-shown`: __main__.main, the options, the application,
# the staged start), stopped where the benchmark stops: the lock screen's first paint is done.
PROBE = """
import json, os, sys
from coachdesk.app import bootstrap

def painted():
    import PySide6.QtCore
    qt_enums = "Qt" in PySide6.QtCore.__dict__  # PySide6 builds the Qt namespace on first use
    print(json.dumps([qt_enums, sorted(sys.modules)]), flush=True)
    os._exit(0)

bootstrap._painted_exit = painted
from coachdesk.__main__ import main
main(["--quit-when-shown", "--vault-dir", sys.argv[1]])
"""


def test_the_lock_screen_is_painted_from_a_minimal_import_set(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "COACHDESK_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    vault = tmp_path / "vaults" / "ana"
    vault.mkdir(parents=True)
    for name in ("vault.db", "keyslots.json"):
        (vault / name).touch()  # listed, never opened
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(vault.parent)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    qt_enums, loaded = json.loads(done.stdout.splitlines()[-1])
    assert "coachdesk.ui.unlock" in loaded and "coachdesk.app.startup" in loaded
    assert not qt_enums, "the lock screen named Qt.*: its first use builds every Qt enum"
    early = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert early == [], early


def _staged(qtbot: QtBot, settings: Settings) -> StagedStart:
    create_app()
    return StagedStart(settings)  # its frame deletes itself once the window took its place


def test_an_unlock_clicked_before_the_rest_loaded_is_carried_out(
    qtbot: QtBot, settings: Settings, coach_vault: Path
) -> None:
    start = _staged(qtbot, settings)
    start.show()
    page = start.page
    assert page.selected_vault() == coach_vault
    page.passphrase.setText(PASSPHRASE)
    assert start.window is None
    page.unlock_button.click()  # before the loader was even polled: finishes step 2 at once
    window = start.window
    assert window is not None and window.unlock_page is page
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.shell, timeout=10_000)
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    assert window.vault_path == coach_vault and window.isVisible()
    window.lock("test")


def test_the_window_adopts_the_page_with_what_was_typed(
    qtbot: QtBot, settings: Settings, coach_vault: Path
) -> None:
    start = _staged(qtbot, settings)
    start.show()
    geometry = start.frame.geometry()
    # The frame fits the screen as the window does (issue 17: its 1280x820 ran below 768).
    # (Shown, the offscreen platform moves it by its 2-pixel frame: compare sizes.)
    free = QApplication.primaryScreen().availableGeometry()
    assert geometry.height() <= free.height() - TITLE_BAR and free.contains(geometry.topLeft())
    assert geometry.width() == min(free.width(), DEFAULT_WINDOW.width()), (geometry, free)
    start.page.passphrase.setText("half typ")
    qtbot.waitUntil(lambda: start.window is not None, timeout=10_000)  # the loader's poll
    window = start.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.unlock_page is start.page
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.passphrase.text() == "half typ"  # nothing cleared
    # It takes the frame's place and size; on the 800-pixel test screen no narrower than its
    # own minimum (983 pixels: the frame is 800 here, 1366 on a facility monitor).
    assert window.isVisible() and window.geometry().topLeft() == geometry.topLeft()
    assert window.size() == geometry.size().expandedTo(window.minimumSizeHint())
    # The adopted page is wired to the window: a wrong passphrase is answered there.
    window.unlock_page.passphrase.setText("not the passphrase")
    window.unlock_page.unlock_button.click()
    page = window.unlock_page
    qtbot.waitUntil(lambda: "does not open" in page.message.text(), timeout=10_000)
    assert window.stack.currentWidget() is page and page.unlock_button.isEnabled()
