"""Broken files through the supervisor's window (pytest-qt, offscreen): Import files… with a
truncated bundle, a bundle with one flipped byte and a file that is no bundle at all.

Each is listed as rejected with its own plain reason; the store is unchanged (devices,
bundles, flags, episodes, pending bundles compared before and after, as tests/fault does); a
good bundle imported next in the same window still goes in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import ImportSummary, Outcome
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE
from tests.fault.test_import_faults import _state
from tests.rco_support import new_coach, new_rco
from tests.ui.test_gui_faults import assert_plain


def _pick_files(monkeypatch: pytest.MonkeyPatch, files: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *_a, **_k: ([str(f) for f in files], "CoachDesk exports (*.cdbundle)"),
    )


def _import_files(
    qtbot: QtBot, window: RcoWindow, files: list[Path], mp: pytest.MonkeyPatch
) -> ImportSummary:
    """Import files… as the supervisor clicks it; the file picker answers with `files`."""
    _pick_files(mp, files)
    with qtbot.waitSignal(window.imported, timeout=60_000) as signal:
        window.importer.files_button.click()
    qtbot.waitUntil(lambda: window.importer.files_button.isEnabled(), timeout=10_000)
    summary = signal.args[0]
    assert isinstance(summary, ImportSummary)
    return summary


def _rows(window: RcoWindow) -> list[tuple[str, str, str]]:
    table = window.importer.results
    return [
        tuple(table.item(r, c).text() for c in range(3))  # type: ignore[misc, union-attr]
        for r in range(table.rowCount())
    ]


def test_broken_files_are_rejected_plainly_and_change_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_rco(tmp_path / "rco")
    (tmp_path / "coach").mkdir()
    coach = new_coach(tmp_path / "coach", desk.enrollment(), desk.fingerprint, 10, 4, notes=2)
    desk.import_paths([coach.export()])
    desk.confirm_device(coach.fingerprint)
    good = coach.export()
    data = good.read_bytes()
    usb = tmp_path / "usb"
    usb.mkdir()
    middle = len(data) // 2
    (usb / "truncated.cdbundle").write_bytes(data[: len(data) // 3])
    (usb / "flipped.cdbundle").write_bytes(
        data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
    )
    (usb / "notes.txt").write_text("Meeting notes for Tuesday\n")
    before = _state(desk)
    desk.close()

    window = _open_window(qtbot, tmp_path / "rco")
    hostile = sorted(usb.iterdir())
    summary = _import_files(qtbot, window, hostile, monkeypatch)
    assert [r.outcome for r in summary.results] == [Outcome.REJECTED] * 3
    rows = _rows(window)
    assert sorted(name for name, _, _ in rows) == sorted(p.name for p in hostile)
    for name, result, why in rows:
        assert result == "rejected", (name, result)
        assert_plain(why)
    reasons = {name: why for name, _, why in rows}
    assert (
        "cannot be decrypted" in reasons["truncated.cdbundle"]
        or "truncated" in (reasons["truncated.cdbundle"])
    )
    assert "altered" in reasons["flipped.cdbundle"]
    assert "not a CoachDesk export" in reasons["notes.txt"]
    text = window.importer.summary.text()
    assert "0 imported" in text and "3 rejected" in text
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert not [b for b in boxes if b.isVisible()]  # listed in the table, no error dialog
    window.close()

    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:
        assert _state(desk) == before  # nothing of the rejected files went in
        assert desk.backend.store.check().ok  # type: ignore[attr-defined]

    # The window still imports a good bundle afterwards.
    again = _open_window(qtbot, tmp_path / "rco")
    summary = _import_files(qtbot, again, [good], monkeypatch)
    assert [r.outcome for r in summary.results] == [Outcome.IMPORTED]
    again.close()
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:
        assert _state(desk) != before
    coach.close()


def _open_window(qtbot: QtBot, store: Path) -> RcoWindow:
    window = RcoWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.start.unlock_button.click()
    return window
