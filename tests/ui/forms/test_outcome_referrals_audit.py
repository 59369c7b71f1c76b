"""OutcomeForm, ReferralPanel (against a real vault) and AuditTrailView."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    AuditEntry,
    Client,
    Consent,
    ContactMode,
    OutcomeAssessment,
    Referral,
    ReferralStatus,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    Timepoint,
)
from coachdesk.storage.vault import Vault
from coachdesk.ui.forms import AuditTrailView, OutcomeForm, ReferralPanel
from coachdesk.ui.forms.outcome import accepted_range
from coachdesk.ui.forms.referrals import names_recipient
from tests.ui.forms.helpers import show_active, unnamed

TODAY = date(2026, 5, 4)


def make_outcome_form(qtbot: QtBot) -> OutcomeForm:
    form = OutcomeForm(today=lambda: TODAY)
    show_active(qtbot, form)
    form.set_outcome(None, 6, Timepoint.FOLLOWUP_180)
    return form


def test_ranges_come_from_the_domain_rules() -> None:
    assert accepted_range("days_used") == (0, 30)
    assert accepted_range("arrests") == (0, 99)
    assert accepted_range("social_connectedness") == (1, 5)


def test_outcome_filled_through_widgets(qtbot: QtBot) -> None:
    form = make_outcome_form(qtbot)
    assert form.timepoint.currentData() == Timepoint.FOLLOWUP_180
    spin = form.spins["days_used"]
    assert spin.text() == "Not answered"
    spin.setFocus()
    for _ in range(4):
        qtbot.keyClick(spin, Qt.Key.Key_Up)  # Not answered -> 0 -> 1 -> 2 -> 3
    qtbot.keyClick(form.spins["days_used"], Qt.Key.Key_Up)
    form.spins["ed_visits"].setValue(1)
    form.spins["social_connectedness"].setValue(4)
    form.yes_no["on_moud"].setCurrentIndex(form.yes_no["on_moud"].findData(True))
    form.yes_no["overdose"].setCurrentIndex(form.yes_no["overdose"].findData(False))
    form.housing.setCurrentIndex(form.housing.findData("unstable"))
    form.taken_on.setDate(QDate(2026, 5, 1))
    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == OutcomeAssessment(
        6,
        Timepoint.FOLLOWUP_180,
        date(2026, 5, 1),
        days_used=4,
        overdose=False,
        housing="unstable",
        ed_visits=1,
        on_moud=True,
        social_connectedness=4,
    )


def test_outcome_round_trip_and_days_capped(qtbot: QtBot) -> None:
    form = make_outcome_form(qtbot)
    original = OutcomeAssessment(
        6,
        Timepoint.ANNUAL,
        date(2026, 1, 2),
        0,
        False,
        "stable",
        "student",
        0,
        2,
        True,
        False,
        True,
        5,
        id=9,
    )
    form.set_outcome(original, 6)
    assert form.outcome() == original
    form.spins["days_used"].setValue(45)  # the field cannot hold more than the rule allows
    assert form.spins["days_used"].value() == 30


def test_every_outcome_input_named(qtbot: QtBot) -> None:
    assert unnamed(make_outcome_form(qtbot)) == []


def test_referral_flow_against_a_real_vault(qtbot: QtBot, vault: Vault) -> None:
    caseload = Caseload(vault, today=TODAY)
    client_id = caseload.add_client(Client("Kea", "Nestrom", date(2026, 1, 5), Setting.DRUG_COURT))
    for name, category in (
        ("Eastside MOUD Clinic", ResourceCategory.MOUD),
        ("Hope Recovery Residence", ResourceCategory.HOUSING),
        ("Tuesday Night 12-Step Group", ResourceCategory.MUTUAL_AID),
    ):
        caseload.add_resource(Resource(name, category, phone="555-010-0000"))
    panel = ReferralPanel(today=lambda: TODAY)
    show_active(qtbot, panel)
    panel.set_resources(caseload.resources())
    panel.set_referrals(caseload.referrals(client_id), client_id)
    assert panel.empty.isVisible()

    # Make a referral: pick the kind, then the resource, by keyboard.
    panel.category.setCurrentIndex(panel.category.findData("housing"))
    assert panel.resource.count() == 1
    panel.made_on.setDate(QDate(2026, 5, 2))
    with qtbot.waitSignal(panel.referral_requested) as made:
        panel.make_button.setFocus()
        qtbot.keyClick(panel.make_button, Qt.Key.Key_Space)
    referral: Referral = made.args[0]
    assert (referral.client_id, referral.category, referral.made_on, referral.status) == (
        client_id,
        ResourceCategory.HOUSING,
        date(2026, 5, 2),
        ReferralStatus.MADE,
    )
    caseload.make_referral(referral)
    panel.set_referrals(caseload.referrals(client_id), client_id)
    assert panel.table.item(0, 0).text() == "Hope Recovery Residence"
    assert panel.table.item(0, 3).text() == "Made"

    # Advance: only the next states REFERRAL_FLOW allows are offered.
    assert not panel.advance_button.isEnabled()
    panel.table.selectRow(0)
    offered = [panel.next_status.itemData(i) for i in range(panel.next_status.count())]
    assert offered == ["contacted", "linked", "declined", "not_linked"]
    panel.next_status.setCurrentIndex(0)
    with qtbot.waitSignal(panel.advance_requested) as advanced:
        qtbot.mouseClick(panel.advance_button, Qt.MouseButton.LeftButton)
    assert advanced.args == [referral.id, ReferralStatus.CONTACTED]
    caseload.advance_referral(*advanced.args)
    panel.set_referrals(caseload.referrals(client_id), client_id)
    assert panel.selected() is not None  # the selection survives the refresh
    offered = [panel.next_status.itemData(i) for i in range(panel.next_status.count())]
    assert offered == ["linked", "declined", "not_linked"]
    caseload.advance_referral(referral.id or 0, ReferralStatus.LINKED)
    panel.set_referrals(caseload.referrals(client_id), client_id)
    panel.table.selectRow(0)
    assert panel.next_status.count() == 0 and not panel.advance_button.isEnabled()
    assert "final" in panel.final_hint.text()

    # The audit trail of this client, from the same vault.
    trail = AuditTrailView()
    show_active(qtbot, trail)
    trail.set_entries(caseload.audit_trail(client_id))
    whats = [trail.table.item(r, 2).text() for r in range(trail.table.rowCount())]
    assert whats[0] == "Referral moved to “Linked (attended)”"
    assert "Made a referral: Housing" in whats[-3:]
    assert "Added the client" in whats
    assert not any(str(referral.id) in w for w in whats)  # no record numbers
    assert unnamed(panel) == [] and unnamed(trail) == []


def test_audit_trail_plain_words_and_local_time(qtbot: QtBot) -> None:
    trail = AuditTrailView()
    trail.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    show_active(qtbot, trail)
    trail.set_entries(
        [
            AuditEntry(datetime(2026, 5, 1, 9, 0, tzinfo=UTC), "Coach A", "view", "client", 1),
            AuditEntry(
                datetime(2026, 5, 2, 9, 0, tzinfo=UTC),
                "Coach A",
                "print",
                "client",
                1,
                "recovery plan v3",
            ),
        ]
    )
    assert trail.table.item(0, 2).text() == "Printed: recovery plan v3"  # not recognised
    assert trail.table.item(1, 2).text() == "Opened the client's record"
    local = datetime(2026, 5, 2, 9, 0, tzinfo=UTC).astimezone()
    hour = local.hour % 12 or 12
    suffix = "AM" if local.hour < 12 else "PM"
    expected = f"{local.month}/{local.day}/{local.year} {hour}:{local.minute:02d}\u202f{suffix}"
    assert trail.table.item(0, 0).text().replace(" AM", "\u202fAM").replace(" PM", "\u202fPM") == (
        expected
    )
    assert not trail.empty.isVisible()


def test_recorded_outcomes_and_next_timepoint(qtbot: QtBot) -> None:
    form = make_outcome_form(qtbot)
    form.client_id = 6
    form.reset()
    assert form.no_history.isVisible()
    recorded = [
        OutcomeAssessment(
            6,
            Timepoint.BASELINE,
            date(2025, 11, 2),
            days_used=12,
            housing="homeless",
            social_connectedness=2,
            id=1,
        ),
        OutcomeAssessment(6, Timepoint.FOLLOWUP_180, date(2026, 5, 1), days_used=2, id=2),
    ]
    form.set_outcomes(recorded)
    assert form.history.rowCount() == 2 and not form.no_history.isVisible()
    assert form.history.item(0, 3).text() == "No housing"
    assert form.timepoint.currentData() == Timepoint.ANNUAL  # the first one not recorded yet
    # Opening a recorded row loads it for review; saving it again keeps its id.
    form.history.setCurrentCell(0, 0)
    form.history.setFocus()
    qtbot.keyClick(form.history, Qt.Key.Key_Return)
    assert form.outcome() == recorded[0]
    form.reset()
    assert form.timepoint.currentData() == Timepoint.ANNUAL
    assert form.outcome() is not None and form.outcome().id is None


def test_recorded_answers_reviewed_then_corrected(qtbot: QtBot) -> None:
    form = make_outcome_form(qtbot)
    form.set_outcome(None, 6)
    assert form.timepoint.currentData() == Timepoint.BASELINE  # nothing recorded yet
    baseline = OutcomeAssessment(
        6, Timepoint.BASELINE, date(2025, 11, 2), days_used=12, on_moud=True, id=1
    )
    form.set_outcomes([baseline])
    # Baseline is done: a new entry starts at the 6-month follow-up, and says so.
    assert form.timepoint.currentData() == Timepoint.FOLLOWUP_180
    assert form.mode.text().startswith("New ")
    assert not form.correct_button.isEnabled()
    # Selecting the row shows every answer read-only; the form is untouched.
    form.history.selectRow(0)
    text = form.review.text()
    assert "Days used substances: 12" in text and "On medication (MOUD): Yes" in text
    assert "An overdose: Not answered" in text
    assert form.timepoint.currentData() == Timepoint.FOLLOWUP_180
    # Correct: the record loads at its own timepoint (locked), Save sends it with its id.
    form.correct_button.click()
    assert form.mode.text().startswith("Correcting the Baseline record")
    assert not form.timepoint.isEnabled()
    form.spins["days_used"].setValue(10)
    with qtbot.waitSignal(form.submitted) as saved:
        form.save_button.click()
    corrected = saved.args[0]
    assert (corrected.id, corrected.timepoint, corrected.days_used) == (1, Timepoint.BASELINE, 10)
    assert corrected.on_moud is True
    # Back to a new entry: the next timepoint again, and the timepoint can be chosen.
    form.reset()
    assert form.timepoint.isEnabled() and form.timepoint.currentData() == Timepoint.FOLLOWUP_180
    # Choosing a timepoint already done warns that Save replaces it.
    form.timepoint.setCurrentIndex(form.timepoint.findData(Timepoint.BASELINE))
    assert "already recorded" in form.mode.text()


def test_another_clients_outcomes_are_not_shown(qtbot: QtBot) -> None:
    form = make_outcome_form(qtbot)
    form.set_outcome(None, 6)
    form.set_outcomes([OutcomeAssessment(6, Timepoint.BASELINE, date(2025, 11, 2), id=1)])
    form.set_outcome(None, 8)  # the window opens another client
    assert form.history.rowCount() == 0 and form.no_history.isVisible()
    assert form.timepoint.currentData() == Timepoint.BASELINE


def test_audit_trail_in_plain_words_from_a_real_vault_and_filtered(
    qtbot: QtBot, vault: Vault
) -> None:
    caseload = Caseload(vault, today=TODAY)
    client_id = caseload.add_client(Client("Kea", "Nestrom", date(2026, 1, 5), Setting.DRUG_COURT))
    caseload.open_client(client_id)
    when = datetime(2026, 5, 1, 10, tzinfo=UTC)
    caseload.add_note(SessionNote(client_id, when, ContactMode.IN_PERSON, "Met for coffee"))
    caseload.record_barc10(client_id, (5,) * 10, TODAY)
    caseload.record_outcome(OutcomeAssessment(client_id, Timepoint.BASELINE, TODAY, days_used=3))
    caseload.record_output(
        client_id,
        "print",
        "recovery plan version 2 as PDF (en, letter), 4 pages",
        recipient="Drug court",
        purpose="court review",
    )
    trail = AuditTrailView()
    show_active(qtbot, trail)
    trail.set_entries(caseload.audit_trail(client_id))
    whats = [trail.table.item(r, 2).text() for r in range(trail.table.rowCount())]
    assert whats[0] == "Printed the recovery plan (version 2), 4 pages (purpose: court review)"
    for expected in (
        "Recorded outcomes: Baseline",
        "Recorded a BARC-10 (total 50 of 60)",
        "Wrote a session note",
        "Opened the client's record",
        "Added the client",
    ):
        assert expected in whats
    # Filter by kind of action: only the views, then only the prints.
    trail.kind.setCurrentIndex(trail.kind.findData("views"))
    assert [trail.table.item(r, 2).text() for r in range(trail.table.rowCount())] == [
        "Opened the client's record"
    ]
    trail.kind.setCurrentIndex(trail.kind.findData("copies"))
    assert trail.table.rowCount() == 1 and whats[0] == trail.table.item(0, 2).text()
    trail.kind.setCurrentIndex(trail.kind.findData("access"))
    assert trail.table.rowCount() == 0 and trail.empty.isVisible()
    assert trail.empty.text() == "Nothing of this kind recorded."
    with qtbot.waitSignal(trail.disclosures_requested):
        qtbot.keyClick(trail, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


def test_audit_trail_speaks_spanish(qtbot: QtBot, spanish: None) -> None:
    trail = AuditTrailView()
    qtbot.addWidget(trail)
    at = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    trail.set_entries(
        [
            AuditEntry(at, "Coach A", "create", "client", 1, "referral 4 -> linked"),
            AuditEntry(at, "Coach A", "create", "client", 1, "BARC-10 456 total 47"),
            AuditEntry(at, "Coach A", "view", "client", 1),
        ]
    )
    whats = {trail.table.item(r, 2).text() for r in range(3)}
    assert "Registró un BARC-10 (total 47 de 60)" in whats
    assert "Abrió el expediente del participante" in whats
    assert any(w.startswith("Derivación pasada a «") for w in whats)
    assert trail.print_button.text() == "Imprimir la lis&ta de divulgaciones…"


def test_a_referral_is_checked_against_the_clients_consents(qtbot: QtBot) -> None:
    panel = ReferralPanel(today=lambda: TODAY)
    show_active(qtbot, panel)
    panel.set_resources(
        [
            Resource("Hope Recovery Residence", ResourceCategory.HOUSING, id=1),
            Resource("Eastside MOUD Clinic", ResourceCategory.MOUD, id=2),
        ]
    )
    panel.set_referrals([], 5)

    def consent(recipients: str, **changes: object) -> Consent:
        c = Consent(5, "Demo RCO", "Attendance", recipients, "Care", "Revoke by telling me",
                    date(2027, 1, 1), "", "Kea Nestrom", date(2026, 1, 5))  # fmt: skip
        for key, value in changes.items():
            setattr(c, key, value)
        return c

    panel.set_consents(
        [
            consent("Drug court coordinator; hope recovery residence"),
            consent("Eastside MOUD Clinic", revoked_on=date(2026, 3, 1)),  # not active
        ]
    )
    panel.resource.setCurrentIndex(panel.resource.findData(1))
    assert not panel.consent_warning.isVisible()
    panel.resource.setCurrentIndex(panel.resource.findData(2))
    assert panel.consent_warning.isVisible()
    assert panel.consent_warning.text().startswith("No active consent names Eastside MOUD Clinic.")
    assert panel.make_button.accessibleDescription() == panel.consent_warning.text()
    # A warning, not a refusal: the referral is still made.
    assert panel.make_button.isEnabled()
    with qtbot.waitSignal(panel.referral_requested) as made:
        panel.make_button.click()
    assert made.args[0].resource_id == 2
    # An expired consent does not count either; a current one naming the clinic does.
    panel.set_consents([consent("Eastside MOUD Clinic", expires_on=date(2026, 4, 1))])
    assert panel.consent_warning.isVisible()
    panel.set_consents([consent("the Eastside MOUD clinic and its nurses")])
    assert not panel.consent_warning.isVisible()


def test_names_recipient() -> None:
    assert names_recipient("Hope House, Eastside Clinic", "eastside clinic")
    assert names_recipient("Drug court / Hope  House", "Hope House")
    assert not names_recipient("Drug court coordinator", "Hope House")
    assert not names_recipient("", "Hope House")
