"""Unsaved edits survive a lock: every editing form round-trips through a JSON draft."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Client, ContactMode, Gender, Pathway, SessionNote, Setting
from coachdesk.errors import ValidationError
from coachdesk.ui.forms import ClientForm, ConsentForm, NoteForm
from coachdesk.ui.forms._common import model_from_json, model_to_json
from tests.ui.forms.helpers import show_active

TODAY = date(2026, 5, 4)


def through_json(draft: dict[str, object]) -> dict[str, object]:
    """What the vault's drafts table gives back."""
    return json.loads(json.dumps(draft, ensure_ascii=False))


def test_model_codec_round_trips_every_field_type() -> None:
    client = Client(
        "Ñeva",
        "Orquist",
        date(2026, 1, 2),
        Setting.POLICE_FIRE,
        date_of_birth=date(1980, 2, 3),
        gender=Gender.OTHER,
        pathways=[Pathway.MOUD, Pathway.OTHER],
        id=5,
    )
    assert model_from_json(Client, through_json(model_to_json(client))) == client
    note = SessionNote(
        5,
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        ContactMode.TEXT,
        "t",
        goals_touched=["a"],
        follow_up_on=None,
        attempt_only=True,
    )
    assert model_from_json(SessionNote, through_json(model_to_json(note))) == note


def test_client_form_draft_keeps_invalid_half_typed_input(qtbot: QtBot) -> None:
    form = ClientForm(today=lambda: TODAY)
    show_active(qtbot, form)
    assert not form.is_dirty()
    qtbot.keyClicks(form.family_name, "Moquist")  # no given name yet: not valid
    form.pathways[Pathway.HARM_REDUCTION].click()
    assert form.is_dirty()
    draft = through_json(form.to_draft())
    other = ClientForm(today=lambda: TODAY)
    qtbot.addWidget(other)
    other.from_draft(draft)
    assert other.is_dirty()
    assert other.family_name.text() == "Moquist" and other.given_name.text() == ""
    assert other.pathways[Pathway.HARM_REDUCTION].isChecked()
    assert other.client() is None  # still refused until the name is given
    with pytest.raises(ValidationError):
        other.from_draft({"kind": "note"})


def test_note_form_draft(qtbot: QtBot) -> None:
    form = NoteForm(now=lambda: datetime(2026, 5, 4, 12, tzinfo=UTC))
    show_active(qtbot, form)
    form.set_goals(["Get back to work", "Sunday dinners"])
    form.set_note(None, 3)
    assert not form.is_dirty()
    with qtbot.waitSignal(form.changed):
        qtbot.keyClicks(form.text, "Half a thought about the job lead")
    form.goals.item(0).setCheckState(Qt.CheckState.Checked)
    draft = through_json(form.to_draft())
    other = NoteForm()
    qtbot.addWidget(other)
    other.from_draft(draft)
    assert other.is_dirty()
    assert other.note() == form.note()
    assert other.goals.count() == 2


def test_consent_form_draft(qtbot: QtBot) -> None:
    form = ConsentForm(today=lambda: TODAY)
    show_active(qtbot, form)
    form.set_consent(None, 8, "Kea Nestrom")
    qtbot.keyClicks(form.recipients, "Drug court coordinator")
    assert form.is_dirty()
    other = ConsentForm(today=lambda: TODAY)
    qtbot.addWidget(other)
    other.from_draft(through_json(form.to_draft()))
    assert other.patient.text() == "Kea Nestrom"
    assert other.recipients.text() == "Drug court coordinator"
    assert other.is_dirty()
    assert other.error_text() == ""
    assert other.consent() is None  # not complete yet: the draft keeps what there is
    assert other.error_text() == "Who may disclose is required."
