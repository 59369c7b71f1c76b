"""The RCO desk runs on the coach window's infrastructure: the same worker with its lock
generation (a refresh asked for just before a lock never refills a table behind the start
page), the same idle lock (input, suspend/screen lock), the same bootstrap (`--lang`, the
settings store with language and idle minutes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QEnterEvent,
    QHoverEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from coachdesk.ui.rco.plots import BarChart, ChartData
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach
from tests.ui.conftest import FakeClock
from tests.ui.qt_a11y import accessible_nodes


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store with one confirmed coach device, its records and a directory entry."""
    desk, _ = RcoDesk.create(
        tmp_path / "rco", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    (tmp_path / "c").mkdir()
    coach = new_coach(tmp_path / "c", desk.enrollment(), desk.fingerprint, 14, 7)
    try:
        desk.import_paths([coach.export()])
        desk.confirm_device(coach.fingerprint, "Coach Ada")
    finally:
        coach.close()
    desk.save_directory_entry(
        Resource("Eastside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD], phone="555-0100")
    )
    desk.close()
    return tmp_path / "rco"


def _open(qtbot: QtBot, window: RcoWindow) -> None:
    qtbot.addWidget(window)
    window.show()
    window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.start.unlock_button.click()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)


def shown_texts(window: RcoWindow) -> list[str]:
    """Everything the unlocked part of the window shows: table cells, labels, fields, combos."""
    texts: list[str] = []
    for table in window.tabs.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                item = table.item(row, col)
                texts.append(item.text() if item else "")
    texts += [w.text() for w in window.tabs.findChildren(QLineEdit)]
    for combo in window.tabs.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(1, combo.count())]  # beyond "All ..."
    texts += [w.text() for w in window.tabs.findChildren(QLabel)]
    return texts


def test_refresh_then_lock_leaves_nothing_on_screen(qtbot: QtBot, store: Path) -> None:
    create_app()
    fresh = RcoWindow(store)
    qtbot.addWidget(fresh)
    QApplication.processEvents()  # the curation form's Alt letters are given after the build
    never_unlocked = sorted(shown_texts(fresh))
    window = RcoWindow(store)
    _open(qtbot, window)
    window.tabs.setCurrentWidget(window.directory)
    window.directory.table.selectRow(0)
    assert window.devices.table.rowCount() == 1 and window.directory.table.rowCount() == 1
    assert window.dashboard.tiles["people"].value.text() not in ("", "–", "0")
    assert "Eastside MOUD Clinic" in shown_texts(window)
    assert "Coach Ada" in shown_texts(window)

    window.statusBar().showMessage("Device confirmed: Coach Ada")  # as after a confirmation
    window.refresh_all()  # answers come back after the lock below: they must be dropped
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.start
    assert window.worker.holder.desk is None  # closed on its thread: the key is gone
    assert sorted(shown_texts(window)) == never_unlocked
    for table in window.tabs.findChildren(QTableWidget):
        assert table.rowCount() == 0, table
    # the charts hold no figures, the title and status bar no name of the store
    for chart in window.tabs.findChildren(BarChart):
        assert chart.data == ChartData(""), chart
    assert "Harbor RCO" not in window.windowTitle()
    assert window.statusBar().currentMessage() == ""


def accessible_texts(window: RcoWindow) -> list[str]:
    """What a screen reader can read over the accessibility tree (AT-SPI gets these
    interfaces from Qt): the name, value and description of every node, hidden ones too."""
    nodes = accessible_nodes(window, skip_invisible=False)
    return [text for node in nodes for text in (node.name, node.value, node.description)]


def test_after_lock_no_record_value_is_read_over_the_accessibility_tree(
    qtbot: QtBot, store: Path
) -> None:
    create_app()
    window = RcoWindow(store)
    _open(qtbot, window)
    window.tabs.setCurrentWidget(window.devices)
    window.devices.table.selectRow(0)
    shown = " ".join(accessible_texts(window))
    records = ("Coach Ada", "Eastside MOUD Clinic", "555-0100")
    assert all(value in shown for value in records[:1]), "the tree was read while unlocked"
    window.refresh_all()
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    QApplication.processEvents()
    texts = accessible_texts(window)
    assert len(texts) > 100  # the whole tree, tabs behind the start page included
    assert not [t for t in texts for value in records if value in t]


def _idle_window(
    qtbot: QtBot, store: Path, tmp_path: Path, minutes: int
) -> tuple[RcoWindow, FakeClock]:
    """A desk whose idle minutes come from a settings store, on a fake clock."""
    create_app()
    settings = Settings(tmp_path / "settings.ini")
    settings.set(opts.IDLE_MINUTES, minutes)
    clock = FakeClock()
    return RcoWindow(store, settings=settings, clock=clock, idle_check_ms=20), clock


def test_idle_minutes_come_from_the_settings_and_suspend_locks(
    qtbot: QtBot, store: Path, tmp_path: Path
) -> None:
    window, clock = _idle_window(qtbot, store, tmp_path, 7)
    assert window.idle.minutes == 7
    _open(qtbot, window)
    clock.advance(6 * 60)
    qtbot.wait(100)
    assert window.stack.currentWidget() is window.tabs  # 6 minutes: still open
    clock.advance(61)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start, timeout=2_000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=5_000)
    assert window.worker.holder.desk is None

    _open(qtbot, window)
    window.idle.platform_lock.emit("suspend")  # what PrepareForSleep / the screen saver say
    assert window.stack.currentWidget() is window.start


def test_input_counts_a_widget_under_a_still_mouse_does_not_and_no_event_restarts_the_timer(
    qtbot: QtBot, store: Path, tmp_path: Path
) -> None:
    window, clock = _idle_window(qtbot, store, tmp_path, 5)
    _open(qtbot, window)
    table = window.dashboard.demographics.viewport()
    timer_id = window.idle.timer.timerId()
    clock.advance(4 * 60)
    for x in range(200):  # a page appearing under a still mouse: enter and hover, no input
        QApplication.sendEvent(table, QEnterEvent(QPointF(x, 5), QPointF(x, 5), QPointF(x, 5)))
        QApplication.sendEvent(
            table,
            QHoverEvent(QEvent.Type.HoverMove, QPointF(x, 5), QPointF(x, 5), QPointF(x, 4)),
        )
    assert window.idle.timer.timerId() == timer_id  # ordinary events never restart it
    clock.advance(61)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start, timeout=2_000)

    _open(qtbot, window)
    clock.advance(4 * 60)
    timer_id = window.idle.timer.timerId()
    for x in range(200):  # the supervisor moves the mouse and types: someone is there
        QApplication.sendEvent(
            table,
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(x, 5),
                QPointF(x, 5),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    assert window.idle.timer.timerId() == timer_id  # one clock read each, no timer restart
    QApplication.sendEvent(
        window.dashboard.period,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier),
    )
    clock.advance(2 * 60)  # 6 minutes since the unlock, 2 since the last input
    qtbot.wait(100)
    assert window.stack.currentWidget() is window.tabs
    clock.advance(3 * 60 + 1)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start, timeout=2_000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=5_000)


def test_rco_desk_lang_es_opens_in_spanish(
    qtbot: QtBot, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk.cli.main import main

    monkeypatch.setenv("COACHDESK_HOME", str(tmp_path / "home"))
    opened: list[RcoWindow] = []
    monkeypatch.setattr(RcoWindow, "show", lambda self: opened.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    try:
        assert main(["rco", "desk", str(store), "--lang", "es"]) == 0
        (window,) = opened
        qtbot.addWidget(window)
        assert translations.current() == "es"
        assert window.windowTitle() == "CoachDesk — escritorio de la RCO"
        assert window.tabs.tabText(0) == "&Panel"
        assert window.start.unlock_button.text() == "&Desbloquear"
        assert Settings().get(opts.LANGUAGE) == "es"  # kept, as the coach window keeps it
    finally:
        translations.install("en")


def _failures(store: Path) -> int:
    path = store / "unlock-failures.json"
    return len(json.loads(path.read_text())["failures"]) if path.is_file() else 0


def test_wrong_passphrase_keeps_focus_and_an_empty_one_counts_nothing(
    qtbot: QtBot, store: Path
) -> None:
    create_app()
    window = RcoWindow(store)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    start = window.start
    assert QApplication.focusWidget() is start.passphrase  # the store is named: type at once
    qtbot.keyClicks(start.passphrase, "wrong wrong wrong")
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not open" in start.message.text(), timeout=30_000)
    assert start.message.text() == "The passphrase does not open this store."  # not "vault"
    assert QApplication.focusWidget() is start.passphrase  # never the "New folder" field
    assert start.passphrase.selectedText() == "wrong wrong wrong"  # typing replaces it
    assert _failures(store) == 1

    start.passphrase.clear()
    start.unlock_button.click()  # refused before the store is asked: no attempt is counted
    assert start.message.text() == "Type the store's passphrase."
    assert QApplication.focusWidget() is start.passphrase
    qtbot.wait(200)
    assert not window.worker.busy and _failures(store) == 1
    assert window.stack.currentWidget() is start

    # Retyped, right this time: no field that shows its text ever held it.
    typed: list[str] = []
    for field in window.findChildren(QLineEdit):
        if field.echoMode() != QLineEdit.EchoMode.Password:
            field.textChanged.connect(typed.append)
    qtbot.keyClicks(QApplication.focusWidget(), PASSPHRASE)
    assert start.passphrase.text() == PASSPHRASE
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.tabs
    assert not [t for t in typed if PASSPHRASE in t or "wrong wrong" in t]
    plain = [
        f.text()
        for f in window.findChildren(QLineEdit)
        if f.echoMode() != QLineEdit.EchoMode.Password
    ]
    assert not [t for t in plain if PASSPHRASE in t or "wrong wrong" in t]
    assert start.passphrase.text() == ""  # cleared once used
