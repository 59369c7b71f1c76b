"""The supervisor's window (pytest-qt, offscreen): first run, unlock, import on the worker
thread with progress while the GUI keeps ticking, device confirmation, dashboard figures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.application.rco_desk import fingerprint_tail
from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE


def _window(qtbot: QtBot, store: Path | None = None) -> RcoWindow:
    window = RcoWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def _unlock(qtbot: QtBot, window: RcoWindow, passphrase: str = PASSPHRASE) -> None:
    window.start.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.refreshed, timeout=30000):
        window.start.unlock_button.click()


def test_first_run_creates_store_and_shows_code_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot)
    start = window.start
    start.new_path.setText(str(tmp_path / "rco"))
    start.rco_name.setText("Harbor RCO")
    start.new_pass.setText(PASSPHRASE)
    start.new_pass2.setText(PASSPHRASE + "x")
    start.create_button.click()
    assert "do not match" in start.message.text()
    start.new_pass2.setText(PASSPHRASE)
    with qtbot.waitSignal(window.refreshed, timeout=60000):
        start.create_button.click()
    assert window.stack.currentWidget() is window.tabs
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    text = boxes[-1].text()
    assert "Recovery code" in text
    window.close()
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:
        assert desk.name == "Harbor RCO" and desk.fingerprint in text
    # a wrong passphrase: one plain message, stays on the start page
    again = _window(qtbot, tmp_path / "rco")
    again.start.passphrase.setText("wrong wrong wrong")
    again.start.unlock_button.click()
    qtbot.waitUntil(lambda: "does not open" in again.start.message.text(), timeout=30000)
    assert again.stack.currentWidget() is again.start
    # Kept selected in the field it was typed in, so typing again replaces it.
    assert again.start.passphrase.selectedText() == "wrong wrong wrong"
    again.close()


def test_import_confirm_dashboard(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.rco_support import new_coach

    desk, _ = RcoDesk.create(
        tmp_path / "rco", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    folder = tmp_path / "usb"
    folder.mkdir()
    coaches = []
    for i, clients in enumerate((40, 25)):
        (tmp_path / f"c{i}").mkdir()
        coach = new_coach(tmp_path / f"c{i}", desk.enrollment(), desk.fingerprint, clients, 50 + i)
        for _ in range(12):
            path = coach.export()
            path.rename(folder / f"c{i}-{path.name}")
        coaches.append(coach)
    (folder / "zz-broken.cdbundle").write_bytes(b"CDBUNDLE\x01 broken")
    desk.close()

    window = _window(qtbot, tmp_path / "rco")
    _unlock(qtbot, window)
    assert window.dashboard.tiles["people"].value.text() == "no records"

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    progress_values: list[int] = []
    window.importer.progress.valueChanged.connect(progress_values.append)
    with qtbot.waitSignal(window.imported, timeout=120000) as signal:
        window.import_paths([str(folder)])
        assert not window.importer.folder_button.isEnabled()
    timer.stop()
    summary = signal.args[0]
    assert summary.count("pending") == 24 and summary.count("rejected") == 1
    assert len(ticks) > 3  # the GUI thread kept running while the worker imported
    assert progress_values[-1] == 25 and window.importer.progress.maximum() == 25
    assert "24 waiting" in window.importer.summary.text()
    assert "1 rejected" in window.importer.summary.text()
    assert window.importer.results.rowCount() == 25
    qtbot.waitUntil(lambda: window.devices.table.rowCount() == 2, timeout=10000)

    formats: list[str] = []  # the bar's words at each step
    window.importer.progress.valueChanged.connect(
        lambda _v: formats.append(window.importer.progress.format())
    )
    for i, coach in enumerate(coaches):
        with qtbot.waitSignal(window.refreshed, timeout=60000):
            window._confirm(coach.fingerprint, fingerprint_tail(coach.fingerprint), f"Coach {i}")
    # Each confirmation imported data: the dashboard's first view was prepared (issue 14),
    # the bar said so, then gave the import page back.
    assert "Preparing the dashboard's figures… %p%" in formats
    assert window.importer.progress.format() == "%p%"
    assert window.importer.folder_button.isEnabled()
    qtbot.waitUntil(lambda: window.dashboard.tiles["people"].value.text() == "65", timeout=10000)
    assert window.dashboard.tiles["sessions"].value.text() != "suppressed"
    # follow-up chart: counts (due, in window, late, missed) with the rate in each label
    chart = window.dashboard.followup.data
    assert not chart.percent and len(chart.series) == 4
    assert all(":" in group for group in chart.groups)
    assert window.dashboard.completeness.rowCount() == 2  # both confirmed devices
    assert window.dashboard.completeness.item(0, 2).text() == "covered"
    assert window.dashboard.demographics.rowCount() >= 8

    # filter by coach: the figure follows
    combo = window.dashboard.device
    index = combo.findText("Coach 1")
    with qtbot.waitSignal(window.refreshed, timeout=30000):
        combo.setCurrentIndex(index)
    assert window.dashboard.tiles["people"].value.text() == "25"

    image = window.dashboard.followup.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 4  # something was drawn
    window.close()
    for coach in coaches:
        coach.close()
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:
        assert desk.backend.get_meta(f"figures.family.{desk.policy.small_cell}.all")


def test_directory_publish_lock_and_idle_lock(qtbot: QtBot, tmp_path: Path) -> None:
    from coachdesk.core.models import Pathway, Resource, ResourceCategory
    from coachdesk.exchange.directory import FILE_NAME, parse_directory

    desk, _ = RcoDesk.create(tmp_path / "rco", PASSPHRASE, params=kdf.minimum_params())
    keys = desk.identity.public
    desk.close()
    window = _window(qtbot, tmp_path / "rco")
    _unlock(qtbot, window)
    page = window.directory
    page.name.setText("Eastside MOUD Clinic")
    page.category.setCurrentIndex(page.category.findData("moud"))
    page.set_pathways([Pathway.MOUD])
    page.phone.setText("555-0100")
    page._save()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    assert page.name.text() == "Eastside MOUD Clinic" and page.ref
    outbox = tmp_path / "inbox"
    outbox.mkdir()
    window._publish(str(outbox))
    qtbot.waitUntil(lambda: (outbox / FILE_NAME).is_file(), timeout=10000)
    serial, entries = parse_directory((outbox / FILE_NAME).read_bytes(), keys)
    assert serial == 1
    assert [(e.name, e.category, e.pathways) for e in entries] == [
        ("Eastside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD])
    ]
    qtbot.waitUntil(lambda: "serial 1" in page.serial.text(), timeout=10000)
    _ = Resource  # the entry type the page emits

    window.lock()
    assert window.stack.currentWidget() is window.start
    assert window.directory.table.rowCount() == 0
    _unlock(qtbot, window)
    assert window.stack.currentWidget() is window.tabs
    window.close()

    idle = RcoWindow(tmp_path / "rco", idle_minutes=0.002)  # ~120 ms
    qtbot.addWidget(idle)
    idle.show()
    _unlock(qtbot, idle)
    qtbot.waitUntil(lambda: idle.stack.currentWidget() is idle.start, timeout=5000)
    idle.close()
