"""First run (issue 17): with no vault yet the start screen says what to do, not "CoachDesk is
locked" over an empty vault box; New vault has the focus so Enter creates one; the start frame
fits a 1366x768 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.ui.unlock import UnlockPage


def test_first_run_welcomes_and_enter_creates_a_vault(qtbot: QtBot) -> None:
    page = UnlockPage()
    qtbot.addWidget(page)
    page.set_vaults([])
    page.show()
    page.focus_passphrase()
    assert "locked" not in page.heading.text()
    assert "create your vault" in page.heading.text()
    assert not page.vault_combo.isVisibleTo(page)
    assert page.focusWidget() is page.new_button
    with qtbot.waitSignal(page.create_requested, timeout=1000):
        qtbot.keyClick(page.new_button, Qt.Key.Key_Return)
    page.set_vaults([Path("/nowhere/alex.cdvault")])
    assert page.heading.text() == "CoachDesk is locked" and page.vault_combo.isVisibleTo(page)
