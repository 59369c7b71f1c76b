"""Format 2's per-period figures, computed on the coach's device from exact dates
(FORMAT.md section 7). Input: storage.export_queries.ActivityRow; output: for every reporting
period and setting, a flat {cell name: count} with zero cells left out. Only counts leave: no
date, no pseudonym, nothing per person. Pure: any thread.

Definitions (the RCO's methods section repeats them, rco/report.py):
- people: episodes with at least one session, contact attempt or group session in the period;
  the demographic tables split exactly these people (age at intake, gender, race, ethnicity).
- enrolled: intake date in the period; ended: end of services (status date of a discharge,
  transfer or lost contact) in the period.
- sessions / attempts / group_sessions: notes dated in the period (the UTC date of the note).
- ref.made.C: referrals of category C made in the period; ref.linked.C: those of them whose
  status is linked; ref.linked30.C: linked with a status date within 30 days of the referral.
- fu.due.T: collection windows of timepoint T (core/timepoints.py) that closed in the period and
  on or before the export day; an episode that ended before a reassessment window opened has no
  such window (the closeout cancels later reassessments). fu.window.T: of those, an assessment
  (BARC-10 or outcomes) of T dated inside the window; fu.late.T: only outside it.
- barc.*: episodes with a baseline BARC-10 and a follow-up BARC-10 (180-day, annual or
  closeout) dated in the period; "latest" = the latest such follow-up in the period.
- dom.D.*: the same for the outcome answers, per domain, for episodes answering D both times.
- kind.K: the people split by client kind (person in recovery, family member).
- support.K / minutes.K: sessions and group sessions (not attempts) dated in the period by
  support kind, and the sum of their durations; accomp.D: accompaniments by destination.
- fam.n: family clients with a family follow-up dated in the period; fam.treatment,
  fam.support, fam.own_support: of them, those whose latest follow-up in the period says the
  loved one is engaged in treatment, in recovery support, and the family member has support.
  Family clients have no SUPRT windows (fu.*), BARC-10 or outcome domains.
Everything is counted up to the export day only: later-dated entries are left out.
A handed-off episode (issue 19; ActivityRow.since/until) counts its dated facts on the side of
the hand-off's day they lie on, and its distinct people by `_people_keys`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from coachdesk.core import timepoints
from coachdesk.core.models import (
    ClientKind,
    Destination,
    Race,
    ResourceCategory,
    SupportKind,
    Timepoint,
)
from coachdesk.exchange import periods
from coachdesk.exchange.payload_schema import (
    CELL_SETTINGS,
    DESTINATIONS,
    EMPLOYMENT,
    ETHNICITY_GROUPS,
    GENDER_GROUPS,
    HOUSING,
    SUPPORT_KINDS,
)
from coachdesk.storage import suggestion_repo
from coachdesk.storage.export_queries import ActivityRow, NoteTotal

BARC_THRESHOLD = 47  # a total of 47 or more predicts sustained remission (DOMAIN.md)
LINKED_WITHIN_DAYS = 30
FOLLOW_UPS = ("followup_180", "annual", "closeout")
_RACES = frozenset(r.value for r in Race if r != Race.PREFERS_NOT_TO_SAY)
_CATEGORIES = frozenset(c.value for c in ResourceCategory)
_SUPPORT = frozenset(SUPPORT_KINDS)
_DESTINATIONS = frozenset(DESTINATIONS)
_FAMILY = ClientKind.FAMILY_MEMBER.value
_BASELINE = Timepoint.BASELINE.value


# -- outcome domains (shared with rco/metrics for format 1 records) ---------------------------


def _housing(o: dict[str, Any]) -> bool | None:
    v = o.get("housing")
    return None if v not in HOUSING else v == "stable"


def _employed(o: dict[str, Any]) -> bool | None:
    v = o.get("employment")
    return None if v not in EMPLOYMENT else v in ("employed", "student")


def _whole(value: Any, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        return None
    return value


def _arrested(o: dict[str, Any]) -> bool | None:
    v = _whole(o.get("arrests"), 99)
    return None if v is None else v > 0


def _no_use(o: dict[str, Any]) -> bool | None:
    v = _whole(o.get("days_used"), 30)
    return None if v is None else v == 0


def _engaged(o: dict[str, Any]) -> bool | None:
    a, b = o.get("in_treatment"), o.get("on_moud")
    if a is None and b is None:
        return None
    return bool(a) or bool(b)


DOMAINS: dict[str, tuple[str, Callable[[dict[str, Any]], bool | None]]] = {
    "housing": ("Stable housing", _housing),
    "employment": ("Employed or in school", _employed),
    "arrests": ("Any arrest, past 30 days", _arrested),
    "use": ("No days of use, past 30 days", _no_use),
    "engagement": ("In treatment or on MOUD", _engaged),
}


def days_used(o: dict[str, Any]) -> int | None:
    return _whole(o.get("days_used"), 30)


# -- demographic groups -----------------------------------------------------------------------


def age_group(age: int | None) -> str:
    if age is None or age < 0:
        return "unknown"
    if age < 18:
        return "under_18"
    if age >= 65:
        return "65_plus"
    for low, high in ((18, 24), (25, 34), (35, 44), (45, 54), (55, 64)):
        if low <= age <= high:
            return f"{low}_{high}"
    return "unknown"  # pragma: no cover - every age is in a band above


def race_group(race: str) -> str:
    chosen = {r.strip() for r in race.split(",") if r.strip()}
    if Race.PREFERS_NOT_TO_SAY.value in chosen:
        return Race.PREFERS_NOT_TO_SAY.value
    known = chosen & _RACES
    if not known:
        return "not_recorded"
    return next(iter(known)) if len(known) == 1 else "two_or_more"


def ethnicity_group(ethnicity: str) -> str:
    return ethnicity if ethnicity in ETHNICITY_GROUPS else "not_recorded"


def _gender_group(gender: str) -> str:
    return gender if gender in GENDER_GROUPS else "undisclosed"


# -- the per-period cells ---------------------------------------------------------------------


@dataclass(slots=True)
class PeriodCells:
    fiscal_year_start: int
    first_quarter: int | None  # None: no activity at all yet
    last_quarter: int  # the quarter of the export day
    cells: dict[tuple[str, str], dict[str, int]]  # (period, setting) -> {cell: count}

    def to_payload(self) -> dict[str, Any]:
        return {
            "fiscal_year_start": self.fiscal_year_start,
            "first_quarter": (
                None if self.first_quarter is None else periods.quarter_key(self.first_quarter)
            ),
            "last_quarter": periods.quarter_key(self.last_quarter),
            "cells": [
                {"period": period, "setting": setting, "counts": dict(sorted(counts.items()))}
                for (period, setting), counts in sorted(self.cells.items())
                if counts
            ],
        }


class _Adder:
    """Counts per (period key, setting). Additive counts are kept per quarter and added into
    their years, fiscal years and "all" once at the end; distinct-people counts (people,
    demographics, BARC-10, domains) go straight into every period key."""

    def __init__(self, fiscal_start: int, today: date) -> None:
        self.fiscal_start = fiscal_start
        self.last = periods.quarter_index(today)
        self.today = today
        self.cells: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.quarterly: dict[tuple[int, str], dict[str, int]] = defaultdict(
            lambda: defaultdict(int)
        )
        self.first: int | None = None
        self._keys: dict[int, tuple[str, ...]] = {}
        self._served: dict[tuple[int, ...], tuple[str, ...]] = {}

    def keys(self, quarter: int) -> tuple[str, ...]:
        found = self._keys.get(quarter)
        if found is None:
            found = self._keys[quarter] = periods.containing(quarter, self.fiscal_start)
        return found

    def served(self, quarters: Iterable[int]) -> tuple[str, ...]:
        """Every period key of these quarters (up to today's), once; clients served in the
        same quarters share the answer."""
        chosen = tuple(sorted(q for q in quarters if q <= self.last))
        found = self._served.get(chosen)
        if found is None:
            found = self._served[chosen] = tuple(
                dict.fromkeys(key for quarter in chosen for key in self.keys(quarter))
            )
        return found

    def seen(self, quarter: int) -> None:
        if self.first is None or quarter < self.first:
            self.first = quarter

    def add_quarter(self, setting: str, quarter: int, name: str, n: int = 1) -> None:
        self.seen(quarter)
        self.quarterly[(quarter, setting)][name] += n

    def add_on(self, setting: str, day: date, name: str, n: int = 1) -> bool:
        """Count on `day`'s quarter; False (nothing counted) when the day is after today."""
        if day > self.today:
            return False
        self.add_quarter(setting, periods.quarter_index(day), name, n)
        return True

    def roll_up(self) -> None:
        for (quarter, setting), counts in self.quarterly.items():
            for key in self.keys(quarter):
                cell = self.cells[(key, setting)]
                for name, n in counts.items():
                    cell[name] += n
        self.quarterly.clear()


# -- a handed-off episode (issue 19; FORMAT.md section 7, "Hand-offs") -----------------------


def _within(row: ActivityRow, day: date) -> bool:
    """A dated fact counts on this device: the sender's before the day the hand-off was
    accepted, the receiver's from that day on."""
    return (row.since is None or day >= row.since) and (row.until is None or day < row.until)


def _people_keys(add: _Adder, row: ActivityRow, quarter: int) -> tuple[str, ...]:
    """The period keys of `quarter` in which this device counts the episode's distinct people
    (people and their splits, BARC-10 and outcome pairs, family follow-ups). A period holding
    the quarter of the hand-off is the receiver's, which holds both sides' records; the periods
    before it are the sender's, those after it the receiver's."""
    keys = add.keys(quarter)
    if row.until is not None:
        handed = periods.quarter_index(row.until)
        if quarter > handed:
            return ()
        keys = tuple(k for k in keys if k not in add.keys(handed))
    if row.since is not None:
        came = periods.quarter_index(row.since)
        if quarter < came:
            keys = tuple(k for k in keys if k in add.keys(came))
        if keys:
            add.seen(max(quarter, came))  # the bundle covers what it counts
    return keys


def _span_notes(row: ActivityRow) -> list[NoteTotal]:
    """The episode's notes dated in its span on this device, as note totals."""
    return [
        (row.setting, periods.quarter_index(day), attempt, group, kind, destination, n, minutes)
        for day, attempt, group, kind, destination, n, minutes in row.notes_by_day
        if _within(row, day)
    ]


def _follow_ups(add: _Adder, setting: str, row: ActivityRow) -> None:
    ended = row.ended if row.ended is not None and row.ended <= add.today else None
    for window in timepoints.windows(row.intake, ended):
        if window.closes > add.today or not _within(row, window.closes):
            continue  # not yet due, or the other device's
        t = window.timepoint.value
        dates = row.assessed.get(t, [])
        add.add_on(setting, window.closes, f"fu.due.{t}")
        if any(window.opens <= d <= window.closes for d in dates):
            add.add_on(setting, window.closes, f"fu.window.{t}")
        elif dates:
            add.add_on(setting, window.closes, f"fu.late.{t}")


def _follow_up_pairs(
    add: _Adder, row: ActivityRow, dated: dict[str, tuple[date, Any]]
) -> Iterator[tuple[str, Any, Any]]:
    """(period key, baseline value, latest follow-up value dated in that period), for every
    period with a follow-up, when there is a baseline (all up to today)."""
    base = dated.get(_BASELINE)
    if base is None or base[0] > add.today:
        return
    follow = sorted(
        (day, FOLLOW_UPS.index(t), value)
        for t, (day, value) in dated.items()
        if t in FOLLOW_UPS and day <= add.today
    )
    latest: dict[str, Any] = {}
    for day, _, value in follow:  # ascending: the last one of a period wins
        quarter = periods.quarter_index(day)
        add.seen(quarter)
        for key in _people_keys(add, row, quarter):
            latest[key] = value
    for key, value in latest.items():
        yield key, base[1], value


def _barc(add: _Adder, setting: str, row: ActivityRow) -> None:
    for key, base, total in _follow_up_pairs(add, row, row.barc10):
        cell = add.cells[(key, setting)]
        cell["barc.n"] += 1
        cell["barc.base_sum"] += base
        cell["barc.latest_sum"] += total
        if base < BARC_THRESHOLD:
            cell["barc.below"] += 1
            cell["barc.cross"] += total >= BARC_THRESHOLD


def _domain_counts(base: dict[str, Any], answers: dict[str, Any]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for name, (_, test) in DOMAINS.items():
        b, f = test(base), test(answers)
        if b is None or f is None:
            continue
        out += [(f"dom.{name}.n", 1), (f"dom.{name}.base_yes", b), (f"dom.{name}.fu_yes", f)]
        if name == "use":
            out += [
                ("dom.use.days_base", days_used(base) or 0),
                ("dom.use.days_fu", days_used(answers) or 0),
            ]
    return out


def _domains(add: _Adder, setting: str, row: ActivityRow) -> None:
    counted: dict[int, list[tuple[str, int]]] = {}  # per follow-up, tested once
    for key, base, answers in _follow_up_pairs(add, row, row.outcomes):
        counts = counted.get(id(answers))
        if counts is None:
            counts = counted[id(answers)] = _domain_counts(base, answers)
        cell = add.cells[(key, setting)]
        for name, n in counts:
            cell[name] += n


def _note_cells(
    attempt: int, group: int, kind: str, destination: str
) -> tuple[tuple[str, ...], str | None]:
    """The cells a group of notes adds its number to, and the one it adds its minutes to:
    what the notes were, and for sessions and group sessions (not attempts) the support kind
    and where an accompaniment went."""
    if attempt:
        return ("attempts",), None
    kind = kind if kind in _SUPPORT else SupportKind.COACHING_SESSION.value
    names: tuple[str, ...] = ("group_sessions" if group else "sessions", f"support.{kind}")
    if kind == SupportKind.ACCOMPANIMENT.value:
        # the vault requires a destination (core/validation.py); never left uncounted
        where = destination if destination in _DESTINATIONS else Destination.APPOINTMENT
        names += (f"accomp.{where}",)
    return names, f"minutes.{kind}"


def _notes(add: _Adder, totals: Iterable[NoteTotal]) -> None:
    """The notes of every setting, quarter and kind, counted in their cells."""
    for setting, quarter, attempt, group, kind, destination, n, minutes in totals:
        if quarter > add.last:
            continue  # cannot happen (notes are read up to today); kept for safety
        setting = setting if setting in CELL_SETTINGS else "not_stated"
        names, minutes_cell = _note_cells(attempt, group, kind, destination)
        for name in names:
            add.add_quarter(setting, quarter, name, n)
        if minutes_cell is not None:
            add.add_quarter(setting, quarter, minutes_cell, minutes)


def _family(add: _Adder, setting: str, row: ActivityRow) -> None:
    """Per period, the family client's latest follow-up dated in it (distinct people)."""
    latest: dict[str, tuple[bool | None, bool | None, bool | None]] = {}
    for day, *answers in row.family:  # oldest first: the last one of a period wins
        if day > add.today:
            continue
        quarter = periods.quarter_index(day)
        add.seen(quarter)
        for key in _people_keys(add, row, quarter):
            latest[key] = (answers[0], answers[1], answers[2])
    for key, (treatment, support, own) in latest.items():
        cell = add.cells[(key, setting)]
        cell["fam.n"] += 1
        cell["fam.treatment"] += bool(treatment)
        cell["fam.support"] += bool(support)
        cell["fam.own_support"] += bool(own)


def period_cells(
    rows: Iterable[ActivityRow], today: date, fiscal_start: int, *, notes: Iterable[NoteTotal]
) -> PeriodCells:
    """Every period's cells for the device's episodes, counted up to `today`; `notes` are
    their notes summed per setting (storage.export_queries.note_totals)."""
    add = _Adder(fiscal_start, today)
    handed: list[NoteTotal] = []  # the notes of handed-off episodes, not in `notes`
    for row in rows:
        setting = row.setting if row.setting in CELL_SETTINGS else "not_stated"
        if _within(row, row.intake):
            add.add_on(setting, row.intake, "enrolled")
        if row.ended is not None and _within(row, row.ended):
            add.add_on(setting, row.ended, "ended")
        if row.since is None and row.until is None:
            served = add.served(row.quarters)
        else:  # a handed-off episode (issue 19)
            served = tuple(
                dict.fromkeys(k for q in row.quarters for k in _people_keys(add, row, q))
            )
            handed += _span_notes(row)
        if served:
            groups = (
                "people",
                f"age.{age_group(row.age_at_intake)}",
                f"gender.{_gender_group(row.gender)}",
                f"race.{race_group(row.race)}",
                f"ethnicity.{ethnicity_group(row.ethnicity)}",
                f"kind.{_FAMILY if row.kind == _FAMILY else ClientKind.PERSON_IN_RECOVERY}",
            )
            cells = add.cells
            for key in served:  # distinct people: once in each period they were served in
                cell = cells[(key, setting)]
                for name in groups:
                    cell[name] += 1
        for category, made_on, linked, status_on in row.referrals:
            category = category if category in _CATEGORIES else ResourceCategory.OTHER.value
            if not _within(row, made_on) or not add.add_on(
                setting, made_on, f"ref.made.{category}"
            ):
                continue
            if linked:
                add.add_on(setting, made_on, f"ref.linked.{category}")
                if status_on is not None and status_on - made_on <= timedelta(
                    days=LINKED_WITHIN_DAYS
                ):
                    add.add_on(setting, made_on, f"ref.linked30.{category}")
        if row.kind == _FAMILY:
            _family(add, setting, row)
            continue  # no SUPRT windows, BARC-10 or outcome domains for a family client
        _follow_ups(add, setting, row)
        _barc(add, setting, row)
        _domains(add, setting, row)
    _notes(add, itertools.chain(notes, handed))
    add.roll_up()
    cells = {key: {name: n for name, n in counts.items() if n} for key, counts in add.cells.items()}
    return PeriodCells(fiscal_start, add.first, add.last, {k: v for k, v in cells.items() if v})


# -- referrals per directory entry (issue 20; FORMAT.md section 10, "resource_referrals") ------

MAX_RESOURCE_REFS = 5000


def resource_referrals(conn: Any) -> dict[str, dict[str, int]]:
    """{ref: {"made": n, "linked": m}} for the RCO entries this vault referred to: which doors
    open, per directory entry, never per person (the desk suppresses small counts)."""
    counts = suggestion_repo.referrals_by_rco_ref(conn)
    kept = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_RESOURCE_REFS]
    return {ref: {"made": made, "linked": linked} for ref, (made, linked) in sorted(kept)}
