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


# (UTC day, attempt only, group mode, support kind, destination or '', notes, minutes): the
# notes of one handed-off episode on one day that were alike.
NoteOnDay = tuple[date, int, int, str, str, int, int]


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
    # quarter indexes with at least one note (session, attempt or group) up to `today`
    quarters: list[int] = field(default_factory=list)
    # (category, made on, linked, status date) of referrals
    referrals: list[tuple[str, date, bool, date | None]] = field(default_factory=list)
    # timepoint -> dates of every BARC-10 or outcome assessment recorded for it
    assessed: dict[str, list[date]] = field(default_factory=dict)
    # timepoint -> (taken on, total) of the latest BARC-10 of that timepoint
    barc10: dict[str, tuple[date, int]] = field(default_factory=dict)
    # timepoint -> (taken on, answers) of the outcome assessment of that timepoint
    outcomes: dict[str, tuple[date, dict[str, Any]]] = field(default_factory=dict)
    kind: str = "person_in_recovery"  # a ClientKind value
    # (taken on, loved one in treatment, in recovery support, own support) of a family
    # client's follow-ups, oldest first
    family: list[tuple[date, bool | None, bool | None, bool | None]] = field(default_factory=list)
    # Issue 19, a handed-off episode (FORMAT.md section 7, "Hand-offs"): this device counts it
    # from `since` (received: the day it accepted) and before `until` (handed on: the day the
    # receiver accepted, from its signed acknowledgment). Its notes are then left out of
    # `note_totals` and held here by day (exchange/aggregates.py keeps those of the span);
    # `quarters` still holds every note's quarter (the distinct people, by _people_keys).
    since: date | None = None
    until: date | None = None
    notes_by_day: list[NoteOnDay] = field(default_factory=list)


_QUARTER = (
    "CAST(substr(occurred_at, 1, 4) AS INTEGER) * 4 "
    "+ (CAST(substr(occurred_at, 6, 2) AS INTEGER) - 1) / 3"
)


def _day_after(today: date) -> str:
    return date.fromordinal(today.toordinal() + 1).isoformat()


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
    # The quarters (year * 4 + quarter - 1, as exchange/periods.quarter_index) each client
    # was served in, for the counts of distinct people: DISTINCT keeps a small index of the
    # pairs met instead of sorting a million notes, and each client's come as one list of
    # digits (a few rows, not one per quarter). No date, no text leaves SQL.
    for client_id, quarters in conn.execute(
        f"SELECT client_id, group_concat(q) FROM (SELECT DISTINCT client_id, {_QUARTER} AS q "
        "FROM notes WHERE occurred_at < ?) GROUP BY client_id",
        (_day_after(today),),
    ):
        row = rows.get(client_id)
        if row is not None:
            row.quarters = sorted(map(int, quarters.split(",")))
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
    _handoff_spans(conn, rows, today)
    return list(rows.values())


# The episodes handed off with a span (ActivityRow.since/until), from each side's record.
_SPANS = (
    ("until", "SELECT client_id, acked_at FROM handoffs_sent WHERE acked_at IS NOT NULL"),
    ("since", "SELECT client_id, decided_at FROM handoffs_received WHERE state = 'accepted'"),
)
# Without the rows whose client was deleted since (ON DELETE SET NULL): a NULL in a NOT IN
# list makes it NULL for every client, so no note at all would be counted.
_HANDED_OFF = " UNION ".join(
    f"SELECT client_id FROM ({sql}) WHERE client_id IS NOT NULL" for _, sql in _SPANS
)
_NOTE_WHAT = "attempt_only, mode = 'group', support_kind, destination"


def _handoff_spans(conn: Conn, rows: dict[int, ActivityRow], today: date) -> None:
    """Issue 19: the span of each handed-off episode, and its notes read by day (a few
    clients, over the notes index by client)."""
    for column, sql in _SPANS:
        for client_id, at in conn.execute(sql):
            if client_id in rows:
                setattr(rows[client_id], column, date.fromisoformat(str(at)[:10]))
    for row in rows.values():
        if row.since is None and row.until is None:
            continue
        row.notes_by_day = [
            (date.fromisoformat(day), *rest)
            for day, *rest in conn.execute(
                f"SELECT substr(occurred_at, 1, 10), {_NOTE_WHAT}, count(*), "
                "sum(duration_minutes) FROM notes WHERE client_id = ? AND occurred_at < ? "
                "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1",
                (row.client_id, _day_after(today)),
            )
        ]


# (setting, quarter index, attempt only, group mode, support kind, destination or '', notes,
# minutes): the notes up to `today` of all the clients of a setting, summed.
NoteTotal = tuple[str, int, int, int, str, str, int, int]


def note_totals(conn: Conn, today: date) -> list[NoteTotal]:
    """The notes up to `today` summed per client setting, quarter and what they were, but for
    the handed-off episodes (their rows hold their notes by day: activity_rows).

    A million notes fall into a few thousand such groups. GROUP BY would sort every note
    first; adding each note into a small in-memory table keyed by its group costs a third
    less (temp_store is MEMORY in the vault: nothing reaches a file). Only counts leave SQL.
    """
    quarter = _QUARTER.replace("occurred_at", "n.occurred_at")
    what = ", ".join(f"n.{c}" for c in _NOTE_WHAT.split(", "))
    conn.execute("DROP TABLE IF EXISTS temp.export_note_totals")
    conn.execute(
        "CREATE TEMP TABLE export_note_totals (setting TEXT, q INTEGER, attempt INTEGER, "
        "grp INTEGER, kind TEXT, destination TEXT, n INTEGER, minutes INTEGER, "
        "PRIMARY KEY (setting, q, attempt, grp, kind, destination)) WITHOUT ROWID"
    )
    try:
        conn.execute(
            f"INSERT INTO export_note_totals SELECT c.setting, {quarter}, {what}, 1, "
            "n.duration_minutes FROM notes n JOIN clients c ON c.id = n.client_id "
            f"WHERE n.occurred_at < ? AND c.id NOT IN ({_HANDED_OFF}) "
            "ON CONFLICT DO UPDATE SET n = n + 1, minutes = minutes + excluded.minutes",
            (_day_after(today),),
        )
        return list(conn.execute("SELECT * FROM export_note_totals"))
    finally:
        conn.execute("DROP TABLE temp.export_note_totals")
