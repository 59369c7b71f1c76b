"""SQL of warm hand-offs (issue 19; schema in migrations/0011_handoff.sql).

`dump_record` reads a client's whole record as plain rows (column -> value), table by table;
`load_record` inserts such rows as a new client with new row ids (foreign keys remapped) inside
the caller's transaction. Column names are only ever taken from the receiving vault's own
schema (PRAGMA table_info), never from the file, so a hostile column name cannot reach SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

Conn = Any

# The client's own tables, in insert order (consents before disclosures that cite them).
CHILD_TABLES = (
    "consents",
    "plans",
    "notes",
    "barc10",
    "outcomes",
    "referrals",
    "family_followups",
    "disclosures",
)
RECORD_TABLES = ("clients", *CHILD_TABLES, "resources")
# Columns that belong to this vault, not to the record: never sent, reset on arrival.
_LOCAL_CLIENT = {"id", "linked_client_id", "transferred_to", "transferred_on", "handoff_in"}
_RESOURCE_COLUMNS = ("id", "name", "category", "pathways", "address", "phone", "hours", "notes")


def columns(conn: Conn, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def _rows(conn: Conn, sql: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def dump_record(conn: Conn, client_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of the client, by table; `resources` are the places its referrals name."""
    client = _rows(conn, "SELECT * FROM clients WHERE id = ?", (client_id,))
    for row in client:
        for name in _LOCAL_CLIENT - {"id"}:
            row.pop(name, None)
    record: dict[str, list[dict[str, Any]]] = {"clients": client}
    for table in CHILD_TABLES:
        record[table] = _rows(
            conn, f"SELECT * FROM {table} WHERE client_id = ? ORDER BY id", (client_id,)
        )
        for row in record[table]:
            row.pop("client_id")
    resource_ids = sorted({r["resource_id"] for r in record["referrals"] if r["resource_id"]})
    record["resources"] = [
        row
        for rid in resource_ids
        for row in _rows(
            conn, f"SELECT {', '.join(_RESOURCE_COLUMNS)} FROM resources WHERE id = ?", (rid,)
        )
    ]
    return record


def _insert(conn: Conn, table: str, row: dict[str, Any], allowed: list[str]) -> int:
    names = [n for n in allowed if n in row]
    cur = conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        tuple(row[n] for n in names),
    )
    return int(cur.lastrowid)


def unknown_columns(conn: Conn, record: dict[str, list[dict[str, Any]]]) -> str | None:
    """The first `table.column` of the file this vault's schema has no place for, or None."""
    for table in RECORD_TABLES:
        known = set(columns(conn, table)) if table != "resources" else set(_RESOURCE_COLUMNS)
        for row in record.get(table, []):
            extra = sorted(set(row) - known)
            if extra:
                return f"{table}.{extra[0][:40]}"
    return None


def load_record(conn: Conn, record: dict[str, list[dict[str, Any]]], handoff_id: str) -> int:
    """Insert the record as a new client (inside the caller's transaction); its id."""
    client = dict(record["clients"][0])
    client.pop("id", None)
    client["handoff_in"] = handoff_id
    client_id = _insert(conn, "clients", client, [c for c in columns(conn, "clients") if c != "id"])
    resources: dict[int, int] = {}
    for res in record.get("resources", []):
        resources[int(res["id"])] = _resource(conn, res)
    consents: dict[int, int] = {}
    for table in CHILD_TABLES:
        allowed = [c for c in columns(conn, table) if c != "id"]
        for source in record.get(table, []):
            row = {**source, "client_id": client_id}
            old_id = row.pop("id", None)
            if table == "referrals":
                row["resource_id"] = resources.get(row.get("resource_id") or -1)
            if table == "disclosures":
                row["consent_id"] = consents.get(row.get("consent_id") or -1)
            new_id = _insert(conn, table, row, allowed)
            if table == "consents" and isinstance(old_id, int):
                consents[old_id] = new_id
    return client_id


def _resource(conn: Conn, res: dict[str, Any]) -> int:
    """The receiver's row for a place the record refers to: the same name and category if it
    has one, else a new local entry."""
    found = conn.execute(
        "SELECT id FROM resources WHERE name = ? AND category = ? ORDER BY local LIMIT 1",
        (res["name"], res["category"]),
    ).fetchone()
    if found:
        return int(found[0])
    row = {k: res[k] for k in _RESOURCE_COLUMNS if k != "id"}
    return _insert(conn, "resources", {**row, "local": 1}, [*row, "local"])


# -- the hand-off tables --------------------------------------------------------------------

# The first contact after accepting (`r` a handoffs_received row): the first session (not a
# contact attempt, which is no contact) logged at or after the acceptance. Notes are stored to
# the minute, decisions to the second (both UTC ISO text): compared on the minute, a note of
# the minute of accepting counts as after it. Today's reminder and the 48 h / 7 day counts
# both use it.
FIRST_SESSION = (
    "(SELECT min(n.occurred_at) FROM notes n WHERE n.client_id = r.client_id "
    "AND n.attempt_only = 0 AND n.occurred_at >= substr(r.decided_at, 1, 16))"
)


def first_contact_waiting(conn: Conn, where: str, args: tuple[Any, ...]) -> dict[int, str]:
    """{client id: UTC day the hand-off was accepted} of received clients with no first
    contact yet (`where` narrows on `r.client_id`, e.g. "AND r.client_id IN (?, ?)")."""
    return {
        int(cid): str(day)
        for cid, day in conn.execute(
            "SELECT r.client_id, substr(r.decided_at, 1, 10) FROM handoffs_received r "
            f"WHERE r.state = 'accepted' AND r.client_id IS NOT NULL {where} "
            f"AND {FIRST_SESSION} IS NULL",
            args,
        )
    }


def accepted_from(conn: Conn, client_ids: list[int]) -> dict[int, tuple[str, str]]:
    """{client id: (sending coach, accepted at)} of clients received by a hand-off."""
    if not client_ids:
        return {}
    marks = ", ".join("?" * len(client_ids))
    return {
        int(cid): (str(name), str(at))
        for cid, name, at in conn.execute(
            "SELECT client_id, sender_name, decided_at FROM handoffs_received "
            f"WHERE state = 'accepted' AND client_id IN ({marks})",
            tuple(client_ids),
        )
    }


@dataclass(frozen=True, slots=True)
class Received:
    handoff_id: str
    sender_fp: str
    sender_name: str
    created_at: str
    fetched_at: str
    state: str
    decided_at: str | None
    client_id: int | None
    first_contact_due: str | None
    sealed_sha256: str


_RECEIVED = (
    "handoff_id, sender_fp, sender_name, created_at, fetched_at, state, decided_at, client_id, "
    "first_contact_due, sealed_sha256"
)


def received(conn: Conn, handoff_id: str | None = None) -> list[Received]:
    where, args = ("WHERE handoff_id = ?", (handoff_id,)) if handoff_id else ("", ())
    return [
        Received(*row)
        for row in conn.execute(
            f"SELECT {_RECEIVED} FROM handoffs_received {where} ORDER BY fetched_at, handoff_id",
            args,
        )
    ]


def received_sealed(conn: Conn, handoff_id: str) -> bytes | None:
    row = conn.execute(
        "SELECT sealed FROM handoffs_received WHERE handoff_id = ?", (handoff_id,)
    ).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def insert_received(conn: Conn, r: Received, sealed: bytes) -> None:
    conn.execute(
        f"INSERT INTO handoffs_received ({_RECEIVED}, sealed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            r.handoff_id,
            r.sender_fp,
            r.sender_name,
            r.created_at,
            r.fetched_at,
            r.state,
            r.decided_at,
            r.client_id,
            r.first_contact_due,
            r.sealed_sha256,
            sealed,
        ),
    )


def decide_received(
    conn: Conn,
    handoff_id: str,
    state: str,
    at: str,
    client_id: int | None = None,
    first_contact_due: str | None = None,
    reason: str = "",
) -> None:
    conn.execute(
        "UPDATE handoffs_received SET state = ?, decided_at = ?, client_id = ?, "
        "first_contact_due = ?, reason = ?, sealed = NULL WHERE handoff_id = ?",
        (state, at, client_id, first_contact_due, reason, handoff_id),
    )


def queue(
    conn: Conn, kind: str, handoff_id: str, recipient_fp: str, name: str, sealed: bytes, at: str
) -> None:
    conn.execute(
        "INSERT INTO handoff_outbox (kind, handoff_id, recipient_fp, file_name, sealed, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, handoff_id, recipient_fp, name, sealed, at),
    )


def waiting(conn: Conn) -> list[tuple[int, str, str, bytes]]:
    """(id, recipient fingerprint, file name, sealed) of everything not sent yet."""
    return [
        (int(i), str(fp), str(name), bytes(data))
        for i, fp, name, data in conn.execute(
            "SELECT id, recipient_fp, file_name, sealed FROM handoff_outbox "
            "WHERE state = 'waiting' ORDER BY id"
        )
    ]


def mark_sent(conn: Conn, item_id: int, at: str) -> None:
    conn.execute(
        "UPDATE handoff_outbox SET state = 'sent', sent_at = ?, last_error = '' WHERE id = ?",
        (at, item_id),
    )


def mark_problem(conn: Conn, item_id: int, reason: str) -> None:
    conn.execute("UPDATE handoff_outbox SET last_error = ? WHERE id = ?", (reason[:500], item_id))


def insert_sent(
    conn: Conn,
    handoff_id: str,
    client_id: int,
    pseudonym: str,
    recipient_fp: str,
    recipient_name: str,
    basis: str,
    at: str,
) -> None:
    conn.execute(
        "INSERT INTO handoffs_sent (handoff_id, client_id, pseudonym, recipient_fp, "
        "recipient_name, basis, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (handoff_id, client_id, pseudonym, recipient_fp, recipient_name, basis, at),
    )


@dataclass(frozen=True, slots=True)
class Sent:
    handoff_id: str
    client_id: int | None
    pseudonym: str
    recipient_fp: str
    recipient_name: str
    created_at: str
    acked_at: str | None


def sent(conn: Conn, handoff_id: str | None = None) -> list[Sent]:
    where, args = ("WHERE handoff_id = ?", (handoff_id,)) if handoff_id else ("", ())
    return [
        Sent(*row)
        for row in conn.execute(
            "SELECT handoff_id, client_id, pseudonym, recipient_fp, recipient_name, created_at, "
            f"acked_at FROM handoffs_sent {where} ORDER BY created_at",
            args,
        )
    ]


def acknowledge(conn: Conn, handoff_id: str, at: str, day: str) -> int | None:
    """Mark a sent hand-off acknowledged and its client transferred (read-only from now).
    `at` is the acceptance moment the receiver signed in the acknowledgment: the hand-off's
    boundary in the per-period figures (export_queries.activity_rows)."""
    row = conn.execute(
        "SELECT client_id, recipient_name, acked_at FROM handoffs_sent WHERE handoff_id = ?",
        (handoff_id,),
    ).fetchone()
    if row is None or row[2] is not None:
        return None
    conn.execute("UPDATE handoffs_sent SET acked_at = ? WHERE handoff_id = ?", (at, handoff_id))
    if row[0] is not None:
        # An episode that had ended keeps its end (a dated fact the sender's figures count);
        # an active one ends here as "transferred" (not counted as ended: it goes on).
        conn.execute(
            "UPDATE clients SET status = CASE status WHEN 'active' THEN 'transferred' "
            "ELSE status END, status_date = CASE status WHEN 'active' THEN ? ELSE status_date "
            "END, transferred_to = ?, transferred_on = ?, updated_at = ? "
            "WHERE id = ? AND transferred_on IS NULL",
            (day, row[1], day, at, row[0]),
        )
    return int(row[0]) if row[0] is not None else None


def transferred(conn: Conn, client_id: int) -> tuple[str, str] | None:
    """(to whom, on which day) for a client handed off, else None."""
    row = conn.execute(
        "SELECT transferred_to, transferred_on FROM clients WHERE id = ?", (client_id,)
    ).fetchone()
    return (str(row[0]), str(row[1])) if row and row[1] else None


def remove_transferred_before(conn: Conn, day: str) -> list[int]:
    """Delete clients transferred before `day` (the RCO's remove-after-N-days policy)."""
    ids = [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM clients WHERE transferred_on IS NOT NULL AND transferred_on < ?",
            (day,),
        )
    ]
    for cid in ids:
        conn.execute("DELETE FROM clients WHERE id = ?", (cid,))
    return ids


# -- what a bundle says of hand-offs (counts only; FORMAT.md "Hand-off counts") -------------


FIRST_WITHIN = {"first_48h": 2, "first_7d": 7}  # days: the ED hand-off programs' measures


def quarterly(conn: Conn, today: str) -> dict[int, dict[str, int]]:
    """This device's hand-offs per quarter (year * 4 + quarter - 1, of the UTC day), up to
    `today` (an ISO day): `made` (sealed) in the quarter sealed; `accepted` in the quarter
    accepted, and of those `first_48h` / `first_7d`: a first session (FIRST_SESSION) within
    48 hours / 7 days of accepting, logged by `today`. Counts only; zero counts left out."""
    out: dict[int, dict[str, int]] = {}

    def add(day: str, name: str) -> None:
        d = date.fromisoformat(day[:10])
        counts = out.setdefault(d.year * 4 + (d.month - 1) // 3, {})
        counts[name] = counts.get(name, 0) + 1

    for (made,) in conn.execute(
        "SELECT created_at FROM handoffs_sent WHERE substr(created_at, 1, 10) <= ?", (today,)
    ):
        add(made, "made")
    for decided, first in conn.execute(
        f"SELECT r.decided_at, {FIRST_SESSION} FROM handoffs_received r "
        "WHERE r.state = 'accepted' AND r.client_id IS NOT NULL "
        "AND substr(r.decided_at, 1, 10) <= ?",
        (today,),
    ):
        add(decided, "accepted")
        if first is None or first[:10] > today:
            continue
        waited = datetime.fromisoformat(first) - datetime.fromisoformat(decided)
        for name, days in FIRST_WITHIN.items():
            if waited <= timedelta(days=days):
                add(decided, name)
    return out


def totals(conn: Conn, today: str = "9999-12-31") -> dict[str, int]:
    """The sums of `quarterly` over every quarter."""
    out = dict.fromkeys(("made", "accepted", *FIRST_WITHIN), 0)
    for counts in quarterly(conn, today).values():
        for name, n in counts.items():
            out[name] += n
    return out
