"""Reminders derived from the caseload: the rules, from the facts of each episode.

The items of each episode are stored (storage: due_items, kept current by the write paths) so
that Today reads the few near today; which of them show on a day is decided here, at reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
    family: bool = False  # a family client: no BARC-10/SUPRT windows (docs/domain.md)
    # issue 19: the day a hand-off of this client was accepted, while no session has been
    # logged since (a contact attempt does not end it: it is no contact); None otherwise
    first_contact_since: date | None = None
    # The client's consents (issue 17): (the last day one still covers, the end date its words
    # name), from `consent_end`; None when none was ever signed or one has no end date
    consent_end: tuple[date, date] | None = None


KIND_TITLES = {
    # issue 19: worded with the sending coach's name (Reminder.detail) by each front-end
    "first_contact": "First contact (handed off from {coach})",
    "plan_review": "Recovery plan review",
    "referral_follow_up": "Referral follow-up",
    "note_follow_up": "Follow-up from last session",
    # issue 17: worded with the end date (DueItem.ends_on) by each front-end; "consent_ended"
    # is the same item's title once no consent covers the client (overdue)
    "consent": "Consent ends on {date}",
    "consent_ended": "Consent ended on {date}: nothing may be disclosed. Renew it with the client.",
}
# Bump when the rules below change what due_items() returns: stored items are then recomputed.
RULES_VERSION = 4  # 3: the first contact after a hand-off (issue 19); 4: consents (issue 17)
EXPIRING_DAYS = 30  # a consent ending within this many days is "ending soon" (Today, the header)
# How far ahead Today shows a date due until done: SOON_DAYS, or longer for these kinds.
SHOWN_AHEAD = {"consent": EXPIRING_DAYS}


def shown_until(kind: str, today: date) -> date:
    """The last due date of `kind` that Today shows on `today` (of a window: its opening)."""
    return today + timedelta(days=SHOWN_AHEAD.get(kind, timepoints.SOON_DAYS))


def consent_end(consents: Iterable[tuple[date | None, date | None]]) -> tuple[date, date] | None:
    """When a client's consents, each given as (expires_on, revoked_on), stop covering a
    disclosure: (the last day one still covers, the end date to name). A consent is active
    through its expiry date; a revoked one ended on its revocation day (Consent.is_active),
    unless it had expired before. None when there is none, or one ends on an event only."""
    ends = []
    for expires, revoked in consents:
        if revoked is not None and (expires is None or revoked <= expires):
            ends.append((revoked - timedelta(days=1), revoked))
        elif expires is not None:
            ends.append((expires, expires))
        else:
            return None
    return max(ends, default=None)


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing an episode will ask of the coach, whatever the day: a collection window
    (from `due_on` to `closes_on`) or a date due until it is done (`closes_on` None).
    Stored in the vault's due_items table and kept current as records change."""

    client_id: int
    seq: int  # the rules' order within one client (ties in Today keep it)
    kind: str
    due_on: date
    closes_on: date | None = None
    timepoint: Timepoint | None = None
    ends_on: date | None = None  # a consent: the end date its words name (`consent_end`)

    def title_on(self, today: date) -> str:
        if self.timepoint:
            return TIMEPOINT_TITLES[self.timepoint]
        ended = self.kind == "consent" and self.due_on < today
        return KIND_TITLES["consent_ended" if ended else self.kind]


def accepted_ago(since: datetime | None, now: datetime) -> tuple[str, int] | None:
    """How long ago a first contact's hand-off was accepted: ("hours", n) for the first 48
    hours, then ("days", n): the ED measures are first contact within 48 hours and 7 days."""
    if since is None:
        return None
    hours = max(int((now - since).total_seconds() // 3600), 0)
    return ("hours", hours) if hours < 48 else ("days", hours // 24)


def due_items(f: EpisodeFacts) -> list[DueItem]:
    """Every item of one episode; `reminders_for_day` picks those that show on a given day."""
    kinds: list[tuple[str, date, date | None, Timepoint | None, date | None]] = [
        ("timepoint", w.opens, w.closes, w.timepoint, None)
        for w in timepoints.windows(f.intake, f.services_ended)
        if w.timepoint not in f.recorded and not f.family
    ]
    if f.first_contact_since is not None:  # due at once: the day the hand-off was accepted
        kinds.append(("first_contact", f.first_contact_since, None, None, None))
    if f.plan_review is not None:
        kinds.append(("plan_review", f.plan_review, None, None, None))
    kinds += [("referral_follow_up", d, None, None, None) for d in f.open_referral_follow_ups]
    if f.note_follow_up is not None:
        kinds.append(("note_follow_up", f.note_follow_up, None, None, None))
    # A consent is due on its last covered day, overdue from the next; an active client's
    # only, as plan reviews and session follow-ups are (docs/domain.md, "Consent on Today").
    if f.consent_end is not None and f.services_ended is None:
        kinds.append(("consent", f.consent_end[0], None, None, f.consent_end[1]))
    return [
        DueItem(f.client_id, seq, kind, due, closes, tp, ends)
        for seq, (kind, due, closes, tp, ends) in enumerate(kinds)
    ]


def reminders_for_day(items: Iterable[tuple[DueItem, str]], today: date) -> list[Reminder]:
    """The reminders of `today` from (item, client name) pairs: windows open today or opening
    within SOON_DAYS, dates due by then (`shown_until`; overdue once past). Overdue first, then
    by date."""
    keyed = []
    for item, name in items:
        if item.due_on > shown_until(item.kind, today):
            continue
        if item.closes_on is not None:
            if item.closes_on < today:
                continue
            reminder = Reminder(
                item.client_id,
                name,
                item.kind,
                max(item.due_on, today),
                item.title_on(today),
                overdue=False,
                window_closes_on=item.closes_on,
            )
        else:
            reminder = Reminder(
                item.client_id,
                name,
                item.kind,
                item.due_on,
                item.title_on(today),
                item.due_on < today,
                ends_on=item.ends_on,
            )
        order = (
            not reminder.overdue,
            item.closes_on or item.due_on,
            name,
            item.client_id,
            item.seq,
        )
        keyed.append((order, reminder))
    keyed.sort(key=lambda pair: pair[0])
    return [reminder for _, reminder in keyed]


KIND_ORDER = (
    "first_contact",
    "timepoint",
    "plan_review",
    "referral_follow_up",
    "note_follow_up",
    "consent",
)
# The kinds due until done (no window): Today reads them by due date.
UNTIL_DONE_KINDS = tuple(kind for kind in KIND_ORDER if kind != "timepoint")


@dataclass(frozen=True, slots=True)
class TodayPage:
    """What Today shows without listing everything: how many things of each kind are due or
    coming up, and the first ones of each kind in the order the page lists them (by due date;
    same dates in the order of `reminders`)."""

    counts: dict[str, int]
    overdue: int
    first: dict[str, list[Reminder]]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def page_of(reminders_of_day: list[Reminder], per_kind: int) -> TodayPage:
    """The TodayPage of a full list (what the indexed page must equal)."""
    first = {
        kind: sorted((r for r in reminders_of_day if r.kind == kind), key=lambda r: r.due_on)
        for kind in KIND_ORDER
    }
    return TodayPage(
        {kind: len(items) for kind, items in first.items() if items},
        sum(1 for r in reminders_of_day if r.overdue),
        {kind: items[:per_kind] for kind, items in first.items() if items},
    )


def reminders(facts: Iterable[EpisodeFacts], today: date) -> list[Reminder]:
    """Recompute `today`'s reminders from the facts of every episode (the indexed path in
    storage/repos.py must give the same list)."""
    return reminders_for_day(((i, f.name) for f in facts for i in due_items(f)), today)
