"""The desk's Support tab (issue 21): the funder report's support rows, in the window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import Filters
from coachdesk.rco.report import support_rows
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach


def test_support_tab_shows_the_reports_rows(qtbot: QtBot, tmp_path: Path) -> None:
    desk, _ = RcoDesk.create(
        tmp_path / "rco", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    folder = tmp_path / "usb"
    folder.mkdir()
    (tmp_path / "c").mkdir()
    coach = new_coach(tmp_path / "c", desk.enrollment(), desk.fingerprint, 120, 21, notes=8)
    coach.export().rename(folder / "c.cdbundle")
    desk.import_paths([folder])
    (device,) = desk.devices()
    desk.confirm_device(device.fingerprint, "Coach 1")
    expected = support_rows(desk.figures(Filters()))
    desk.close()

    window = RcoWindow(tmp_path / "rco")
    qtbot.addWidget(window)
    window.show()
    window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.refreshed, timeout=30000):
        window.start.unlock_button.click()
    tab = window.dashboard.support
    assert window.dashboard.tables.indexOf(tab) >= 0
    qtbot.waitUntil(lambda: bool(tab.rows()), timeout=10000)
    shown = {(s, a, b): v for s, a, b, v in tab.rows()}
    assert len(shown) == len(expected)
    for row in expected:
        key = (row.section, row.measure, row.category)
        if key not in shown:  # sections whose lines are categories
            key = (row.section, row.category, row.measure)
        assert shown[key] == row.display, key
    # contacts and hours by support kind are published here (small cells are not)
    assert any(v.isdigit() for (_, _, c), v in shown.items() if c == "Contacts")
    assert any(v.replace(".", "").isdigit() for (_, _, c), v in shown.items() if c == "Hours")
    assert not any(v.isdigit() and 0 < int(v) < 11 for v in shown.values())
    window.dashboard.clear()
    assert tab.rows() == []
    window.close()
