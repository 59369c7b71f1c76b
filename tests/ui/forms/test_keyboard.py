"""Ctrl+S saves each form (what its Save button does); Ctrl+Enter too where a form has a
multi-line field; neither acts from outside the form."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Goal, LifeDomain, Resource, ResourceCategory
from coachdesk.ui.forms import Barc10Form, ConsentForm, OutcomeForm, PlanEditor, ReferralPanel
from coachdesk.ui.forms.client_form import ClientForm
from coachdesk.ui.forms.family import FamilyFollowUpForm
from coachdesk.ui.forms.notes import NoteForm
from coachdesk.ui.workspace import TAB_KEYS
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.forms.helpers import show_active
from tests.ui.forms.test_consent import fill_required
from tests.ui.test_language_and_access import open_client_in, seed_client

TODAY = date(2026, 5, 4)
CTRL = Qt.KeyboardModifier.ControlModifier


_HOSTS: list[QWidget] = []  # pytest-qt holds widgets weakly


def _host(qtbot: QtBot, form: QWidget) -> QLineEdit:
    """Show `form` beside a field outside it; returns that outside field."""
    host = QWidget()
    _HOSTS[:] = [host]
    row = QHBoxLayout(host)
    outside = QLineEdit()
    outside.setAccessibleName("outside")
    row.addWidget(outside)
    row.addWidget(form)
    host.resize(1200, 900)
    show_active(qtbot, host)
    return outside


def test_ctrl_s_and_ctrl_enter_save_the_consent(qtbot: QtBot) -> None:
    form = ConsentForm(today=lambda: TODAY)
    outside = _host(qtbot, form)
    form.set_consent(None, 7, "Tralen Moquist")
    fill_required(qtbot, form)
    qtbot.keyClicks(form.expiry_event, "When the court case closes")
    outside.setFocus()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(outside, Qt.Key.Key_S, CTRL)
    form.recipients.setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.recipients, Qt.Key.Key_S, CTRL)
    assert saved.args[0].client_id == 7
    form.information.setFocus()
    with qtbot.waitSignal(form.submitted):
        qtbot.keyClick(form.information, Qt.Key.Key_Return, CTRL)
    assert "\n" not in form.information.toPlainText()  # the key saved; it typed no new line
    assert "Ctrl+S" in form.save_button.toolTip()


def test_ctrl_s_on_an_incomplete_consent_shows_the_error_like_save(qtbot: QtBot) -> None:
    form = ConsentForm(today=lambda: TODAY)
    _host(qtbot, form)
    form.purpose.setFocus()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(form.purpose, Qt.Key.Key_S, CTRL)
    assert form.error_text()


def test_ctrl_s_and_ctrl_enter_save_the_plan(qtbot: QtBot) -> None:
    editor = PlanEditor()
    _host(qtbot, editor)
    editor.add_goal(Goal(LifeDomain.HEALTH, "Walk every day"))
    editor.vision.setFocus()
    with qtbot.waitSignal(editor.save_requested):
        qtbot.keyClick(editor.vision, Qt.Key.Key_S, CTRL)
    with qtbot.waitSignal(editor.save_requested):
        qtbot.keyClick(editor.vision, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)


def test_ctrl_s_saves_the_barc10(qtbot: QtBot) -> None:
    form = Barc10Form(today=lambda: TODAY)
    _host(qtbot, form)
    for item in range(10):
        form.answer(item, 5)
    form.buttons[3][2].setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.buttons[3][2], Qt.Key.Key_S, CTRL)
    assert saved.args == [(5,) * 10, TODAY]


def test_ctrl_s_saves_the_outcomes(qtbot: QtBot) -> None:
    form = OutcomeForm(today=lambda: TODAY)
    _host(qtbot, form)
    form.set_outcome(None, 3)
    form.spins["days_used"].setValue(2)
    form.spins["days_used"].setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.spins["days_used"], Qt.Key.Key_S, CTRL)
    assert (saved.args[0].client_id, saved.args[0].days_used) == (3, 2)


def test_ctrl_s_makes_the_referral_and_nothing_without_a_resource(qtbot: QtBot) -> None:
    panel = ReferralPanel(today=lambda: TODAY)
    _host(qtbot, panel)
    panel.category.setFocus()
    with qtbot.assertNotEmitted(panel.referral_requested):
        qtbot.keyClick(panel.category, Qt.Key.Key_S, CTRL)  # no resource: the button is off
    panel.set_resources([Resource("Hope House", ResourceCategory.HOUSING, id=4)])
    panel.set_referrals([], 9)
    with qtbot.waitSignal(panel.referral_requested) as made:
        qtbot.keyClick(panel.category, Qt.Key.Key_S, CTRL)
    assert (made.args[0].client_id, made.args[0].resource_id) == (9, 4)


def test_ctrl_s_in_the_real_window_reaches_the_form_in_focus(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    """No window-wide shortcut takes Ctrl+S from the forms, and only the focused form acts."""
    client_id = seed_client(coach_vault)
    window = make_window()
    unlock(qtbot, window)
    open_client_in(qtbot, window, client_id)
    ws = window.workspace
    ws.tabs.setCurrentIndex(TAB_KEYS.index("capital"))
    ws.barc_form.buttons[0][0].setFocus()
    with qtbot.assertNotEmitted(ws.outcome_form.submitted):
        qtbot.keyClick(ws.barc_form.buttons[0][0], Qt.Key.Key_S, CTRL)
    assert ws.barc_form.error_text().startswith("Answer all ten statements first.")


def test_ctrl_s_and_ctrl_enter_save_the_session_note(qtbot: QtBot) -> None:
    form = NoteForm(now=lambda: datetime(2026, 5, 4, 15, 30, tzinfo=UTC))
    outside = _host(qtbot, form)
    form.set_note(None, 4)
    qtbot.keyClicks(form.text, "Talked about the job fair.")
    outside.setFocus()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(outside, Qt.Key.Key_S, CTRL)
    form.text.setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.text, Qt.Key.Key_S, CTRL)
    assert (saved.args[0].client_id, saved.args[0].text) == (4, "Talked about the job fair.")
    with qtbot.waitSignal(form.submitted):
        qtbot.keyClick(form.text, Qt.Key.Key_Return, CTRL)
    assert form.text.toPlainText() == "Talked about the job fair."  # no new line typed
    assert "Ctrl+S" in form.save_button.toolTip()


def test_ctrl_s_saves_the_client_form_and_shows_its_errors_like_save(qtbot: QtBot) -> None:
    form = ClientForm(today=lambda: TODAY)
    outside = _host(qtbot, form)
    form.phone.setFocus()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(form.phone, Qt.Key.Key_S, CTRL)  # no name yet: refused inline
    assert form.error_text() == "Given name is required." and form.given_name.hasFocus()
    qtbot.keyClicks(form.given_name, "Tralen")
    qtbot.keyClicks(form.family_name, "Moquist")
    outside.setFocus()
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(outside, Qt.Key.Key_S, CTRL)
    form.phone.setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.phone, Qt.Key.Key_S, CTRL)
    assert (saved.args[0].given_name, saved.args[0].family_name) == ("Tralen", "Moquist")


def test_ctrl_s_saves_the_family_follow_up(qtbot: QtBot) -> None:
    form = FamilyFollowUpForm(today=lambda: TODAY)
    _host(qtbot, form)
    form.client_id = 9
    form.taken_on.setFocus()
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form.taken_on, Qt.Key.Key_S, CTRL)
    assert saved.args[0].client_id == 9
