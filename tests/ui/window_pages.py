"""A full synthetic record and a walk over every page of the real window, shared by the
window-level tests (fit, mnemonics, dates, accessible names)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    ActionStep,
    Client,
    Consent,
    ContactMode,
    Goal,
    LifeDomain,
    OutcomeAssessment,
    Pathway,
    RecoveryPlan,
    Referral,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    Timepoint,
)
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import PAGE_CLIENTS, PAGE_RESOURCES, PAGE_TODAY, MainWindow
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE

# Past days after the 12th, so that a day-first and a month-first date cannot be confused.
INTAKE = date(2025, 10, 23)
SIGNED = date(2025, 10, 23)


def seed_record(vault_path: Path) -> int:
    """One client with something in every part of the record, and things due today."""
    today = date.today()
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        cid = c.add_client(
            Client("Teodora", "Quillan", INTAKE, Setting.DRUG_COURT, "Teo", pronouns="she/her")
        )
        for expires, event in ((date(2026, 10, 23), ""), (None, "when the court case closes")):
            c.add_consent(
                Consent(
                    cid,
                    "River Recovery Coaching",
                    "Attendance and progress",
                    "Drug court coordinator",
                    "Court reports",
                    "May be revoked at any time, in writing",
                    expires,
                    event,
                    "Teodora Quillan",
                    SIGNED,
                )
            )
        c.save_plan(
            RecoveryPlan(
                cid,
                "A calm home and a steady job",
                goals=[
                    Goal(
                        LifeDomain.HOUSING,
                        "Find a room near the bus line",
                        "Stability",
                        [ActionStep("Call the housing office", "Teo", date(2025, 11, 14))],
                    ),
                    Goal(LifeDomain.EMPLOYMENT_EDUCATION, "Finish the forklift course"),
                ],
                review_date=today - timedelta(days=3),
            )
        )
        c.record_barc10(cid, [3, 3, 3, 2, 3, 3, 3, 4, 3, 3], date(2025, 10, 23))
        c.record_barc10(cid, [5, 5, 4, 4, 5, 5, 4, 5, 5, 5], date(2026, 4, 23))
        c.record_outcome(OutcomeAssessment(cid, Timepoint.BASELINE, INTAKE, days_used=12))
        c.add_resource(
            Resource(
                "Harbor Detox Unit",
                ResourceCategory.DETOX,
                [Pathway.CLINICAL_TREATMENT],
                phone="555-488-3000 ext. 12",
                hours="Mon-Fri 9-5, Sat 10-2",
            )
        )
        c.make_referral(
            Referral(cid, ResourceCategory.HOUSING, date(2025, 11, 14), follow_up_on=today)
        )
        at = datetime(2025, 11, 23, 15, 0, tzinfo=UTC)
        c.add_note(
            SessionNote(
                cid,
                at,
                ContactMode.IN_PERSON,
                "Talked about the housing list.",
                30,
                next_steps="Bring ID to the next session",
                follow_up_on=today + timedelta(days=4),
            )
        )
    return cid


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    for _ in range(3):
        QApplication.processEvents()


def every_page(qtbot: QtBot, window: MainWindow, client_id: int) -> Iterator[str]:
    """Show each page of the unlocked window in turn (Today, Clients, Resources, then each
    tab of the client's workspace); yields the page's name while it is shown."""
    window.go(PAGE_TODAY)
    settle(qtbot, window)
    yield "today"
    # The searches typed in, so that their clear buttons show too.
    window.go(PAGE_CLIENTS)
    window.clients_page.search.setText("Quillan")
    qtbot.waitUntil(lambda: window.clients_page.model.rowCount() == 1, timeout=5_000)
    settle(qtbot, window)
    yield "clients"
    window.go(PAGE_RESOURCES)
    window.resources_page.search.setText("Harbor")
    qtbot.wait(200)  # the search waits for typing to pause
    settle(qtbot, window)
    yield "resources"
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.workspace.client_id == client_id, timeout=5_000)
    for key in TAB_KEYS:
        window.workspace.tabs.setCurrentIndex(TAB_KEYS.index(key))
        settle(qtbot, window)
        yield key
        if key == "notes":  # the new-note form beside the history, as while writing a note
            window.workspace.focus_new_note()
            settle(qtbot, window)
            yield "notes-writing"
            window.workspace.note_form.cancel_button.click()
            settle(qtbot, window)
            # A search typed in: its hits, and the search box's clear button.
            window.workspace.notes_list.search.setText("housing")
            window.workspace.search_notes("housing")
            settle(qtbot, window)
            yield "notes-search"
            window.workspace.notes_list.search.clear()
            window.workspace.notes_list.set_notes(window.workspace.notes_list.notes())
            settle(qtbot, window)
