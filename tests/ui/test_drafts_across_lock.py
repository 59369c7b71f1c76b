"""Unsaved forms are kept across a lock through their own to_draft()/from_draft(), the whole of
them: a note keeps its mode, minutes, location, next steps and follow-up date, not only its
text; a consent and a half-typed new client come back as typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, ContactMode, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import PAGE_WORKSPACE
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock


def test_a_note_draft_keeps_everything_across_lock_and_unlock(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Ines", "Marlow", date(1991, 2, 3), Setting.COMMUNITY))
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid, TAB_KEYS.index("notes"))
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid, timeout=5_000)
    assert not ws.note_form.is_dirty()  # an untouched form leaves no draft behind
    form = ws.note_form
    form.mode.setCurrentIndex(form.mode.findData(ContactMode.PHONE.value))
    form.duration.setValue(25)
    form.location.setText("Unit B dayroom")
    form.text.setPlainText("Talked through the weekend plan.")
    form.next_steps.setText("Call the housing office")
    form.follow_up.set_value(date(2026, 5, 4))
    typed = form.to_draft()["note"]

    window.lock("shortcut")
    assert ws.note_form.text.toPlainText() == ""  # nothing left on screen while locked
    unlock(qtbot, window)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid and not window.db.busy, timeout=5_000)
    assert (
        window.pages.currentIndex() == PAGE_WORKSPACE
        and ws.tabs.currentIndex() == TAB_KEYS.index("notes")
    )
    form = ws.note_form
    assert form.mode.currentData() == ContactMode.PHONE.value
    assert form.duration.value() == 25
    assert form.location.text() == "Unit B dayroom"
    assert form.text.toPlainText() == "Talked through the weekend plan."
    assert form.next_steps.text() == "Call the housing office"
    assert form.follow_up.value() == date(2026, 5, 4)
    assert form.to_draft()["note"] == typed  # the occurred-at time too

    form.save_button.click()  # saved: the draft is gone, the next lock brings nothing back
    qtbot.waitUntil(lambda: not window.db.busy and not ws.note_form.is_dirty(), timeout=5_000)
    window.lock("shortcut")
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    assert window.workspace.note_form.text.toPlainText() == ""


def test_a_half_typed_new_client_and_consent_come_back(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Odile", "Brandt", date(1985, 7, 8), Setting.COMMUNITY))
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid, TAB_KEYS.index("profile"))
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid, timeout=5_000)
    ws.new_consent()
    ws.consent_form.recipients.setText("Harbor Housing")
    ws.consent_form.purpose.setText("Housing application")
    window.add_client()
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    window.add_dialog.form.given_name.setText("Pavel")
    window.add_dialog.form.phone.setText("555-0142")

    window.lock("shortcut")
    unlock(qtbot, window)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid and not window.db.busy, timeout=5_000)
    assert not ws.consent_scroll.isHidden()
    assert ws.consent_form.recipients.text() == "Harbor Housing"
    assert ws.consent_form.purpose.text() == "Housing application"
    window.add_client()
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    assert window.add_dialog.form.given_name.text() == "Pavel"
    assert window.add_dialog.form.phone.text() == "555-0142"
    window.add_dialog.reject()
