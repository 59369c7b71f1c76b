"""The desk's settings: the coach window's Settings dialog with the desk's part of it
(language, idle minutes), written to the one settings store both windows read; a language
change applied as the coach window applies it (the pages made again, the supervisor's place
carried over); the recovery code unlocks a store whose passphrase is forgotten."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.core.models import ResourceCategory
from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import Filters
from coachdesk.ui.rco.window import RcoWindow
from coachdesk.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.rco_support import DeskStore, desk_store
from tests.ui.rco.test_rco_desk_fit import _english_left
from tests.ui.rco.test_rco_desk_pages import idle, unlock
from tests.ui.rco.test_rco_window_infra import shown_texts

NEW_PASSPHRASE = "a new passphrase after the recovery code"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> DeskStore:
    return desk_store(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    create_app()
    yield Settings(tmp_path / "settings.ini")
    translations.install("en")


@pytest.fixture
def window(
    qtbot: QtBot, template: DeskStore, tmp_path: Path, settings: Settings
) -> Iterator[RcoWindow]:
    shutil.copytree(template.path, tmp_path / "rco")
    opened = RcoWindow(tmp_path / "rco", settings=settings)
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def save(qtbot: QtBot, window: RcoWindow, language: str, minutes: int) -> SettingsDialog:
    window.settings_button.click() if window.stack.currentWidget() is window.tabs else (
        window.start.settings_button.click()
    )
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.idle.setValue(minutes)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    idle(qtbot, window)
    return dialog


def test_the_desk_shows_the_coach_windows_dialog_with_its_part(
    qtbot: QtBot, window: RcoWindow
) -> None:
    window.start.settings_button.click()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and not dialog.vault
    # language and idle minutes; no vault location, no vault backup (the Store page has them)
    assert not hasattr(dialog, "folder") and not hasattr(dialog, "backup_button")
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert not [t for t in texts if "vault" in t.lower() or "back up" in t.lower()]
    assert [w for w in dialog.findChildren(QLineEdit) if w.isVisible()] == [
        dialog.idle.findChild(QLineEdit)
    ]
    dialog.reject()


def test_settings_change_language_and_idle_minutes_keeping_the_place(
    qtbot: QtBot, window: RcoWindow, settings: Settings, tmp_path: Path
) -> None:
    unlock(qtbot, window)
    # Where the supervisor is: the directory page, a new entry half typed, a period chosen.
    window.dashboard.period.setCurrentIndex(window.dashboard.period.findData("2026"))
    idle(qtbot, window)
    window.tabs.setCurrentWidget(window.directory)
    window.directory._new()
    window.directory.name.setText("Hope House")
    window.directory.category.setCurrentIndex(
        window.directory.category.findData(ResourceCategory.HOUSING.value)
    )
    window.directory.hours.setText("Mon-Fri 9-5")
    people = window.dashboard.tiles["people"].value.text()

    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        save(qtbot, window, "es", 9)
    idle(qtbot, window)
    # The one settings store the coach window reads too.
    again = Settings(tmp_path / "settings.ini")
    assert again.get(opts.LANGUAGE) == "es" and again.get(opts.IDLE_MINUTES) == 9
    assert window.idle.minutes == 9
    # In Spanish at once, every page and the start page.
    assert translations.current() == "es"
    assert window.tabs.tabText(0) == "&Panel" and window.lock_button.text() == "&Bloquear"
    assert window.store_name and window.windowTitle() == f"CoachDesk — {window.store_name}"
    for i in range(window.tabs.count()):
        assert _english_left(window.tabs.widget(i)) == [], i
    assert _english_left(window.start) == []
    # The same place: page, half-typed entry, the period and its figures, the lists filled.
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.directory
    assert window.directory.name.text() == "Hope House"
    assert window.directory.hours.text() == "Mon-Fri 9-5"
    assert window.directory.category.currentData() == ResourceCategory.HOUSING.value
    assert window.directory.category.currentText() == "Vivienda"
    assert window.dashboard.filters() == Filters("2026")
    assert window.dashboard.tiles["people"].value.text() == people
    assert window.devices.table.rowCount() == 2 and window.directory.table.rowCount() == 1
    assert window.devices.status_label(window.devices.devices[0].status) in (
        "confirmado",
        "pendiente",
    )
    # Nothing doubled: one start page and one set of tabs in the window.
    assert window.stack.count() == 2
    assert len(window.findChildren(type(window.dashboard))) == 1

    # Locking after the change still leaves nothing on screen.
    window.lock()
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.start
    assert "Hope House" not in shown_texts(window)
    for table in window.devices.findChildren(type(window.devices.table)):
        assert table.rowCount() == 0

    # Back to English from the start page, locked: the folder named stays.
    path = window.start.path.text()
    save(qtbot, window, "en", 5)
    assert translations.current() == "en" and window.idle.minutes == 5
    assert window.start.unlock_button.text() == "&Unlock"
    assert window.start.path.text() == path
    assert window.windowTitle() == "CoachDesk — RCO desk (locked)"
    assert QApplication.focusWidget() in (window.start.passphrase, None)


def test_recovery_code_unlocks_a_store_whose_passphrase_is_forgotten(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    desk, code = RcoDesk.create(
        tmp_path / "store", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    desk.close()
    window = RcoWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.start.recovery_button.click()  # no folder named yet: said so, nothing asked
    assert window.dialog is None and "Choose the store folder" in window.start.message.text()
    window.start.path.setText(str(tmp_path / "store"))
    dialog = window._recovery_dialog()
    assert dialog is not None and dialog.isVisible()
    assert "store" in dialog.intro.text() and "vault" not in dialog.intro.text()
    dialog.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=30_000)
    assert dialog.isVisible()  # refused plainly, in a supervisor's words; stays open
    assert dialog.message.text() == "The recovery code does not open this store."
    dialog.code.setText(code)
    with qtbot.waitSignal(dialog.succeeded, timeout=30_000):
        dialog.ok_button.click()
    assert dialog.code.text() == "" and dialog.new.text() == ""  # secrets cleared
    dialog.reject()
    unlock(qtbot, window, NEW_PASSPHRASE)
    assert window.stack.currentWidget() is window.tabs
    window.lock()
    idle(qtbot, window)
    with RcoDesk.open(tmp_path / "store", NEW_PASSPHRASE) as reopened:
        slots = [e for e in reopened.backend.audit_entries() if e.action == "unlock"]
        assert slots  # the unlock after the recovery was audited
