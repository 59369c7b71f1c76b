"""The only SQL that reads the caseload for the anonymized export.

Each query selects allow-listed columns and nothing else: no names, contacts, addresses,
facility, free text (notes, plans, status reasons, consents) or exact dates ever leave SQLite
here. Ages and month intervals are computed inside SQL, so dates of birth and assessment dates
never reach Python. Call on the vault's thread.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
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
