"""Session notes through the real window (issue 17): the history beside a reading pane, the
new-note form shown only while writing, Enter / double-click reads a note in full, and a note
corrected by a dated, audited addendum shown under it. Also: Today says what a session
follow-up follows up, a family client's overview has no BARC-10, Famil&y follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app.settings import Settings
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    ClientKind,
    ClientStatus,
    ContactMode,
    FamilyFollowUp,
    Relationship,
    SessionNote,
    Setting,
    SupportKind,
)
from coachdesk.storage.vault import Vault
from coachdesk.ui.forms._common import select_data
from coachdesk.ui.main_window import PAGE_TODAY, MainWindow
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.window_pages import seed_record, settle

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LONG = "First line of a long note.\n" + "\n".join(
    f"Line {i} of what happened." for i in range(2, 9)
)


def _open_notes(qtbot: QtBot, window: MainWindow, cid: int) -> None:
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    settle(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_4, ALT)
    settle(qtbot, window)
    assert window.workspace.tabs.currentIndex() == TAB_KEYS.index("notes")


def _seed_notes(vault_path: Path, cid: int, n: int) -> None:
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        for i in range(n):
            at = datetime(2025, 12, 1 + i, 10, 0, tzinfo=UTC)
            c.add_note(SessionNote(cid, at, ContactMode.PHONE, LONG if i == n - 1 else f"N{i}"))


def test_read_a_note_in_full_and_add_an_addendum(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    _seed_notes(coach_vault, cid, 20)
    window = make_window()
    window.resize(1366, 700)
    unlock(qtbot, window)
    _open_notes(qtbot, window, cid)
    ws = window.workspace
    listing, reader = ws.notes_list, ws.note_reader
    # The form is not open: the history has the page's height and shows many rows.
    assert ws.notes_side.currentWidget() is reader and not ws.note_form.isVisible()
    row = listing.tree.visualItemRect(listing.tree.topLevelItem(0)).height()
    assert listing.tree.viewport().height() // row >= 15
    # The newest note is in the reading pane, whole, at once.
    newest = listing.shown_ids()[0]
    assert reader.note_id() == newest and "Line 8 of what happened." in reader.body.toPlainText()
    # Enter on another row reads it, the focus on its text (a screen reader reads it).
    listing.tree.setFocus()
    qtbot.keyClick(listing.tree, Qt.Key.Key_Down)
    qtbot.keyClick(listing.tree, Qt.Key.Key_Return)
    second = listing.shown_ids()[1]
    assert reader.note_id() == second and QApplication.focusWidget() is reader.body
    # A double-click on the newest reads it again.
    item = listing.tree.topLevelItem(0)
    assert item is not None
    spot = listing.tree.visualItemRect(item).center()
    qtbot.mouseDClick(listing.tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert reader.note_id() == newest

    # An empty addendum is refused where it is typed; nothing is written.
    reader.addendum.setFocus()
    qtbot.keyClick(reader.addendum, Qt.Key.Key_Return, CTRL)
    assert reader.error.isVisible() and reader.error.text() == "Write the addendum first."
    reader.addendum.setPlainText("She called back on Thursday.")
    qtbot.keyClick(reader.addendum, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter adds it
    qtbot.waitUntil(lambda: "She called back" in reader.body.toPlainText(), timeout=5_000)
    settle(qtbot, window)
    text = reader.body.toPlainText()
    assert text.index("Line 8 of what happened.") < text.index("She called back on Thursday.")
    assert "Addendum, " in text and ", by coach" in text
    assert reader.addendum.toPlainText() == "" and not reader.error.isVisible()
    top = listing.tree.topLevelItem(0)
    assert top is not None and top.text(2).startswith("(+ 1 addendum) First line")
    trail: list[list[object]] = []
    window.db.call(lambda c: c.audit_trail(cid), trail.append)
    qtbot.waitUntil(lambda: bool(trail), timeout=5_000)
    words = [ws.audit_view.describe(e) for e in trail[0]]  # type: ignore[arg-type]
    assert "Added an addendum to a session note" in words
    with Vault.open(coach_vault, PASSPHRASE) as v:
        (note,) = [n for n in Caseload(v).notes(cid) if n.id == newest]
    assert note.text == LONG and [a.text for a in note.addenda] == ["She called back on Thursday."]


def test_the_new_note_form_opens_only_while_writing(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    window = make_window()
    unlock(qtbot, window)
    _open_notes(qtbot, window, cid)
    ws = window.workspace
    form = ws.note_form
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier
    )
    assert ws.notes_side.currentWidget() is ws.note_scroll and form.isVisible()
    assert QApplication.focusWidget() is form.text
    # Where to is asked only of an accompaniment.
    assert not form.destination.isVisible()
    select_data(form.support, SupportKind.ACCOMPANIMENT.value)
    assert form.destination.isVisible()
    select_data(form.support, SupportKind.CRISIS_CONTACT.value)
    assert not form.destination.isVisible()
    # Cancel folds the form away, back to the reading pane.
    form.text.setPlainText("half a thought")
    form.cancel_button.click()
    assert ws.notes_side.currentWidget() is ws.note_reader and not form.isVisible()
    assert form.text.toPlainText() == ""
    # Ctrl+S saves; the new note is then read in the pane.
    ws.focus_new_note()
    form.text.setPlainText("Went over the bus routes to the clinic.")
    qtbot.keyClick(form.text, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(ws.notes_list.shown_ids()) == 2, timeout=5_000)
    settle(qtbot, window)
    assert ws.notes_side.currentWidget() is ws.note_reader
    assert "Went over the bus routes" in ws.note_reader.body.toPlainText()


def assert_follow_up_words_shown(window: MainWindow, title: str) -> None:
    """Today lists the session follow-up under its group with its words whole in the What
    column (not cut, in the window's width); the tooltip has the title and the words."""
    due = window.today_page.due
    words = "Bring ID to the next session"
    rows = [
        (due.topLevelItem(i), due.topLevelItem(i).child(j))  # type: ignore[union-attr]
        for i in range(due.topLevelItemCount())
        for j in range(due.topLevelItem(i).childCount())  # type: ignore[union-attr]
    ]
    (group, item), *_ = [(g, c) for g, c in rows if c is not None and c.text(1) == words]
    assert group is not None and item is not None
    assert group.text(0).startswith(window.today_page._group_name("note_follow_up"))
    assert item.toolTip(1) == f"{title}: {words}"
    needed = due.fontMetrics().horizontalAdvance(words) + 2 * due.indentation()
    assert needed <= due.columnWidth(1), (needed, due.columnWidth(1))
    assert due.header().length() <= due.viewport().width()  # no sideways scrolling


def test_today_says_what_follows_up_and_a_family_overview_has_no_barc10(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        family = c.add_client(
            Client(
                "Lorna",
                "Quillan",
                date(2026, 1, 5),
                Setting.COMMUNITY,
                kind=ClientKind.FAMILY_MEMBER,
                linked_client_id=cid,
                relationship=Relationship.PARENT,
            )
        )
        c.record_family_followup(FamilyFollowUp(family, date(2026, 2, 3), True, None, False))
    window = make_window()
    unlock(qtbot, window)
    window.go(PAGE_TODAY)
    settle(qtbot, window)
    # The follow-up's own words, whole in the column at 1366x768 (its group names the kind).
    assert_follow_up_words_shown(window, "Follow-up from last session")

    window.open_client(family)
    qtbot.waitUntil(lambda: window.workspace.client_id == family, timeout=5_000)
    ws = window.workspace
    ws.tabs.setCurrentIndex(TAB_KEYS.index("overview"))
    settle(qtbot, window)
    title = ws.overview.parts["barc"][0]
    assert title.text() == "Latest family follow-up" and "BARC" not in ws.overview.text_of("barc")
    assert "Loved one in treatment: yes" in ws.overview.text_of("barc")
    assert "Their own support: no" in ws.overview.text_of("barc")
    assert ws.family_button.isVisible() and ws.family_button.text() == "Famil&y follow-up…"
    assert mnemonic_clashes(window) == []
    # The person in recovery's overview keeps the BARC-10.
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    ws.tabs.setCurrentIndex(TAB_KEYS.index("profile"))
    ws.tabs.setCurrentIndex(TAB_KEYS.index("overview"))
    settle(qtbot, window)
    assert ws.overview.parts["barc"][0].text() == "Latest BARC-10"
    assert "of 60" in ws.overview.text_of("barc")


def test_spanish_reading_pane(qtbot: QtBot, make_window: MakeWindow, coach_vault: Path) -> None:
    cid = seed_record(coach_vault)
    window = make_window("es")
    unlock(qtbot, window)
    _open_notes(qtbot, window, cid)
    reader = window.workspace.note_reader
    assert reader.add_button.text() == "Añadir adenda"
    assert reader.addendum.accessibleName() == "Adenda"
    assert "Próximos pasos:" in reader.body.toPlainText()
    assert window.workspace.family_button.text() == "&Hacer seguimiento familiar…"


def test_after_a_contact_a_lost_client_is_offered_active_again(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    with Vault.open(coach_vault, PASSPHRASE) as v:
        Caseload(v).set_status(cid, ClientStatus.LOST_CONTACT, date(2026, 1, 9), "no answer")
    window = make_window()
    unlock(qtbot, window)
    _open_notes(qtbot, window, cid)
    ws = window.workspace
    form = ws.note_form
    # A contact attempt does not: the client was not reached.
    ws.focus_new_note()
    form.attempt_only.setChecked(True)
    form.save_button.click()
    qtbot.waitUntil(lambda: len(ws.notes_list.shown_ids()) == 2, timeout=5_000)
    assert not ws.reactivate_bar.isVisible()
    ws.focus_new_note()
    form.text.setPlainText("Met Teo at the clinic door; we talked for ten minutes.")
    form.save_button.click()
    qtbot.waitUntil(ws.reactivate_bar.isVisible, timeout=5_000)
    assert "is marked Lost contact" in ws.reactivate_text.text()
    ws.reactivate_button.click()
    qtbot.waitUntil(lambda: not ws.reactivate_bar.isVisible(), timeout=5_000)
    settle(qtbot, window)
    assert ws.client is not None and ws.client.status == ClientStatus.ACTIVE
    with Vault.open(coach_vault, PASSPHRASE) as v:
        stored = Caseload(v).get_client(cid)
    assert stored.status == ClientStatus.ACTIVE and stored.status_reason.startswith("Back in")


def test_recent_clients_are_remembered_in_the_vault_across_a_restart(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, settings: Settings
) -> None:
    cid = seed_record(coach_vault)
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    settle(qtbot, window)
    window.lock("shortcut")
    window.close()
    assert "Quillan" not in settings.path.read_text(encoding="utf-8")  # nothing in settings
    again = make_window()  # a new window: the program started again
    unlock(qtbot, again)
    again.go(PAGE_TODAY)
    settle(qtbot, again)
    recent = again.today_page.recent
    assert [recent.item(i).text() for i in range(recent.count())] == ["Teo Quillan"]


def test_todays_follow_up_words_fit_in_spanish(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    seed_record(coach_vault)
    window = make_window("es")
    unlock(qtbot, window)
    window.go(PAGE_TODAY)
    settle(qtbot, window)
    assert_follow_up_words_shown(window, "Seguimiento de la última sesión")
