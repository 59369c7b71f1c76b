from __future__ import annotations

from datetime import date, timedelta

from coachdesk.application.caseload import Caseload
from coachdesk.application.demo import generate
from coachdesk.core import timepoints
from coachdesk.core.models import Timepoint
from coachdesk.storage.vault import Vault

INTAKE = date(2026, 1, 10)


def test_windows_follow_suprt() -> None:
    w = {x.timepoint: x for x in timepoints.windows(INTAKE)}
    assert (w[Timepoint.BASELINE].opens, w[Timepoint.BASELINE].closes) == (
        INTAKE,
        INTAKE + timedelta(days=30),
    )
    assert w[Timepoint.FOLLOWUP_180].opens == INTAKE + timedelta(days=150)
    assert w[Timepoint.FOLLOWUP_180].closes == INTAKE + timedelta(days=210)
    assert w[Timepoint.ANNUAL].opens == INTAKE + timedelta(days=335)
    assert Timepoint.CLOSEOUT not in w


def test_closeout_after_discharge_and_later_windows_dropped() -> None:
    ended = INTAKE + timedelta(days=100)
    names = [x.timepoint for x in timepoints.windows(INTAKE, ended)]
    assert names == [Timepoint.BASELINE, Timepoint.CLOSEOUT]
    assert timepoints.timepoint_for(INTAKE, ended, ended + timedelta(days=29)) == (
        Timepoint.CLOSEOUT
    )
    assert timepoints.timepoint_for(INTAKE, None, INTAKE + timedelta(days=100)) is None


def test_due_includes_windows_opening_soon_but_not_recorded_or_closed() -> None:
    today = INTAKE + timedelta(days=145)  # the 180-day window opens in 5 days
    assert [w.timepoint for w in timepoints.due(INTAKE, None, set(), today)] == [
        Timepoint.FOLLOWUP_180
    ]
    assert timepoints.due(INTAKE, None, {Timepoint.FOLLOWUP_180}, today) == []


def test_demo_caseload_is_synthetic_and_complete(vault: Vault) -> None:
    generate(vault, clients=12, seed=5, notes_per_client=10, today=date(2026, 11, 22))
    caseload = Caseload(vault, today=date(2026, 11, 22))
    rows = caseload.list_clients(limit=100)
    assert len(rows) == 12
    first = rows[0].id
    assert caseload.plan(first) is not None
    assert caseload.notes(first) and caseload.consents(first)
    assert caseload.barc10_series(first), "every client reached at least the baseline"
    caseload.verify_audit()
    again_names = [r.name for r in rows]
    assert len(set(again_names)) == len(again_names) or len(set(again_names)) >= 10
