"""Every Alt mnemonic is unique within each client-workspace form (English and Spanish), and
within the profile page, where the consent list and the consent form show together."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Goal, LifeDomain
from coachdesk.ui.forms import (
    AuditTrailView,
    Barc10Form,
    ConsentForm,
    ConsentList,
    OutcomeForm,
    PlanEditor,
    ReferralPanel,
)
from coachdesk.ui.forms.plan_editor import GoalEditor
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.mnemonics import mnemonic, mnemonic_clashes
from tests.ui.test_language_and_access import open_client_in, seed_client


def test_the_helper_finds_a_clash_and_ignores_hidden_widgets(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    for text in ("&Save plan", "&Search:", "Sa&ve", "&&Fish"):
        row.addWidget(QPushButton(text) if "plan" in text else QLabel(text))
    hidden = QPushButton("&Hidden")
    row.addWidget(hidden)
    hidden.hide()
    assert mnemonic("Sa&ve") == "v" and mnemonic("&&Fish") is None
    assert mnemonic_clashes(root) == ["Alt+S: '&Save plan', '&Search:'"]
    assert mnemonic_clashes(root, extra=("Re&view",)) == [
        "Alt+S: '&Save plan', '&Search:'",
        "Alt+V: 'Re&view', 'Sa&ve'",
    ]
    hidden.setText("&Save")
    assert len(mnemonic_clashes(root)) == 1  # the hidden one does not count


def _profile_page() -> QWidget:
    page = QWidget()
    row = QHBoxLayout(page)
    row.addWidget(ConsentList())
    row.addWidget(ConsentForm())
    return page


def _forms() -> list[tuple[QWidget, tuple[type[QWidget], ...]]]:
    plan = PlanEditor()
    plan.add_goal(Goal(LifeDomain.HEALTH, "x"))
    plan.add_goal(Goal(LifeDomain.HOUSING, "y"))
    return [
        (plan, (GoalEditor,)),
        (plan.goal_editors[0], ()),
        (ConsentForm(), ()),
        (ConsentList(), ()),
        (_profile_page(), ()),
        (Barc10Form(), ()),
        (OutcomeForm(), ()),
        (ReferralPanel(), ()),
        (AuditTrailView(), ()),
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_mnemonics_are_unique_in_each_form(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    for form, skip in _forms():
        qtbot.addWidget(form)
        assert mnemonic_clashes(form, skip) == [], type(form).__name__


@pytest.mark.parametrize("language", ["en", "es"])
def test_form_buttons_keep_clear_of_the_windows_letters(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, language: str
) -> None:
    """In the real window, a button's Alt letter is not also a menu's, a tab's or the client
    header's (Qt would then move the focus between them instead of pressing the button)."""
    client_id = seed_client(coach_vault)
    window = make_window(language)
    unlock(qtbot, window)
    open_client_in(qtbot, window, client_id)
    ws = window.workspace
    ws.new_consent()  # the consent form shows beside the list
    window_texts = (
        *(a.text() for a in window.menuBar().actions()),
        *(ws.tabs.tabText(i) for i in range(ws.tabs.count())),
        ws.edit_button.text(),
    )
    taken = {mnemonic(t) for t in window_texts} - {None}
    forms = (
        ws.consent_list,
        ws.consent_form,
        ws.plan_editor,
        ws.barc_form,
        ws.outcome_form,
        ws.referral_panel,
        ws.audit_view,
    )
    clashes = [
        f"{type(form).__name__}: {button.text()!r}"
        for form in forms
        for button in form.findChildren(QAbstractButton)
        if mnemonic(button.text()) in taken
    ]
    # Known and left (no free letter in the word): the plan's Spanish "&Imprimir" (Alt+I is
    # also the "&Ir" menu); the Client menu's "Print plan" does the same.
    known = {"PlanEditor: '&Imprimir'"}
    assert set(clashes) <= known, clashes
