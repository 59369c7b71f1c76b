"""A Settings save never rebuilds the window: after every Settings path (idle minutes, language,
vault folder, backup) each shortcut is bound once and acts (Ctrl+1-4, Ctrl+F, F9,
Ctrl+Shift+E, and last Ctrl+L locks), and the Sync menu is there exactly once, before Help.

Before the menu registry, any Save rebuilt the window: every QAction was added a second time
("Ambiguous shortcut overload: Control+L", so Ctrl+L did nothing) and the Sync menu vanished.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.exchange import ExportDialog
from coachdesk.ui.main_window import (
    PAGE_CLIENTS,
    PAGE_RESOURCES,
    PAGE_TODAY,
    PAGE_WORKSPACE,
    MainWindow,
)
from coachdesk.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock

CTRL = Qt.KeyboardModifier.ControlModifier


def save_settings(
    qtbot: QtBot, window: MainWindow, change: Callable[[SettingsDialog], None]
) -> None:
    window.open_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    change(dialog)
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    activate(qtbot, window)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    # A window manager gives the focus back when a modal dialog closes; offscreen Qt does not.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def key(window: MainWindow, k: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    QTest.keyClick(window, k, modifier)


def check_window(qtbot: QtBot, window: MainWindow, picked: list[str], menu_title: str) -> None:
    """Every shortcut bound once and acting, the Sync menu once; ends with Ctrl+L locking."""
    shortcuts = Counter(
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    )
    assert shortcuts and max(shortcuts.values()) == 1, shortcuts
    sync_menus = [a for a in window.menuBar().actions() if a.objectName() == "syncMenu"]
    assert len(sync_menus) == 1 and sync_menus[0].text() == menu_title
    names = window.menus.names()
    assert names.index("sync") == names.index("help") - 1
    for k, page in ((Qt.Key.Key_2, PAGE_CLIENTS), (Qt.Key.Key_3, PAGE_RESOURCES)):
        key(window, k)
        assert window.pages.currentIndex() == page
    key(window, Qt.Key.Key_1)
    assert window.pages.currentIndex() == PAGE_TODAY
    key(window, Qt.Key.Key_4)  # a client is open: its workspace
    assert window.pages.currentIndex() == PAGE_WORKSPACE
    key(window, Qt.Key.Key_F)
    assert window.pages.currentIndex() == PAGE_CLIENTS
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.clients_page.search)
    before = len(picked)
    key(window, Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier)  # no inbox: asks for a folder
    qtbot.waitUntil(lambda: len(picked) == before + 1, timeout=5_000)
    key(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.exchange.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    activate(qtbot, window)
    key(window, Qt.Key.Key_L)
    assert window.stack.currentWidget() is window.unlock_page and not window.db.is_open


@pytest.mark.parametrize("path", ["idle", "language", "folder", "backup"])
def test_every_shortcut_acts_once_after_a_settings_save(
    qtbot: QtBot,
    make_window: MakeWindow,
    coach_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Ada", "Quill", date(1990, 1, 2), Setting.COMMUNITY))
    usb = tmp_path / "usb"
    usb.mkdir()
    picked: list[str] = []

    def pick(*_a: object, **_k: object) -> str:
        picked.append("asked")
        return str(usb) if path == "backup" and len(picked) == 1 else ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    window = make_window()
    unlock(qtbot, window)
    if path != "language":  # the language is first switched with no client open
        window.open_client(cid)
        qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    title = "&Sync"
    if path == "idle":
        save_settings(qtbot, window, lambda d: d.idle.setValue(9))
        assert window.idle.minutes == 9 and window.settings.get(opts.IDLE_MINUTES) == 9
    elif path == "language":
        save_settings(
            qtbot, window, lambda d: d.language.setCurrentIndex(d.language.findData("es"))
        )
        assert window.nav.item(0).text() == "Hoy"
        title = "&Sincronizar"
        # Still on Today, and Today is what shows (not a renewed page left behind it).
        assert window.nav.currentRow() == PAGE_TODAY
        assert window.pages.currentWidget() is window.today_page
        qtbot.waitUntil(lambda: window.today_page.summary.text() != "", timeout=5_000)
        window.open_client(cid)
        qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    elif path == "folder":
        elsewhere = tmp_path / "elsewhere"
        save_settings(qtbot, window, lambda d: d.folder.setText(str(elsewhere)))
        assert window.settings.vaults_dir() == elsewhere
    else:

        def backup(d: SettingsDialog) -> None:
            d.backup_button.click()
            qtbot.waitUntil(lambda: any(usb.glob("*.cdbackup")), timeout=10_000)
            qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)

        save_settings(qtbot, window, backup)
        picked.clear()
    # The window itself was not rebuilt: the same actions, the same page widgets as before.
    check_window(qtbot, window, picked, title)
    # Twice more for good measure: nothing piles up, whatever the path.
    if path != "folder":
        unlock(qtbot, window)
        save_settings(qtbot, window, lambda d: None)
        window.open_client(cid)
        qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
        check_window(qtbot, window, picked, title)


def test_a_language_switch_retranslates_today_and_clients_in_place(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        Caseload(v).add_client(Client("Ada", "Quill", date(1990, 1, 2), Setting.COMMUNITY))
    window = make_window()
    unlock(qtbot, window)
    today, clients = window.today_page, window.clients_page
    window.go(PAGE_CLIENTS)
    qtbot.keyClicks(clients.search, "Qu")
    clients.status.setCurrentIndex(clients.status.findData("active"))
    qtbot.waitUntil(lambda: clients.model.total == 1 and not window.db.busy, timeout=5_000)
    model = clients.model

    def header(column: int) -> str:
        return str(model.headerData(column, Qt.Orientation.Horizontal))

    assert header(0) == "Name" and clients.status.currentText() == "Active"
    window.apply_language("es")
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    assert window.today_page is today and window.clients_page is clients  # not rebuilt
    assert window.pages.currentWidget() is clients
    assert clients.search.text() == "Qu" and clients.status.currentData() == "active"
    assert header(0) == "Nombre" and clients.status.currentText() == "Activo/a"
    assert clients.heading.text() == "Participantes" and today.heading.text() == "Hoy"
    assert model.index(0, 2).data() == "Activo/a" and model.total == 1
    window.apply_language("en")
    assert header(0) == "Name" and clients.heading.text() == "Clients"
