"""Reminders derived from the caseload: nothing is stored, everything is recomputed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.core import timepoints
from coachdesk.core.models import Reminder, Timepoint

TIMEPOINT_TITLES = {
    Timepoint.BASELINE: "Baseline outcomes due",
    Timepoint.FOLLOWUP_180: "180-day follow-up due",
    Timepoint.ANNUAL: "Annual follow-up due",
    Timepoint.CLOSEOUT: "Closeout outcomes due",
}


@dataclass(frozen=True, slots=True)
class EpisodeFacts:
    """What the reminder rules need to know about one client (read in one query)."""

    client_id: int
    name: str
    intake: date
    services_ended: date | None
    recorded: frozenset[Timepoint]
    plan_review: date | None
    open_referral_follow_ups: tuple[date, ...]
    note_follow_up: date | None


def reminders(facts: Iterable[EpisodeFacts], today: date) -> list[Reminder]:
    horizon = today + timedelta(days=timepoints.SOON_DAYS)
    out: list[Reminder] = []
    for f in facts:
        for w in timepoints.due(f.intake, f.services_ended, set(f.recorded), today):
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "timepoint",
                    max(w.opens, today) if w.opens <= today else w.opens,
                    TIMEPOINT_TITLES[w.timepoint],
                    overdue=False,
                    window_closes_on=w.closes,
                )
            )
        if f.plan_review is not None and f.plan_review <= horizon:
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "plan_review",
                    f.plan_review,
                    "Recovery plan review",
                    overdue=f.plan_review < today,
                )
            )
        for due_on in f.open_referral_follow_ups:
            if due_on <= horizon:
                out.append(
                    Reminder(
                        f.client_id,
                        f.name,
                        "referral_follow_up",
                        due_on,
                        "Referral follow-up",
                        overdue=due_on < today,
                    )
                )
        if f.note_follow_up is not None and f.note_follow_up <= horizon:
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "note_follow_up",
                    f.note_follow_up,
                    "Follow-up from last session",
                    overdue=f.note_follow_up < today,
                )
            )
    out.sort(key=lambda r: (not r.overdue, r.window_closes_on or r.due_on, r.client_name))
    return out
