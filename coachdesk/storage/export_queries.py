"""The only SQL that reads the caseload for the anonymized export.

Each query selects allow-listed columns and nothing else: no names, contacts, addresses,
facility or free text (notes, plans, status reasons, consents). For the records
(`caseload_rows`) ages and month intervals are computed inside SQL, so dates of birth and
assessment dates never reach Python. Format 2's period figures (`activity_rows`) need the
exact dates of intake, end of services, referrals and assessments, and the quarter of each
session: they are read here and reduced to per-period counts by exchange/aggregates.py on this
device; no date finer than a year (and no date of birth at all: the age is computed in SQL)
ever goes into a bundle. Call on the vault's thread.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Conn = Any

# Whole years from date of birth to intake (NULL without a date of birth).
_AGE_AT_INTAKE = (
    "CASE WHEN date_of_birth IS NULL THEN NULL ELSE "
    "CAST(strftime('%Y', intake_date) AS INTEGER) - CAST(strftime('%Y', date_of_birth) AS INTEGER)"
    " - (strftime('%m-%d', intake_date) < strftime('%m-%d', date_of_birth)) END"
)
_TIMEPOINT_ORDER = (
    "CASE timepoint WHEN 'baseline' THEN 0 WHEN 'followup_180' THEN 1 "
    "WHEN 'annual' THEN 2 WHEN 'closeout' THEN 3 ELSE 9 END"
)
OUTCOME_COLUMNS = (
    "days_used",
    "overdose",
    "housing",
    "employment",
    "arrests",
    "ed_visits",
    "in_treatment",
    "on_moud",
    "recovery_support",
    "social_connectedness",
)


@dataclass(slots=True)
class ClientRow:
    """One client episode's allow-listed columns. `client_id` is for joining only."""

    client_id: int
    pseudonym: str
    setting: str
    gender: str
    status: str
    pathways: str
    intake_year: int | None
    age_at_intake: int | None
    sessions: int = 0
    contact_attempts: int = 0
    group_sessions: int = 0
    referrals: dict[str, tuple[int, int]] = field(default_factory=dict)  # made, linked
    barc10: dict[str, str] = field(default_factory=dict)  # timepoint -> ten digits
    outcomes: dict[str, dict[str, Any]] = field(default_factory=dict)  # timepoint -> answers
    months_between: list[tuple[str, str, int]] = field(default_factory=list)


def caseload_rows(conn: Conn, *, months_between: bool = False) -> list[ClientRow]:
    """Every client episode with its counts and measures, ordered by client id."""
    rows: dict[int, ClientRow] = {}
    for r in conn.execute(
        "SELECT id, pseudonym, setting, gender, status, pathways, "
        f"CAST(strftime('%Y', intake_date) AS INTEGER), {_AGE_AT_INTAKE} "
        "FROM clients ORDER BY id"
    ):
        rows[r[0]] = ClientRow(*r)
    for client_id, sessions, attempts, groups in conn.execute(
        "SELECT client_id, "
        "sum(attempt_only = 0 AND mode <> 'group'), sum(attempt_only = 1), "
        "sum(attempt_only = 0 AND mode = 'group') FROM notes GROUP BY client_id"
    ):
        row = rows.get(client_id)
        if row is not None:
            row.sessions, row.contact_attempts, row.group_sessions = sessions, attempts, groups
    for client_id, category, status in conn.execute(
        "SELECT client_id, category, status FROM referrals"
    ):
        row = rows.get(client_id)
        if row is not None:
            made, linked = row.referrals.get(category, (0, 0))
            row.referrals[category] = (made + 1, linked + (status == "linked"))
    # The latest assessment of each timepoint (ordered in SQL, so dates stay there: the last
    # one seen wins); ones taken outside any window are not exported.
    for client_id, timepoint, answers in conn.execute(
        "SELECT client_id, timepoint, answers FROM barc10 WHERE timepoint IS NOT NULL "
        "ORDER BY client_id, timepoint, taken_on, id"
    ):
        if client_id in rows:
            rows[client_id].barc10[timepoint] = answers
    for r in conn.execute(
        f"SELECT client_id, timepoint, {', '.join(OUTCOME_COLUMNS)} FROM outcomes"
    ):
        if r[0] in rows:
            rows[r[0]].outcomes[r[1]] = dict(zip(OUTCOME_COLUMNS, r[2:], strict=True))
    if months_between:
        by_client: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        for client_id, first, second, months in conn.execute(
            "SELECT client_id, previous, timepoint, months FROM ("
            " SELECT client_id, timepoint,"
            "  lag(timepoint) OVER w AS previous,"
            "  CAST((julianday(taken_on) - julianday(lag(taken_on) OVER w)) / 30.4375 AS INTEGER)"
            "   AS months"
            f" FROM outcomes WINDOW w AS (PARTITION BY client_id ORDER BY {_TIMEPOINT_ORDER}))"
            " WHERE previous IS NOT NULL"
        ):
            by_client[client_id].append((first, second, months))
        for client_id, spans in by_client.items():
            if client_id in rows:
                rows[client_id].months_between = spans
    return list(rows.values())


# -- format 2: dated activity for the per-period figures --------------------------------------


@dataclass(slots=True)
class ActivityRow:
    """One client episode's dated facts, for per-period counts (never exported as such)."""

    client_id: int
    setting: str
    gender: str
    race: str  # comma-separated Race values, '' = not recorded
    ethnicity: str
    age_at_intake: int | None
    intake: date
    ended: date | None  # end of services (status not active): status date, else intake
    # (quarter index, "session" | "attempt" | "group", count) of notes up to `today`
    notes: list[tuple[int, str, int]] = field(default_factory=list)
    # (category, made on, linked, status date) of referrals
    referrals: list[tuple[str, date, bool, date | None]] = field(default_factory=list)
    # timepoint -> dates of every BARC-10 or outcome assessment recorded for it
    assessed: dict[str, list[date]] = field(default_factory=dict)
    # timepoint -> (taken on, total) of the latest BARC-10 of that timepoint
    barc10: dict[str, tuple[date, int]] = field(default_factory=dict)
    # timepoint -> (taken on, answers) of the outcome assessment of that timepoint
    outcomes: dict[str, tuple[date, dict[str, Any]]] = field(default_factory=dict)
    kind: str = "person_in_recovery"  # a ClientKind value
    # (quarter index, support kind, destination or '', notes, minutes) of sessions and group
    # sessions (not attempts) up to `today`
    support: list[tuple[int, str, str, int, int]] = field(default_factory=list)
    # (taken on, loved one in treatment, in recovery support, own support) of a family
    # client's follow-ups, oldest first
    family: list[tuple[date, bool | None, bool | None, bool | None]] = field(default_factory=list)
    # Issue 19, a handed-off episode (FORMAT.md section 7, "Hand-offs"): this device counts it
    # from `since` (received: the day it accepted) and before `until` (handed on: the day the
    # receiver accepted, from its signed acknowledgment); `notes` and `support` then hold only
    # that span, `people_quarters` the quarters of every note (for the distinct people).
    since: date | None = None
    until: date | None = None
    people_quarters: list[int] | None = None


def activity_rows(conn: Conn, today: date) -> list[ActivityRow]:
    """Every client episode with the dated facts format 2 counts (notes up to `today`)."""
    rows: dict[int, ActivityRow] = {}
    for r in conn.execute(
        "SELECT id, setting, gender, race, ethnicity, "
        f"{_AGE_AT_INTAKE}, intake_date, "
        "CASE WHEN status = 'active' THEN NULL ELSE coalesce(status_date, intake_date) END, "
        "kind FROM clients ORDER BY id"
    ):
        rows[r[0]] = ActivityRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            date.fromisoformat(r[6]),
            date.fromisoformat(r[7]) if r[7] else None,
            kind=r[8],
        )
    # Grouped by quarter (year * 4 + quarter - 1, as exchange/periods.quarter_index) with
    # conditional sums, over the covering index notes_for_periods: one row per client and
    # quarter reaches Python.
    next_day = date.fromordinal(today.toordinal() + 1).isoformat()
    for client_id, q, attempts, groups, sessions in conn.execute(
        "SELECT client_id, CAST(substr(occurred_at, 1, 4) AS INTEGER) * 4 "
        "+ (CAST(substr(occurred_at, 6, 2) AS INTEGER) - 1) / 3 AS q, sum(attempt_only = 1), "
        "sum(attempt_only = 0 AND mode = 'group'), sum(attempt_only = 0 AND mode <> 'group') "
        "FROM notes WHERE occurred_at < ? GROUP BY client_id, q",
        (next_day,),
    ):
        row = rows.get(client_id)
        if row is not None:
            for kind, n in (("attempt", attempts), ("group", groups), ("session", sessions)):
                if n:
                    row.notes.append((q, kind, n))
    # What the support was, per quarter (same covering index): no date, no text leaves SQL.
    for client_id, q, support, destination, n, minutes in conn.execute(
        "SELECT client_id, CAST(substr(occurred_at, 1, 4) AS INTEGER) * 4 "
        "+ (CAST(substr(occurred_at, 6, 2) AS INTEGER) - 1) / 3 AS q, support_kind, "
        "destination, count(*), sum(duration_minutes) FROM notes "
        "WHERE occurred_at < ? AND attempt_only = 0 "
        "GROUP BY client_id, q, support_kind, destination",
        (next_day,),
    ):
        row = rows.get(client_id)
        if row is not None:
            row.support.append((q, support, destination, n, minutes))
    for client_id, taken, *answers in conn.execute(
        "SELECT client_id, taken_on, loved_one_in_treatment, loved_one_in_support, own_support "
        "FROM family_followups ORDER BY client_id, taken_on, id"
    ):
        row = rows.get(client_id)
        if row is not None:
            a, b, c = (None if v is None else bool(v) for v in answers)
            row.family.append((date.fromisoformat(taken), a, b, c))
    for client_id, category, made, status, status_on in conn.execute(
        "SELECT client_id, category, made_on, status, status_on FROM referrals ORDER BY id"
    ):
        row = rows.get(client_id)
        if row is not None:
            row.referrals.append(
                (
                    category,
                    date.fromisoformat(made),
                    status == "linked",
                    date.fromisoformat(status_on) if status_on else None,
                )
            )
    for client_id, timepoint, taken, total in conn.execute(
        "SELECT client_id, timepoint, taken_on, total FROM barc10 WHERE timepoint IS NOT NULL "
        "ORDER BY client_id, taken_on, id"
    ):
        row = rows.get(client_id)
        if row is not None:
            day = date.fromisoformat(taken)
            row.barc10[timepoint] = (day, total)  # the last one (latest) wins
            row.assessed.setdefault(timepoint, []).append(day)
    for r in conn.execute(
        f"SELECT client_id, timepoint, taken_on, {', '.join(OUTCOME_COLUMNS)} FROM outcomes"
    ):
        row = rows.get(r[0])
        if row is not None:
            day = date.fromisoformat(r[2])
            row.outcomes[r[1]] = (day, dict(zip(OUTCOME_COLUMNS, r[3:], strict=True)))
            row.assessed.setdefault(r[1], []).append(day)
    _handoff_spans(conn, rows, next_day)
    return list(rows.values())


def _handoff_spans(conn: Conn, rows: dict[int, ActivityRow], next_day: str) -> None:
    """Issue 19: the span of each handed-off episode, and its notes re-read by day (a few
    clients; the queries above are left as they are)."""
    for column, sql in (
        ("until", "SELECT client_id, acked_at FROM handoffs_sent WHERE acked_at IS NOT NULL"),
        ("since", "SELECT client_id, decided_at FROM handoffs_received WHERE state = 'accepted'"),
    ):
        for client_id, at in conn.execute(sql):
            if client_id in rows:
                setattr(rows[client_id], column, date.fromisoformat(str(at)[:10]))
    for row in rows.values():
        if row.since is None and row.until is None:
            continue
        row.people_quarters = sorted({q for q, _, _ in row.notes})
        row.notes, row.support = [], []
        tally: dict[tuple[int, str], int] = defaultdict(int)
        for day, attempt, mode, support, destination, n, minutes in conn.execute(
            "SELECT substr(occurred_at, 1, 10), attempt_only, mode, support_kind, destination, "
            "count(*), sum(duration_minutes) FROM notes WHERE client_id = ? AND occurred_at < ? "
            "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1",
            (row.client_id, next_day),
        ):
            d = date.fromisoformat(day)
            if (row.since and d < row.since) or (row.until and d >= row.until):
                continue
            q = d.year * 4 + (d.month - 1) // 3  # as exchange/periods.quarter_index
            kind = "attempt" if attempt else "group" if mode == "group" else "session"
            tally[(q, kind)] += n
            if not attempt:
                row.support.append((q, support, destination, n, minutes))
        row.notes = [(q, kind, n) for (q, kind), n in sorted(tally.items())]
