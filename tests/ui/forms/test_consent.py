"""ConsentForm (every 42 CFR 2.31 element, inline validation) and ConsentList (state, revoke)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Consent
from coachdesk.ui.forms import ConsentForm, ConsentList
from tests.ui.forms.helpers import show_active, unnamed

TODAY = date(2026, 5, 4)


def make_form(qtbot: QtBot) -> ConsentForm:
    form = ConsentForm(today=lambda: TODAY)
    show_active(qtbot, form)
    form.set_consent(None, 12, "Tralen Moquist")
    return form


def test_fill_in_every_element_and_read_back(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert form.patient.text() == "Tralen Moquist"
    assert form.signed_by.text() == "Tralen Moquist"  # prefilled, editable
    assert form.revocation_terms.toPlainText() == form.default_revocation_terms()
    qtbot.keyClicks(form.disclosing_party, "Demo Recovery Community")
    qtbot.keyClicks(form.information, "Attendance and progress in recovery support")
    qtbot.keyClicks(form.recipients, "Drug court coordinator")
    qtbot.keyClicks(form.purpose, "Coordination of care")
    form.expires_on.check.click()
    form.expires_on.edit.setDate(QDate(2027, 5, 4))
    form.signed_on.setDate(QDate(2026, 5, 1))
    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == Consent(
        12,
        "Demo Recovery Community",
        "Attendance and progress in recovery support",
        "Drug court coordinator",
        "Coordination of care",
        form.default_revocation_terms(),
        date(2027, 5, 4),
        "",
        "Tralen Moquist",
        date(2026, 5, 1),
    )


def test_expiry_event_instead_of_date(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    for edit, text in (
        (form.disclosing_party, "Program"),
        (form.recipients, "Court"),
        (form.purpose, "Care"),
        (form.expiry_event, "When the case closes"),
    ):
        edit.setText(text)
    form.information.setPlainText("Attendance")
    consent = form.consent()
    assert consent is not None
    assert consent.expires_on is None and consent.expiry_event == "When the case closes"


def test_missing_elements_are_shown_inline_and_nothing_emitted(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text() == "Who may disclose is required."
    assert form.disclosing_party.hasFocus()
    form.disclosing_party.setText("Program")
    form.information.setPlainText("Attendance")
    form.recipients.setText("Court")
    form.purpose.setText("Care")
    assert form.consent() is None
    assert form.error_text() == "Give an expiry date or an expiry event."
    label = form.errors.field_label("expires_on")
    assert label is not None and label.isVisible()
    form.expires_on.set_value(date(2026, 1, 1))  # before it was signed
    assert form.consent() is None
    assert form.error_text() == "The consent expires before it was signed."


def test_editing_keeps_revocation_and_id(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    original = Consent(
        3,
        "P",
        "I",
        "R",
        "U",
        "Revoke by telling me",
        None,
        "Case closes",
        "S",
        date(2026, 1, 1),
        revoked_on=date(2026, 2, 1),
        revocation_note="asked",
        id=88,
    )
    form.set_consent(original, 3, "A client")
    assert form.consent() == original


def consents() -> list[Consent]:
    base = dict(
        disclosing_party="Program",
        information="Attendance",
        purpose="Care",
        revocation_terms="Tell the coach",
        expiry_event="",
        signed_by="Client",
    )
    return [
        Consent(
            1,
            recipients="Court",
            expires_on=date(2027, 1, 1),
            signed_on=date(2026, 1, 1),
            id=1,
            **base,
        ),
        Consent(
            1,
            recipients="Clinic",
            expires_on=date(2026, 3, 1),
            signed_on=date(2025, 3, 1),
            id=2,
            **base,
        ),
        Consent(
            1,
            recipients="Family",
            expires_on=None,
            signed_on=date(2025, 6, 1),
            revoked_on=date(2026, 4, 2),
            id=3,
            **{**base, "expiry_event": "Discharge"},
        ),
    ]


def test_list_shows_state_plainly_and_revokes_only_active(qtbot: QtBot) -> None:
    listing = ConsentList(today=lambda: TODAY)
    show_active(qtbot, listing)
    listing.set_consents(consents())
    states = {listing.table.item(r, 0).text(): listing.table.item(r, 4).text() for r in range(3)}
    assert states["Court"] == "Active"
    assert states["Clinic"].startswith("Expired on ")
    assert states["Family"].startswith("Revoked on ")
    ends = {listing.table.item(r, 0).text(): listing.table.item(r, 3).text() for r in range(3)}
    assert ends["Family"] == "Discharge"  # an expiry event shows as written
    assert listing.table.item(2, 0).text() == "Clinic"  # newest signature first
    # Select the expired one: Revoke is off; select the active one by keyboard: Revoke emits.
    listing.table.setFocus()
    listing.table.selectRow(2)
    assert not listing.revoke_button.isEnabled()
    listing.table.selectRow(0)
    assert listing.revoke_button.isEnabled()
    with qtbot.waitSignal(listing.revoke_requested) as blocker:
        qtbot.keyClick(listing, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Revo&ke
    assert blocker.args == [1]
    with qtbot.waitSignal(listing.consent_activated) as opened:
        listing.table.setFocus()
        qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    assert opened.args == [1]


def test_empty_list(qtbot: QtBot) -> None:
    listing = ConsentList(today=lambda: TODAY)
    show_active(qtbot, listing)
    assert listing.empty.isVisible() and not listing.table.isVisible()
    assert not listing.revoke_button.isEnabled()
    with qtbot.waitSignal(listing.new_requested):
        qtbot.mouseClick(listing.new_button, Qt.MouseButton.LeftButton)


def test_accessible_names(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    listing = ConsentList(today=lambda: TODAY)
    show_active(qtbot, listing)
    listing.set_consents(consents())
    assert unnamed(form) == [] and unnamed(listing) == []


def test_reset_starts_a_new_consent_for_the_same_client(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.recipients.setText("Court")
    form.reset()
    assert form.recipients.text() == "" and form.patient.text() == "Tralen Moquist"
    assert form.client_id == 12


def test_a_dated_expiry_starts_a_year_after_signing(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.signed_on.setDate(QDate(2026, 5, 1))
    form.expires_on.check.click()
    assert form.expires_on.value() == date(2027, 5, 1)  # never the day it is signed


def test_a_consent_ending_the_day_it_is_signed_is_refused(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    fill_required(qtbot, form)
    form.expires_on.check.click()
    form.expires_on.edit.setDate(QDate(2026, 5, 4))
    form.signed_on.setDate(QDate(2026, 5, 4))
    assert form.consent() is None
    assert "the day it is signed" in form.error_text()


def test_a_typed_signing_date_that_is_not_a_date_stops_the_save(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    fill_required(qtbot, form)
    form.expires_on.check.click()
    before = form.signed_on.date()
    form.signed_on.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab does: the text selected
    qtbot.keyClicks(form.signed_on, "13/45/2026")
    qtbot.keyClick(form.signed_on, Qt.Key.Key_Tab)  # leaving the field refuses it on the spot
    assert form.signed_on.date() == before
    assert form.signed_on.problem and "13/45/2026" in form.signed_on.toolTip()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "not a date" in form.error_text()
    assert form.signed_on.hasFocus() and form.signed_on.selectedText()  # ready to retype
    qtbot.keyClicks(
        form.signed_on, form.signed_on.locale().toString(before, form.signed_on.displayFormat())
    )
    qtbot.keyClick(form.signed_on, Qt.Key.Key_Tab)
    assert form.signed_on.problem is None
    with qtbot.waitSignal(form.submitted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def fill_required(qtbot: QtBot, form: ConsentForm) -> None:
    qtbot.keyClicks(form.disclosing_party, "Demo Recovery Community")
    qtbot.keyClicks(form.information, "Attendance")
    qtbot.keyClicks(form.recipients, "Drug court coordinator")
    qtbot.keyClicks(form.purpose, "Coordination of care")


def test_print_for_signature_sends_the_consent_as_entered(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.recipients, "Drug court coordinator")
    form.print_button.setFocus()
    with qtbot.waitSignal(form.print_requested) as printed:
        qtbot.keyClick(form, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    draft: Consent = printed.args[0]
    # Not yet complete (no purpose): printed anyway, the blanks become lines to fill in.
    assert (draft.client_id, draft.recipients, draft.purpose) == (12, "Drug court coordinator", "")
    assert draft.signed_by == "Tralen Moquist"
    assert form.error_text() == ""  # printing a draft is not a refused save
