"""Today's consent item through the real window (issue 17), in English and in Spanish: a
client whose only consent expired, and one whose consent ends soon; "Later" is refused with
its reason; Enter opens the client on Profile & consents, "Mark done" with a new consent open."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Consent, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.common import fmt_date
from coachdesk.ui.main_window import PAGE_TODAY, PAGE_WORKSPACE
from coachdesk.ui.today import TodayPage
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.window_pages import settle

WORDS = {
    "en": (
        "Consents ended or ending (2)",
        "Nothing may be disclosed: renew it",
        "Consent ended on {d}: nothing may be disclosed. Renew it with the client.",
        "ended 6 days ago",
        "Consent ends on {d}",
        "in 12 days",
    ),
    "es": (
        "Consentimientos terminados o por terminar (2)",
        "No se puede divulgar nada: renuévelo",
        "El consentimiento terminó el {d}: no se puede divulgar nada. Renuévelo con el "
        "participante.",
        "terminó hace 6 días",
        "El consentimiento termina el {d}",
        "en 12 días",
    ),
}


def seed(vault_path: Path) -> tuple[int, int, date, date]:
    """Ines's only consent expired 6 days ago; Bo's ends in 12 days."""
    today = date.today()
    ended, ending = today - timedelta(days=6), today + timedelta(days=12)
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        ids = []
        for given, family, expires in (("Ines", "Marlow", ended), ("Bo", "Ferrante", ending)):
            # intake long ago, outcomes windows passed: only the consent asks for something
            cid = c.add_client(
                Client(given, family, today - timedelta(days=420), Setting.JAIL_PRISON)
            )
            c.add_consent(
                Consent(
                    cid, "River Recovery Coaching", "Attendance", "Drug court coordinator",
                    "Court reports", "In writing", expires, "", f"{given} {family}",
                    today - timedelta(days=300),
                )
            )  # fmt: skip
            ids.append(cid)
    return ids[0], ids[1], ended, ending


def consent_rows(page: TodayPage) -> tuple[QTreeWidgetItem, list[QTreeWidgetItem]]:
    for top in range(page.due.topLevelItemCount()):
        group = page.due.topLevelItem(top)
        assert group is not None
        children = [group.child(i) for i in range(group.childCount())]
        if children and children[0].data(0, Qt.ItemDataRole.UserRole)[1] == "consent":
            return group, children
    raise AssertionError("no consent group on Today")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_consent_items_show_in_both_languages_and_open_the_consents(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, lang: str
) -> None:
    ines, bo, ended, ending = seed(coach_vault)
    window = make_window(lang)
    unlock(qtbot, window)
    page = window.today_page
    qtbot.waitUntil(
        lambda: page.due.topLevelItemCount() > 0 and page._data is not None, timeout=5_000
    )
    group_words, row_words, ended_words, ago, ending_words, soon = WORDS[lang]
    group, (first, second) = consent_rows(page)
    assert group.text(0) == group_words
    assert [first.text(0), first.text(1), first.text(2), first.text(3)] == [
        "Ines Marlow",
        row_words,
        fmt_date(ended),
        ago,
    ]
    assert [second.text(0), second.text(1), second.text(2), second.text(3)] == [
        "Bo Ferrante",
        ending_words.format(d=fmt_date(ending)),
        fmt_date(ending),
        soon,
    ]
    assert first.foreground(0).color().name() == "#a8461f"  # overdue: nothing may be disclosed
    # The whole words in the tooltip (the row says what matters first: they were cut there).
    assert first.toolTip(1) == ended_words.format(d=fmt_date(ended))
    assert second.toolTip(1) == second.text(1)
    # The kind filter has it; "Overdue" keeps only the ended one.
    page.kind.setCurrentIndex(page.kind.findData("consent"))
    page.when.setCurrentIndex(page.when.findData("overdue"))
    assert [r.text(0) for r in consent_rows(page)[1]] == ["Ines Marlow"]
    page.due.setFocus()
    page.due.setCurrentItem(consent_rows(page)[1][0])
    assert not page.later_button.isEnabled() and page.done_button.isEnabled()
    assert page.later_button.toolTip() == (
        "A consent is renewed with the client: record the new one."
        if lang == "en"
        else "Un consentimiento se renueva con el participante: registre el nuevo."
    )
    qtbot.keyClick(page.due, Qt.Key.Key_Return)  # opens the client where it is renewed
    qtbot.waitUntil(lambda: window.workspace.client_id == ines, timeout=5_000)
    assert window.pages.currentIndex() == PAGE_WORKSPACE
    assert window.workspace.tabs.currentIndex() == TAB_KEYS.index("profile")
    settle(qtbot, window)
    assert window.workspace.consent_warning.isVisible()  # the header says it too
    # The overview's "What is due" says the words once, whole, without a date after them.
    window.workspace.tabs.setCurrentIndex(TAB_KEYS.index("overview"))
    settle(qtbot, window)
    due_text = window.workspace.overview.parts["due"][1].text()
    assert f"<b>{ended_words.format(d=fmt_date(ended))}</b>" in due_text.replace("&quot;", '"')
    assert ".:" not in due_text
    assert not window.workspace.consent_scroll.isVisible()  # Enter: the consents, to read
    # "Mark done" on the one ending soon opens Bo's consents with the new consent's form.
    window.go(PAGE_TODAY)
    page.when.setCurrentIndex(page.when.findData("all"))
    page.due.setCurrentItem(consent_rows(page)[1][1])
    page.done_button.click()
    qtbot.waitUntil(lambda: window.workspace.client_id == bo, timeout=5_000)
    assert window.workspace.tabs.currentIndex() == TAB_KEYS.index("profile")
    qtbot.waitUntil(window.workspace.consent_scroll.isVisible, timeout=5_000)
    assert window.workspace.consent_form.disclosing_party.hasFocus()
