"""Issue 21 through the real window on a real vault: a family client linked to a client,
notes of each support kind, the family follow-up, and the client list's kind filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    PLAN_DOMAINS,
    ClientKind,
    ContactMode,
    Destination,
    Relationship,
    SupportKind,
)
from coachdesk.ui.family import FamilyFollowUpDialog
from coachdesk.ui.forms._common import select_data
from coachdesk.ui.main_window import PAGE_CLIENTS, MainWindow
from coachdesk.ui.workspace import TAB_KEYS, EditClientDialog
from tests.ui.conftest import MakeWindow, unlock


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)


def _add_client(
    qtbot: QtBot, window: MainWindow, given: str, family: str, kind: ClientKind, loved: int = 0
) -> int:
    window.add_client()
    dialog = window.add_dialog
    assert isinstance(dialog, EditClientDialog)
    form = dialog.form
    _idle(qtbot, window)  # the loved-one choices arrive from the worker
    form.given_name.setText(given)
    form.family_name.setText(family)
    select_data(form.kind, kind.value)
    if loved:
        assert form.loved_one.isEnabled() and form.loved_one.findData(loved) > 0
        select_data(form.loved_one, loved)
        select_data(form.relationship, Relationship.PARENT.value)
    form.save_button.click()
    qtbot.waitUntil(lambda: window.workspace.client is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.workspace.client.family_name == family, timeout=10_000)
    _idle(qtbot, window)
    return window.workspace.client_id or 0


def _read(qtbot: QtBot, window: MainWindow, fn):  # type: ignore[no-untyped-def]
    result: list[object] = []
    window.db.call(fn, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def test_a_family_client_linked_to_a_client_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    window = make_window()
    unlock(qtbot, window)
    person = _add_client(qtbot, window, "Brael", "Ostrum", ClientKind.PERSON_IN_RECOVERY)
    ws = window.workspace
    assert ws.barc_badge.isVisible() and not ws.family_button.isVisible()
    mother = _add_client(qtbot, window, "Ilsa", "Ostrumova", ClientKind.FAMILY_MEMBER, person)
    assert ws.client is not None and ws.client.linked_client_id == person
    qtbot.waitUntil(lambda: "Brael Ostrum" in ws.details.text(), timeout=5_000)
    assert ws.details.text().endswith(" · Family member (Parent) of Brael Ostrum")
    assert ws.family_button.isVisible() and not ws.barc_badge.isVisible()
    for key in ("capital", "outcomes"):  # BARC-10 and SUPRT are for the person in recovery
        assert not ws.tabs.isTabVisible(TAB_KEYS.index(key))
    combo = ws.plan_editor.domain_combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [d.value for d in PLAN_DOMAINS[ClientKind.FAMILY_MEMBER]]

    # one note of each support kind, typed into the notes form
    ws.tabs.setCurrentIndex(TAB_KEYS.index("notes"))
    form = ws.note_form
    for kind in SupportKind:
        mode = ContactMode.GROUP if kind == SupportKind.GROUP else ContactMode.PHONE
        select_data(form.mode, mode.value)
        select_data(form.support, kind.value)
        assert form.destination.isVisibleTo(form) == (kind == SupportKind.ACCOMPANIMENT)
        if kind == SupportKind.ACCOMPANIMENT:
            select_data(form.destination, Destination.COURT.value)
        form.text.setPlainText(f"We talked ({kind.value})")
        form.duration.setValue(30)
        form.save_button.click()
        qtbot.waitUntil(lambda: form.text.toPlainText() == "", timeout=10_000)
        _idle(qtbot, window)
    shown = [ws.notes_list.tree.topLevelItem(i) for i in range(len(SupportKind))]
    assert any("Accompaniment: Court" in item.text(1) for item in shown if item)

    # the family follow-up, from the header's button
    ws.family_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FamilyFollowUpDialog))
    _idle(qtbot, window)
    select_data(dialog.form.answers["loved_one_in_treatment"], True)
    select_data(dialog.form.answers["own_support"], False)
    dialog.form.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.history.rowCount() == 1, timeout=10_000)
    assert dialog.form.history.item(0, 1).text() == "Yes"
    assert dialog.form.history.item(0, 3).text() == "No"
    dialog.close()

    # what the vault holds
    def read(c: Caseload) -> tuple[object, ...]:
        return (c.notes(mother), c.family_followups(mother), c.family_of(person))

    notes, followups, family = _read(qtbot, window, read)
    assert {n.support for n in notes} == set(SupportKind)
    assert [n.destination for n in notes if n.support == SupportKind.ACCOMPANIMENT] == [
        Destination.COURT
    ]
    (followup,) = followups
    assert followup.loved_one_in_treatment is True and followup.own_support is False
    assert followup.loved_one_in_support is None
    assert family == [(mother, "Ilsa Ostrumova")]

    # the person's header names their family; the list filters by kind
    window.open_client(person)
    qtbot.waitUntil(lambda: ws.details.text().endswith(" · Family: Ilsa Ostrumova"))
    window.go(PAGE_CLIENTS)
    page = window.clients_page
    select_data(page.kind, ClientKind.FAMILY_MEMBER.value)
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [mother], timeout=10_000)
    assert page.model.data(page.model.index(0, 6)) == "Family member"
