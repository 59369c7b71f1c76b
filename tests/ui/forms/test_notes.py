"""NoteForm (quick add, attempt only, inline validation) and NotesList (list, search)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, ContactMode, SessionNote, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.forms import NoteForm, NotesList
from coachdesk.ui.forms.notes import snippet_html
from tests.ui.forms.helpers import show_active, unnamed

NOW = datetime(2026, 5, 4, 15, 30, tzinfo=UTC)


def make_form(qtbot: QtBot) -> NoteForm:
    form = NoteForm(now=lambda: NOW)
    show_active(qtbot, form)
    form.set_goals(["Get back to work", "Find a place of my own"])
    form.set_note(None, 4)
    return form


def test_quick_add_through_the_widgets(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    local = datetime(2026, 5, 3, 10, 15)  # local wall-clock time as typed by the coach
    form.occurred_at.setDateTime(QDateTime(QDate(2026, 5, 3), QTime(10, 15)))
    form.duration.setValue(45)
    form.mode.setCurrentIndex(form.mode.findData(ContactMode.PHONE))
    qtbot.keyClicks(form.location, "Peer room")
    form.goals.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.text, "We talked about the housing application.")
    qtbot.keyClicks(form.next_steps, "Bring ID")
    form.follow_up.check.click()
    form.follow_up.edit.setDate(QDate(2026, 5, 10))
    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == SessionNote(
        4,
        local.astimezone(UTC),
        ContactMode.PHONE,
        "We talked about the housing application.",
        45,
        "Peer room",
        ["Find a place of my own"],
        "Bring ID",
        date(2026, 5, 10),
        False,
    )


def test_empty_note_refused_inline_but_attempt_only_accepted(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text() == "The note is required."
    assert form.text.hasFocus()
    form.attempt_only.setFocus()
    qtbot.keyClick(form.attempt_only, Qt.Key.Key_Space)
    assert form.attempt_only.isChecked()
    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    note = blocker.args[0]
    assert note.attempt_only and note.text == "" and note.duration_minutes == 0
    assert note.occurred_at == NOW


def test_edit_round_trip(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    original = SessionNote(
        4,
        datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
        ContactMode.GROUP,
        "Group talk",
        60,
        "Day room",
        ["An old goal"],
        "Next week",
        date(2026, 4, 8),
        False,
        id=31,
    )
    form.set_note(original, 4)
    assert form.note() == original
    assert form.goals.count() == 3  # the two plan goals and the old one, still ticked


def test_notes_list_and_search_against_a_real_vault(qtbot: QtBot, vault: Vault) -> None:
    caseload = Caseload(vault)
    client_id = caseload.add_client(
        Client("Tralen", "Moquist", date(2026, 1, 5), Setting.COMMUNITY)
    )
    texts = [
        ("We filled in the housing application together.", False),
        ("Talked about the Tuesday meeting and the bus pass.", False),
        ("No answer; left a message.", True),
    ]
    for day, (text, attempt) in enumerate(texts, start=1):
        caseload.add_note(
            SessionNote(
                client_id,
                datetime(2026, 2, day, 10, tzinfo=UTC),
                ContactMode.IN_PERSON,
                text,
                0 if attempt else 30,
                attempt_only=attempt,
            )
        )
    listing = NotesList()
    show_active(qtbot, listing)
    listing.set_notes(caseload.notes(client_id))
    notes = caseload.notes(client_id)
    assert listing.shown_ids() == [
        n.id for n in sorted(notes, key=lambda n: n.occurred_at, reverse=True)
    ]
    assert listing.status.text() == "Notes: 3 (contact attempts: 1)."
    # Typing emits a debounced search; Enter emits at once.
    with qtbot.waitSignal(listing.search_requested, timeout=2000) as typed:
        qtbot.keyClicks(listing.search, "housing")
    assert typed.args == ["housing"]
    with qtbot.waitSignal(listing.search_requested) as entered:
        qtbot.keyClick(listing.search, Qt.Key.Key_Return)
    hits = caseload.search_notes(entered.args[0], client_id)
    listing.set_search_results(hits)
    assert listing.shown_ids() == [hits[0].note_id]
    item = listing.tree.topLevelItem(0)
    assert item is not None and "<b>housing</b>" in item.data(1, Qt.ItemDataRole.UserRole + 1)
    assert listing.status.text() == "Notes that match “housing”: 1."
    listing.tree.grab()  # the snippet delegate paints without error
    # Clearing the box brings the notes back and tells the shell.
    with qtbot.waitSignal(listing.search_requested) as cleared:
        listing.search.selectAll()
        qtbot.keyClick(listing.search, Qt.Key.Key_Delete)
    assert cleared.args == [""]
    assert len(listing.shown_ids()) == 3
    with qtbot.waitSignal(listing.note_activated) as opened:
        listing.tree.setCurrentItem(listing.tree.topLevelItem(0))
        listing.tree.setFocus()
        qtbot.keyClick(listing.tree, Qt.Key.Key_Return)
    assert opened.args == [listing.shown_ids()[0]]


def test_snippet_markup_is_escaped() -> None:
    assert snippet_html("a <b> [match] & more") == "a &lt;b&gt; <b>match</b> &amp; more"


def test_accessible_names(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    listing = NotesList()
    show_active(qtbot, listing)
    assert unnamed(form) == [] and unnamed(listing) == []


def test_reset_keeps_client_and_goals(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.text.setPlainText("Something")
    form.reset()
    assert form.text.toPlainText() == "" and form.client_id == 4 and form.goals.count() == 2
    form.client_id = 9
    form.text.setPlainText("Another")
    note = form.note()
    assert note is not None and note.client_id == 9


def test_search_finds_the_words_of_an_addendum(qtbot: QtBot, vault: Vault) -> None:
    """A note is corrected only by an addendum: a search finds the corrected fact there,
    says so in the list, keeps to the client and to the newest `limit` notes."""
    caseload = Caseload(vault)
    mine, other = (
        caseload.add_client(Client(given, "Moquist", date(2026, 1, 5), Setting.COMMUNITY))
        for given in ("Tralen", "Osrid")
    )
    ids = [
        caseload.add_note(
            SessionNote(
                cid,
                datetime(2026, 2, day, 10, tzinfo=UTC),
                ContactMode.IN_PERSON,
                text,
                30,
            )
        )
        for day, (cid, text) in enumerate(
            [
                (mine, "Talked about the bus pass."),
                (mine, "Filled in the housing form with the landlord."),
                (other, "Met at the library."),
                (mine, "Phoned about the clinic."),
            ],
            start=1,
        )
    ]
    caseload.add_addendum(ids[0], "Correction: the landlord called, not the clinic.")
    caseload.add_addendum(ids[2], "The landlord is Mr Brask.")
    found = caseload.search_notes("landlord", mine)
    # Newest note first; the note that names the landlord itself shows its own passage.
    assert [(h.note_id, h.in_addendum) for h in found] == [(ids[1], False), (ids[0], True)]
    assert "[landlord]" in found[1].snippet and "Correction" in found[1].snippet
    assert [h.note_id for h in caseload.search_notes("landl")] == [ids[2], ids[1], ids[0]]
    assert [h.note_id for h in caseload.search_notes("landlord", limit=2)] == [ids[2], ids[1]]
    assert caseload.search_notes("brask", mine) == []
    # A prefix no note holds still finds the addendum (the notes' spelled-out terms are none).
    assert [h.note_id for h in caseload.search_notes("corr")] == [ids[0]]
    listing = NotesList()
    show_active(qtbot, listing)
    listing.search.setText("landlord")
    listing.set_search_results(found)
    assert listing.shown_ids() == [ids[1], ids[0]]
    row = listing.tree.topLevelItem(1)
    assert row is not None and row.text(1).startswith("In an addendum: Correction")
    assert "<b>landlord</b>" in row.data(1, Qt.ItemDataRole.UserRole + 1)
    assert vault.check().ok  # the new index agrees with the addenda
