"""SQL for the coach's suggestions and the RCO directory's version-2 facts (migration 0012).

Runs inside the caller's transaction where it writes. Nothing here reads a client table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Conn = Any


@dataclass(slots=True)
class SuggestionRecord:
    suggestion_id: str
    counter: int
    created_at: str
    kind: str
    ref: str
    problem: str
    content: dict[str, Any]
    fate: str = "sent"
    fate_reason: str = ""
    fate_serial: int | None = None
    fate_ref: str = ""


@dataclass(slots=True)
class EntryFacts:
    """What directory version 2 says about one entry beyond the resource fields."""

    digest: str = ""
    last_verified: str = ""
    verified_by: int = 0
    closed: bool = False
    languages: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


def insert_suggestion(conn: Conn, s: SuggestionRecord) -> None:
    conn.execute(
        "INSERT INTO suggestions (suggestion_id, counter, created_at, kind, ref, problem, "
        "content) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            s.suggestion_id,
            s.counter,
            s.created_at,
            s.kind,
            s.ref,
            s.problem,
            json.dumps(s.content, ensure_ascii=False, sort_keys=True),
        ),
    )


def list_suggestions(conn: Conn) -> list[SuggestionRecord]:
    return [
        SuggestionRecord(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), *r[7:])
        for r in conn.execute(
            "SELECT suggestion_id, counter, created_at, kind, ref, problem, content, fate, "
            "fate_reason, fate_serial, fate_ref FROM suggestions ORDER BY counter DESC"
        )
    ]


def set_fate(conn: Conn, suggestion_id: str, fate: str, reason: str, serial: int, ref: str) -> bool:
    """Record what the directory said; True when it was news (the first time it is told)."""
    cur = conn.execute(
        "UPDATE suggestions SET fate = ?, fate_reason = ?, fate_serial = ?, fate_ref = ? "
        "WHERE suggestion_id = ? AND fate = 'sent'",
        (fate, reason, serial, ref, suggestion_id),
    )
    return bool(cur.rowcount)


def all_facts(conn: Conn) -> dict[str, EntryFacts]:
    return {
        r[0]: EntryFacts(r[1], r[2], int(r[3]), bool(r[4]), json.loads(r[5]), json.loads(r[6]))
        for r in conn.execute(
            "SELECT ref, digest, last_verified, verified_by, closed, languages, extra "
            "FROM directory_facts"
        )
    }


def replace_facts(conn: Conn, facts: dict[str, EntryFacts]) -> None:
    conn.execute("DELETE FROM directory_facts")
    conn.executemany(
        "INSERT INTO directory_facts (ref, digest, last_verified, verified_by, closed, "
        "languages, extra) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                ref,
                f.digest,
                f.last_verified,
                f.verified_by,
                int(f.closed),
                json.dumps(f.languages, ensure_ascii=False),
                json.dumps(f.extra, ensure_ascii=False, sort_keys=True),
            )
            for ref, f in facts.items()
        ],
    )


def referrals_by_rco_ref(conn: Conn) -> dict[str, tuple[int, int]]:
    """Referrals made and linked per RCO directory entry (its ref), over the whole vault.
    Counts only: nothing about who was referred or when (FORMAT.md section 10)."""
    return {
        str(ref): (int(made), int(linked))
        for ref, made, linked in conn.execute(
            "SELECT s.rco_ref, count(*), sum(CASE WHEN r.status = 'linked' THEN 1 ELSE 0 END) "
            "FROM referrals r JOIN resources s ON s.id = r.resource_id "
            "WHERE s.local = 0 AND s.rco_ref != '' GROUP BY s.rco_ref ORDER BY s.rco_ref"
        )
    }
