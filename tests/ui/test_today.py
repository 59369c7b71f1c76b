"""Today through the real window, by keyboard: filters (Alt+W when, Alt+K kind), "Later…"
(Alt+L, a typed date), "Mark done" (Alt+D), Enter opens the client where the item is done;
every change is in the vault and Today follows."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import PAGE_WORKSPACE, MainWindow
from coachdesk.ui.today import TodayPage
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.window_pages import seed_record, settle

ALT = Qt.KeyboardModifier.AltModifier


def rows(page: TodayPage) -> list[tuple[str, str, str]]:
    """(kind, client, when) of every item row shown."""
    found = []
    for top in range(page.due.topLevelItemCount()):
        parent = page.due.topLevelItem(top)
        assert parent is not None
        for row in range(parent.childCount()):
            item = parent.child(row)
            value = item.data(0, Qt.ItemDataRole.UserRole)
            found.append((value[1], item.text(0), item.text(3)))
    return found


def alt(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, ALT)


def test_today_filters_later_and_done_by_keyboard(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    window = make_window()
    unlock(qtbot, window)
    page = window.today_page
    qtbot.waitUntil(lambda: any(r[0] == "plan_review" for r in rows(page)), timeout=5_000)
    shown = {r[0]: r for r in rows(page)}
    assert shown["plan_review"][2] == "3 days late"
    assert shown["referral_follow_up"][2] == "today"
    assert shown["note_follow_up"][2] == "in 4 days"
    assert "Teo Quillan" in shown["plan_review"][1]

    # Alt+W: the "Show" filter; Down: "Overdue" -> only the late plan review is left.
    alt(qtbot, window, Qt.Key.Key_W)
    assert QApplication.focusWidget() is page.when
    qtbot.keyClick(page.when, Qt.Key.Key_Down)
    assert page.when.currentData() == "overdue"
    assert [r[0] for r in rows(page)] == ["plan_review"]

    # Alt+U to the list, Alt+L: move the review to a typed day.
    alt(qtbot, window, Qt.Key.Key_U)
    assert QApplication.focusWidget() is page.due
    assert page.current() is not None and page.current()[1] == "plan_review"  # type: ignore[index]
    alt(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=3_000)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field, timeout=3_000)
    later = date.today() + timedelta(days=5)
    qtbot.keyClicks(dialog.field, "not a day")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.field.problem  # refused visibly, still open
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, f"{later.month}/{later.day}/{later.year}")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3_000)
    with qtbot.waitActive(window):  # offscreen Qt does not give activation back by itself
        window.activateWindow()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: rows(page) == [], timeout=5_000)  # no longer overdue
    assert "Nothing matches this filter." in page.due.topLevelItem(0).text(0)  # type: ignore[union-attr]
    assert page.due.topLevelItem(0).isFirstColumnSpanned()  # type: ignore[union-attr]

    # "Due by today": the referral follow-up; Alt+D marks it done.
    page.when.setFocus()
    qtbot.keyClick(page.when, Qt.Key.Key_Down)
    assert page.when.currentData() == "today"
    qtbot.waitUntil(lambda: [r[0] for r in rows(page)] == ["referral_follow_up"], timeout=3_000)
    alt(qtbot, window, Qt.Key.Key_U)
    alt(qtbot, window, Qt.Key.Key_D)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: rows(page) == [], timeout=5_000)

    # Everything again: the review shows on its new day; the referral is gone.
    page.when.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.when, Qt.Key.Key_Up)
    assert page.when.currentData() == "all"
    kinds = {r[0]: r for r in rows(page)}
    assert kinds["plan_review"][2] == "in 5 days" and "referral_follow_up" not in kinds

    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        plan = c.plan(cid)
        assert plan is not None and plan.version == 2 and plan.review_date == later
        assert c.referrals(cid)[0].follow_up_on is None
        details = [e.detail for e in c.audit_trail(cid)]
    assert f"plan version 2: review moved to {later}" in details
    assert "referral 1 follow-up done" in details

    # Alt+K, the kind filter: session follow-ups; Enter opens the client on Session notes.
    alt(qtbot, window, Qt.Key.Key_K)
    assert QApplication.focusWidget() is page.kind
    for _ in range(page.kind.findData("note_follow_up")):  # after "All kinds" and the others
        qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    assert page.kind.currentData() == "note_follow_up"
    assert [r[0] for r in rows(page)] == ["note_follow_up"]
    alt(qtbot, window, Qt.Key.Key_U)
    qtbot.keyClick(page.due, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    assert window.pages.currentIndex() == PAGE_WORKSPACE
    assert window.workspace.tabs.currentIndex() == TAB_KEYS.index("notes")


def test_a_window_cannot_be_moved_and_done_opens_outcomes(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    from coachdesk.core.models import Client, Setting

    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Ines", "Marlow", date.today(), Setting.COMMUNITY))
    window = make_window()
    unlock(qtbot, window)
    page = window.today_page
    qtbot.waitUntil(lambda: [r[0] for r in rows(page)] == ["timepoint"], timeout=5_000)
    page.due.setFocus()
    assert page.current() is not None
    assert not page.later_button.isEnabled()  # the funder's window: not movable
    assert "cannot be moved" in page.later_button.toolTip()
    alt(qtbot, window, Qt.Key.Key_D)  # done = record the outcomes, on the Outcomes tab
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    assert window.workspace.tabs.currentIndex() == TAB_KEYS.index("outcomes")


def test_later_in_spanish_types_and_shows_day_first(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    cid = seed_record(coach_vault)
    window = make_window("es")
    unlock(qtbot, window)
    page = window.today_page
    qtbot.waitUntil(lambda: any(r[0] == "plan_review" for r in rows(page)), timeout=5_000)
    assert {r[0]: r for r in rows(page)}["plan_review"][2] == "3 días de retraso"
    page.kind.setCurrentIndex(page.kind.findData("plan_review"))
    page.due.setFocus()
    page.snooze()
    dialog = page.dialog
    assert dialog is not None
    start = date.today() + timedelta(days=7)
    # The field shows the date as the lists do: day first, four-digit year.
    assert dialog.field.text() == f"{start.day}/{start.month}/{start.year}"
    later = date(date.today().year + 1, 1, 23)
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, f"23/1/{later.year}")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=3_000)
    settle(qtbot, window)
    with Vault.open(coach_vault, PASSPHRASE) as v:
        plan = Caseload(v).plan(cid)
    assert plan is not None and plan.review_date == later  # 23 January, not a 23rd month
