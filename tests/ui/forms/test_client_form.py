"""ClientForm: filled in through its widgets, read back as a Client; inline validation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Client, ClientStatus, Gender, Pathway, Setting
from coachdesk.ui.forms import ClientForm
from tests.ui.forms.helpers import show_active, unnamed

TODAY = date(2026, 5, 4)


def make_form(qtbot: QtBot) -> ClientForm:
    form = ClientForm(today=lambda: TODAY)
    qtbot.addWidget(form)
    show_active(qtbot, form)
    return form


def test_fill_in_and_read_back(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.given_name, "Tralen")
    qtbot.keyClicks(form.family_name, "Moquist")
    qtbot.keyClicks(form.preferred_name, "Tra")
    qtbot.keyClicks(form.pronouns, "they/them")
    form.date_of_birth.check.setChecked(True)
    form.date_of_birth.edit.setDate(QDate(1990, 3, 14))
    form.gender.setCurrentIndex(form.gender.findData(Gender.NON_BINARY))
    form.language.setCurrentIndex(form.language.findData("es"))
    qtbot.keyClicks(form.phone, "555-123-4567")
    qtbot.keyClicks(form.email, "tra@example.org")
    qtbot.keyClicks(form.address, "12 Elm Avenue")
    qtbot.keyClicks(form.emergency_contact_name, "Shio Moquist")
    qtbot.keyClicks(form.emergency_contact_phone, "555-765-4321")
    form.intake_date.setDate(QDate(2026, 4, 1))
    form.setting.setCurrentIndex(form.setting.findData(Setting.DRUG_COURT))
    qtbot.keyClicks(form.facility, "County court")
    qtbot.keyClicks(form.referral_source, "Court")
    form.pathways[Pathway.SMART_RECOVERY].click()
    form.pathways[Pathway.MOUD].click()
    form.status.setCurrentIndex(form.status.findData(ClientStatus.TRANSFERRED))
    form.status_date.check.click()
    form.status_date.edit.setDate(QDate(2026, 5, 1))
    qtbot.keyClicks(form.status_reason, "Moved county")

    with qtbot.waitSignal(form.submitted) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    client = blocker.args[0]
    assert client == Client(
        "Tralen",
        "Moquist",
        date(2026, 4, 1),
        Setting.DRUG_COURT,
        preferred_name="Tra",
        pronouns="they/them",
        date_of_birth=date(1990, 3, 14),
        gender=Gender.NON_BINARY,
        phone="555-123-4567",
        email="tra@example.org",
        address="12 Elm Avenue",
        emergency_contact_name="Shio Moquist",
        emergency_contact_phone="555-765-4321",
        facility="County court",
        referral_source="Court",
        pathways=[Pathway.SMART_RECOVERY, Pathway.MOUD],
        status=ClientStatus.TRANSFERRED,
        status_date=date(2026, 5, 1),
        status_reason="Moved county",
        language="es",
    )


def test_edit_round_trip_keeps_id_and_every_field(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    original = Client(
        "Kéa",
        "Ñeström",
        date(2025, 1, 2),
        Setting.JAIL_PRISON,
        preferred_name="K",
        pronouns="she/her",
        date_of_birth=date(1971, 12, 31),
        gender=Gender.WOMAN,
        phone="555-000-1111",
        email="k@example.org",
        address="1 Main",
        emergency_contact_name="Ora",
        emergency_contact_phone="555-222-3333",
        facility="North jail",
        referral_source="Jail reentry",
        pathways=[Pathway.FAITH_BASED],
        status=ClientStatus.ACTIVE,
        language="es",
        id=42,
    )
    form.set_client(original)
    assert form.client() == original
    form.set_client(None)
    assert form.given_name.text() == ""
    assert not any(box.isChecked() for box in form.pathways.values())


def test_missing_name_is_shown_inline_and_nothing_emitted(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.family_name, "Moquist")
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    label = form.errors.field_label("given_name")
    assert label is not None and label.isVisible()
    assert label.text() == "Given name is required."
    assert form.given_name.hasFocus()
    assert form.given_name.accessibleDescription() == "Given name is required."
    # Fixing it clears the message.
    qtbot.keyClicks(form.given_name, "Tralen")
    assert form.client() is not None
    assert not label.isVisible()


def test_bad_email_and_future_birth_date(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.given_name.setText("A")
    form.family_name.setText("B")
    form.email.setText("not an email")
    assert form.client() is None
    assert form.error_text() == "That email address does not look right."
    assert form.email.hasFocus()
    form.email.setText("")
    form.date_of_birth.set_value(date(2030, 1, 1))
    assert form.client() is None
    assert form.error_text() == "Date of birth cannot be in the future."


def test_keyboard_mnemonics_and_tab_order(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.given_name.setFocus()
    order = [form.given_name]
    widget = form.given_name
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[1:] == [form.family_name, form.preferred_name, form.pronouns]
    qtbot.keyClick(form, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert form.email.hasFocus()


def test_every_input_has_an_accessible_name(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert unnamed(form) == []


def test_race_and_ethnicity_optional_multi_select_and_exclusive(qtbot: QtBot) -> None:
    from coachdesk.core.models import Ethnicity, Race

    form = make_form(qtbot)
    qtbot.keyClicks(form.given_name, "Tralen")
    qtbot.keyClicks(form.family_name, "Moquist")
    client = form.client()
    assert client is not None and client.race == [] and client.ethnicity is None
    form.race[Race.ASIAN].setChecked(True)
    form.race[Race.WHITE].setChecked(True)
    form.ethnicity.setCurrentIndex(form.ethnicity.findData(Ethnicity.HISPANIC_LATINO.value))
    client = form.client()
    assert client is not None
    assert client.race == [Race.ASIAN, Race.WHITE]
    assert client.ethnicity == Ethnicity.HISPANIC_LATINO
    form.set_client(client)
    assert (
        form.race[Race.WHITE].isChecked() and not form.race[Race.BLACK_AFRICAN_AMERICAN].isChecked()
    )
    form.race[Race.PREFERS_NOT_TO_SAY].setChecked(True)
    assert form.client() is None and "not both" in form.error_text()
