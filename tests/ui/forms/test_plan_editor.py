"""PlanEditor: written through its widgets, read back; validation inline; drafts; versions."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.application import documents
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    ActionStep,
    Client,
    CrisisContact,
    Goal,
    LifeDomain,
    RecoveryPlan,
    Setting,
    StepStatus,
    WellnessPlan,
)
from coachdesk.storage.vault import Vault
from coachdesk.ui.forms import PlanEditor
from coachdesk.ui.forms._common import DateField
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.forms.helpers import show_active, unnamed


def make_editor(qtbot: QtBot) -> PlanEditor:
    editor = PlanEditor()
    editor.resize(1000, 800)
    show_active(qtbot, editor)
    return editor


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def sample_plan() -> RecoveryPlan:
    return RecoveryPlan(
        5,
        "A calm home and being someone my family can count on.",
        goals=[
            Goal(
                LifeDomain.HOUSING,
                "Find a place of my own",
                "I want a door that locks and is mine",
                [
                    ActionStep("Call the housing office", "Me", date(2026, 6, 1), StepStatus.DONE),
                    ActionStep("Visit the residence", "Me and coach"),
                ],
            ),
            Goal(LifeDomain.FAMILY_RELATIONSHIPS, "Sunday dinners again", "They are my reason"),
        ],
        strengths=["Honest with myself"],
        barriers=["No car"],
        supports=["My sister", "Tuesday group"],
        wellness=WellnessPlan(
            ["Payday"],
            ["Not sleeping"],
            ["Call my sponsor", "Walk around the block"],
            ["Library"],
            [CrisisContact("Oren", "555-222-1111", "sponsor"), CrisisContact("Crisis line", "988")],
        ),
        review_date=date(2026, 8, 1),
        client_signed_on=date(2026, 5, 2),
        coach_signed_on=date(2026, 5, 2),
        version=3,
        created_at=datetime(2026, 5, 2, 14, 0, tzinfo=UTC),
        id=17,
    )


def test_write_a_plan_through_the_widgets(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(None, 9)
    assert not editor.is_dirty()
    qtbot.keyClicks(editor.vision, "Work I like and my kids on weekends")
    assert editor.is_dirty()

    # A goal under "Work and education", then one under "Substance use and recovery".
    editor.domain_combo.setCurrentIndex(editor.domain_combo.findData("employment_education"))
    qtbot.mouseClick(editor.add_goal_button, Qt.MouseButton.LeftButton)
    work = editor.goal_editors[-1]
    assert work.goal_edit.hasFocus()
    qtbot.keyClicks(work.goal_edit, "Get back to work")
    qtbot.keyClicks(work.why_edit, "Work gives my days a shape")
    qtbot.mouseClick(work.add_step_button, Qt.MouseButton.LeftButton)
    line = focused()
    assert isinstance(line, QLineEdit)  # the "what" cell opened for typing
    qtbot.keyClicks(line, "Update the resume")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClick(work.steps, Qt.Key.Key_Right)
    qtbot.keyClicks(work.steps, "M")  # typing starts editing the "who" cell
    qtbot.keyClicks(focused(), "e")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(work.steps, Qt.Key.Key_Right)
    qtbot.keyClick(work.steps, Qt.Key.Key_F2)
    date_editor = focused()
    assert isinstance(date_editor, DateField)
    typed = date_editor.locale().toString(QDate(2026, 7, 15), date_editor.displayFormat())
    qtbot.keyClicks(date_editor, typed)  # typed whole, over the date the editor opened with
    qtbot.keyClick(date_editor, Qt.Key.Key_Return)
    qtbot.keyClick(work.steps, Qt.Key.Key_Right)
    qtbot.keyClick(work.steps, Qt.Key.Key_F2)
    status_editor = focused()
    assert isinstance(status_editor, QComboBox)
    status_editor.setCurrentIndex(status_editor.findData("in_progress"))
    qtbot.keyClick(status_editor, Qt.Key.Key_Return)

    editor.domain_combo.setCurrentIndex(editor.domain_combo.findData("substance_use"))
    qtbot.mouseClick(editor.add_goal_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.goal_editors[-1].goal_edit, "One day at a time")

    qtbot.mouseClick(editor.strengths.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(), "Good with my hands")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.mouseClick(editor.add_contact_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(), "Mara")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    editor.crisis_contacts.item(0, 1).setText("555-000-1234")
    editor.review_date.check.click()
    editor.review_date.edit.setDate(QDate(2026, 9, 1))

    with qtbot.waitSignal(editor.save_requested):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    plan = editor.plan()
    assert plan == RecoveryPlan(
        9,
        "Work I like and my kids on weekends",
        goals=[
            Goal(LifeDomain.SUBSTANCE_USE, "One day at a time"),
            Goal(
                LifeDomain.EMPLOYMENT_EDUCATION,
                "Get back to work",
                "Work gives my days a shape",
                [ActionStep("Update the resume", "Me", date(2026, 7, 15), StepStatus.IN_PROGRESS)],
            ),
        ],
        strengths=["Good with my hands"],
        wellness=WellnessPlan(crisis_contacts=[CrisisContact("Mara", "555-000-1234", "")]),
        review_date=date(2026, 9, 1),
    )


def test_round_trip_keeps_everything(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    original = sample_plan()
    editor.set_plan(original, 5)
    assert editor.plan() == original
    assert not editor.is_dirty()
    # Headings show only for domains that have goals.
    assert editor.domain_sections[LifeDomain.HOUSING][0].isVisibleTo(editor)
    assert not editor.domain_sections[LifeDomain.LEGAL][0].isVisibleTo(editor)


def test_remove_goal_and_step(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    housing = editor.goal_editors[0]
    housing.steps.setCurrentCell(0, 0)
    qtbot.mouseClick(housing.remove_step_button, Qt.MouseButton.LeftButton)
    family = editor.goal_editors[1]
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(family.remove_button, Qt.MouseButton.LeftButton)
    plan = editor.plan()
    assert [g.goal for g in plan.goals] == ["Find a place of my own"]
    assert [s.what for s in plan.goals[0].steps] == ["Visit the residence"]
    assert editor.is_dirty()
    assert not editor.domain_sections[LifeDomain.FAMILY_RELATIONSHIPS][0].isVisibleTo(editor)


def test_step_without_what_is_refused_inline(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(None, 1)
    goal = editor.add_goal(Goal(LifeDomain.HEALTH, "See a doctor"))
    goal.add_step(ActionStep("", "Me"))
    with qtbot.assertNotEmitted(editor.save_requested):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.goals_error.isVisible()
    assert editor.error_text() == "A step of goal 1 is required."
    assert goal.steps.hasFocus()


def test_crisis_contact_without_name_is_refused_inline(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(None, 1)
    editor.add_contact(CrisisContact("", "555-111-2222"))
    assert not editor.request_save()
    assert editor.crisis_error.isVisible()
    assert editor.error_text() == "A crisis contact's name is required."
    assert editor.crisis_contacts.hasFocus()


def test_blank_rows_are_left_out(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(None, 1)
    editor.add_goal(Goal(LifeDomain.LEGAL, ""))  # added, never written in
    editor.strengths.add_item("  ")
    editor.add_contact(CrisisContact("", ""))
    assert editor.request_save()
    plan = editor.plan()
    assert plan.goals == [] and plan.strengths == [] and plan.wellness.crisis_contacts == []


def test_draft_round_trip_through_json(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    editor.goal_editors[0].why_edit.setText("Changed, not saved yet")
    assert editor.is_dirty()
    draft = json.loads(json.dumps(editor.to_draft()))  # what the vault's drafts table stores
    other = make_editor(qtbot)
    other.from_draft(draft)
    assert other.is_dirty()
    expected = sample_plan()
    expected.goals[0].why_it_matters = "Changed, not saved yet"
    assert other.plan() == expected
    # A draft of a never-saved plan.
    editor.set_plan(None, 8)
    editor.vision.setPlainText("Started before the lock")
    fresh = make_editor(qtbot)
    fresh.from_draft(json.loads(json.dumps(editor.to_draft())))
    assert fresh.plan() == RecoveryPlan(8, "Started before the lock")


def test_versions(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_versions([])
    assert editor.versions.count() == 1
    editor.set_plan(sample_plan(), 5)
    editor.set_versions(
        [
            (1, datetime(2026, 1, 2, 10, tzinfo=UTC)),
            (2, datetime(2026, 3, 2, 10, tzinfo=UTC)),
            (3, datetime(2026, 5, 2, 14, tzinfo=UTC)),
        ]
    )
    assert [editor.versions.itemData(i) for i in range(3)] == [3, 2, 1]
    assert editor.versions.currentData() == 3
    with qtbot.waitSignal(editor.version_selected) as blocker:
        editor.versions.setFocus()
        qtbot.keyClick(editor.versions, Qt.Key.Key_Down)
    assert blocker.args == [2]


def test_every_input_has_an_accessible_name(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    assert unnamed(editor) == []


def test_tab_then_space_from_a_goal_never_removes_it(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    qtbot.wait(10)  # goal editors added to a shown page are shown by a queued call
    housing = editor.goal_editors[0]
    # The widget Tab reaches from "Goal" is "Why it matters"; Remove goal comes last of all.
    chain, widget = [], housing.goal_edit.nextInFocusChain()
    while widget is not housing.goal_edit and len(chain) < 50:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(editor):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain[0] is housing.why_edit
    assert chain.index(housing.remove_button) > chain.index(housing.remove_step_button)
    housing.why_edit.setFocus()
    qtbot.keyClick(housing.why_edit, Qt.Key.Key_Space)
    assert [g.goal for g in editor.plan().goals] == [
        "Find a place of my own",
        "Sunday dinners again",
    ]


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_removing_a_goal_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        yes = answer == "yes"
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    housing = editor.goal_editors[0]
    housing.remove_button.setFocus()
    qtbot.keyClick(housing.remove_button, Qt.Key.Key_Space)
    assert asked and "Find a place of my own" in asked[0] and "2" in asked[0]
    goals = [g.goal for g in editor.plan().goals]
    assert ("Find a place of my own" in goals) == (answer == "no")


def test_a_blank_new_goal_is_removed_without_asking(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    editor = make_editor(qtbot)
    qtbot.mouseClick(editor.add_goal_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.goal_editors[0].remove_button, Qt.MouseButton.LeftButton)
    assert editor.goal_editors == []


def test_add_goal_scrolls_the_new_goal_into_view(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.resize(1000, 420)
    editor.set_plan(sample_plan(), 5)
    for _ in range(4):
        qtbot.mouseClick(editor.add_goal_button, Qt.MouseButton.LeftButton)
    new = editor.goal_editors[-1].goal_edit
    assert focused() is new
    viewport = editor.scroll_area.viewport()
    top_left = new.mapTo(viewport, new.rect().topLeft())
    assert viewport.rect().contains(top_left), top_left


def test_a_typed_step_date_is_kept_or_refused_visibly(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    housing = editor.goal_editors[0]
    table = housing.steps

    def type_date(value: QDate | str) -> None:
        table.setFocus()
        table.setCurrentCell(1, 2)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        field = focused()
        assert isinstance(field, DateField)
        text = (
            value
            if isinstance(value, str)
            else field.locale().toString(value, field.displayFormat())
        )
        qtbot.keyClicks(field, text)  # typed whole, over the date the editor opened with
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.wait(10)  # the delegate commits and closes its editor by a queued call

    type_date(QDate(2026, 12, 15))
    assert housing.goal().steps[1].by_when == date(2026, 12, 15)
    assert not housing.date_error.isVisibleTo(editor)
    type_date("2/30/2027")  # no such day, in any format
    assert housing.goal().steps[1].by_when == date(2026, 12, 15)  # kept, not today
    assert housing.date_error.isVisibleTo(editor)
    assert "2/30/2027" in housing.date_error.text() and "not a date" in housing.date_error.text()


# -- saving (issue 17: "Saved as version 2" pushed the page down; every small save made a
# version). The decision is application/plans.py's; here: what the window shows of it.


def test_a_save_is_told_in_the_bar_and_the_form_does_not_move(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_plan(sample_plan(), 5)
    editor.vision.setPlainText("A calm home")
    assert editor.dirty_label.text() == "Unsaved changes"
    form_at = editor.scroll_area.geometry()
    stored = sample_plan()
    stored.version = 2
    editor.show_saved(stored, [(2, datetime.now(UTC)), (1, datetime.now(UTC))], "Saved as v2.")
    assert editor.dirty_label.text() == "Saved as v2." and not editor.is_dirty()
    assert editor.scroll_area.geometry() == form_at
    assert editor.versions.currentData() == 2 and editor.versions.count() == 2
    editor.vision.setPlainText("A calm home, again")
    assert editor.dirty_label.text() == "Unsaved changes"
    assert editor.scroll_area.geometry() == form_at


@pytest.mark.parametrize(
    ("lang", "updated", "new"),
    [
        ("en", "Version 1 updated", "Saved as version 2."),
        ("es", "Versión 1 actualizada", "Guardado como versión 2."),
    ],
)
def test_small_saves_update_the_working_version_until_it_is_printed(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, lang: str, updated: str, new: str
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Maren", "Oduya", date(2026, 5, 6), Setting.COMMUNITY))
    window = make_window(lang)
    unlock(qtbot, window)
    window.open_client(cid, TAB_KEYS.index("plan"))
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid, timeout=5_000)
    editor = ws.plan_editor
    form_at = editor.scroll_area.mapTo(ws, editor.scroll_area.rect().topLeft())

    def save(vision: str) -> str:
        editor.vision.setPlainText(vision)
        editor.save_button.click()
        qtbot.waitUntil(lambda: not editor.is_dirty() and not window.db.busy, timeout=5_000)
        qtbot.waitUntil(lambda: editor.dirty_label.text() != "", timeout=5_000)
        return editor.dirty_label.text()

    assert save("A calm home") in ("Saved as version 1.", "Guardado como versión 1.")
    assert save("A calm home and a job").startswith(updated)
    assert save("A calm home and a steady job").startswith(updated)
    assert [editor.versions.itemData(i) for i in range(editor.versions.count())] == [1]
    assert ws.plan_banner.isHidden()  # nothing pushed above the form
    assert editor.scroll_area.mapTo(ws, editor.scroll_area.rect().topLeft()) == form_at
    # Once printed, the next edit is a new version and the printed one stays as it was.
    window.db.call(lambda c: documents.record_print(c, documents.render_plan(c, cid), 2))
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    assert save("A calm home, a steady job, my kids") == new
    assert [editor.versions.itemData(i) for i in range(editor.versions.count())] == [2, 1]
