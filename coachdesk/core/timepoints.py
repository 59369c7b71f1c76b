"""Outcome timepoints after SAMHSA's SUPRT and their collection windows.

Baseline within 30 days of intake; reassessment at 180 days and annually (each +/- 30 days);
closeout within 30 days of the end of services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.core.models import Timepoint

WINDOW_DAYS = 30
FOLLOW_UP_TARGET = 0.80  # share of follow-ups a program is expected to reach
SOON_DAYS = 7  # a window opening or a date falling within this many days is "coming up"
# No window lasts longer (from its first to its last day): Today looks back this far for
# windows still open (storage/repos.py reminders).
LONGEST_WINDOW_DAYS = 2 * WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class Window:
    timepoint: Timepoint
    opens: date
    closes: date

    def contains(self, day: date) -> bool:
        return self.opens <= day <= self.closes


def windows(intake: date, services_ended: date | None = None) -> list[Window]:
    """Every collection window of an episode, in order."""
    result = [
        Window(Timepoint.BASELINE, intake, intake + timedelta(days=WINDOW_DAYS)),
        Window(
            Timepoint.FOLLOWUP_180,
            intake + timedelta(days=180 - WINDOW_DAYS),
            intake + timedelta(days=180 + WINDOW_DAYS),
        ),
        Window(
            Timepoint.ANNUAL,
            intake + timedelta(days=365 - WINDOW_DAYS),
            intake + timedelta(days=365 + WINDOW_DAYS),
        ),
    ]
    if services_ended is not None:
        result = [w for w in result if w.opens <= services_ended]
        result.append(
            Window(Timepoint.CLOSEOUT, services_ended, services_ended + timedelta(days=WINDOW_DAYS))
        )
    return result


def due(
    intake: date, services_ended: date | None, recorded: set[Timepoint], today: date
) -> list[Window]:
    """Windows not yet recorded that are open today or open within SOON_DAYS."""
    horizon = today + timedelta(days=SOON_DAYS)
    return [
        w
        for w in windows(intake, services_ended)
        if w.timepoint not in recorded and w.opens <= horizon and w.closes >= today
    ]


def timepoint_for(intake: date, services_ended: date | None, taken_on: date) -> Timepoint | None:
    """The timepoint whose window holds `taken_on`, if any (the closeout wins at the end)."""
    matches = [w.timepoint for w in windows(intake, services_ended) if w.contains(taken_on)]
    return matches[-1] if matches else None
