"""The forms fit a 1366x768 facility monitor (English and Spanish): no horizontal scroll bar,
and every button inside the visible area, whether the form has the whole width or shares it
with another pane (the workspace's splitters)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.app.bootstrap import create_app
from coachdesk.core.models import OutcomeAssessment, Timepoint
from coachdesk.ui.forms import (
    AuditTrailView,
    Barc10Form,
    ClientForm,
    ConsentForm,
    OutcomeForm,
    ReferralPanel,
)

# The tab page under the window's menu, client header and tab bar at 1366x768.
PAGE_HEIGHT = 560
_SHOWN: list[QWidget] = []  # pytest-qt holds widgets weakly


def fit_problems(
    qtbot: QtBot, form: QWidget, width: int, height: int, save: QPushButton | None = None
) -> list[str]:
    """Show `form` in a resizable scroll area of `width` x `height`; what does not fit (every
    button within the width, `save` also above the fold). With the window's own style and
    style sheet, whichever test made the QApplication."""
    create_app()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(width, height)
    _SHOWN[:] = [area]
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    for _ in range(3):
        QApplication.processEvents()
    problems = []
    if area.horizontalScrollBar().isVisible():
        problems.append(f"horizontal scroll bar ({form.minimumSizeHint().width()} > {width})")
    for inner in form.findChildren(QAbstractScrollArea):
        if inner.isVisibleTo(form) and inner.horizontalScrollBar().isVisible():
            problems.append(f"{inner.accessibleName()!r} scrolls sideways")
    view = QRect(QPoint(0, 0), area.viewport().size())
    for button in form.findChildren(QPushButton):
        if not button.isVisibleTo(form):
            continue
        corner = button.mapTo(area.viewport(), QPoint(0, 0))
        box = QRect(corner, button.size())
        if box.left() < 0 or box.right() > view.right():
            problems.append(f"{button.text()!r} outside the width: {box} in {view}")
        elif button is save and box.bottom() > view.bottom():
            problems.append(f"{button.text()!r} below the fold: {box} in {view}")
    return problems


def _outcomes() -> OutcomeForm:
    form = OutcomeForm(today=lambda: date(2026, 12, 1))
    form.set_outcome(None, 3)
    form.set_outcomes(
        [OutcomeAssessment(3, Timepoint.BASELINE, date(2026, 5, 2), days_used=12, id=1)]
    )
    return form


@pytest.mark.parametrize("width", [1366, 683])
@pytest.mark.parametrize("language", ["en", "es"])
def test_outcomes_fit(
    qtbot: QtBot, language: str, width: int, request: pytest.FixtureRequest
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    form = _outcomes()
    assert fit_problems(qtbot, form, width, PAGE_HEIGHT, form.save_button) == []
    # The two groups of questions side by side while they fit, stacked when they cannot.
    side_by_side = form.columns.box.direction().name == "LeftToRight"
    assert side_by_side == (width == 1366)


def _others() -> list[tuple[str, Callable[[], QWidget], int]]:
    """Each form with the width the workspace gives it at 1366x768 (a splitter's share)."""
    return [
        ("intake", ClientForm, 1310),  # the Add client dialog's scroll area at 1366x768
        ("consent", lambda: ConsentForm(today=lambda: date(2026, 12, 1)), 683),
        ("barc10", lambda: Barc10Form(today=lambda: date(2026, 12, 1)), 620),
        ("referrals", lambda: ReferralPanel(today=lambda: date(2026, 12, 1)), 1340),
        ("audit", AuditTrailView, 1340),
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_other_forms_fit(qtbot: QtBot, language: str, request: pytest.FixtureRequest) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    for name, make, width in _others():
        form = make()
        assert fit_problems(qtbot, form, width, PAGE_HEIGHT) == [], name
