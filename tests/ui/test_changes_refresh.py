"""Writes say what they changed (coachdesk.application.changes) and the pages refresh from it:
a name edit and a new BARC-10 show in the Clients list with no manual refresh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.application.changes import CLIENT_LIST, Changes, Kind
from coachdesk.core.models import Client, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock


def listed(window: MainWindow) -> dict[str, str]:
    """The Clients table as shown: name -> BARC-10 column."""
    model = window.clients_page.model
    shown = {}
    for row in range(model.rowCount()):
        name = model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
        shown[str(name)] = str(model.index(row, 5).data(Qt.ItemDataRole.DisplayRole) or "")
    return shown


def test_changes_value() -> None:
    a = Changes.of(Kind.CLIENT, client=3) | Changes.of(Kind.BARC10, client=4)
    assert a.touches(*CLIENT_LIST) and not a.touches(Kind.RESOURCE)
    assert a.touches_client(3) and a.touches_client(4) and not a.touches_client(5)
    assert Changes.of(Kind.RESOURCE).touches_client(5)  # names no client: may touch any
    assert not Changes() and not Changes().touches_client(3)


def test_name_edit_and_new_barc10_show_in_the_clients_list(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        cid = c.add_client(Client("Maren", "Oduya", date(1988, 5, 6), Setting.COMMUNITY))
        c.add_client(Client("Tobin", "Achterberg", date(1979, 1, 9), Setting.JAIL_PRISON))
    window = make_window()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=5_000)
    before = listed(window)
    assert "Maren Oduya" in before, before
    window.open_client(cid)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid, timeout=5_000)

    ws.edit_client()
    form = ws.edit_dialog.form
    form.family_name.setText("Oduya-Lind")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Maren Oduya-Lind" in listed(window), timeout=5_000)
    assert "Maren Oduya" not in listed(window)

    ws.tabs.setCurrentIndex(TAB_KEYS.index("capital"))
    ws.barc_form.set_answers([5, 5, 4, 5, 4, 5, 5, 6, 4, 5])
    ws.barc_form.submit_button.click()
    qtbot.waitUntil(lambda: listed(window).get("Maren Oduya-Lind") == "48", timeout=5_000)
    assert listed(window)["Tobin Achterberg"] == ""
