"""First run (issue 17): with no vault yet the start screen says what to do, not "CoachDesk is
locked" over an empty vault box and a passphrase with nothing to open; New vault has the focus
so Enter creates one; in English and Spanish. (The start frame fits: test_staged_start.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.ui.unlock import UnlockPage

WORDS = {
    "en": ("Welcome to CoachDesk", "create yours", "CoachDesk is locked"),
    "es": ("Bienvenido/a a CoachDesk", "cree la suya", "CoachDesk está bloqueado"),
}


@pytest.fixture(params=sorted(WORDS))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    create_app()
    translations.install(request.param)
    yield request.param
    translations.install("en")


def test_first_run_welcomes_and_enter_creates_a_vault(qtbot: QtBot, language: str) -> None:
    welcome, create, locked = WORDS[language]
    page = UnlockPage()
    qtbot.addWidget(page)
    page.set_vaults([])
    page.show()
    page.focus_passphrase()
    assert page.heading.text() == welcome and create in page.subtitle.text()
    # Nothing to choose, type or recover before a vault exists: New vault is all there is.
    hidden = (page.vault_combo, page.vault_label, page.passphrase, page.show_passphrase)
    assert not any(w.isVisibleTo(page) for w in hidden)
    assert not page.unlock_button.isVisibleTo(page)
    assert not page.recovery_button.isVisibleTo(page)
    assert page.focusWidget() is page.new_button
    with qtbot.waitSignal(page.create_requested, timeout=1000):
        qtbot.keyClick(page.new_button, Qt.Key.Key_Return)
    page.set_vaults([Path("/nowhere/alex.cdvault")])
    assert page.heading.text() == locked
    assert all(w.isVisibleTo(page) for w in (*hidden, page.unlock_button, page.recovery_button))
