"""Every Alt mnemonic is unique within each client-workspace form (English and Spanish), and
within the profile page, where the consent list and the consent form show together."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
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
from tests.ui.mnemonics import mnemonic, mnemonic_clashes


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
