"""SQL for merging the RCO's signed resource directory into the vault's resources table.

RCO entries are the rows with local = 0 and their directory reference in rco_ref; the coach's
own additions (local = 1) are never read, changed or removed here. The merge runs inside the
caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coachdesk.core.models import Resource

Conn = Any

# Prefixed to the notes of an RCO entry that a newer directory no longer lists but that a
# referral still points to (deleting it would drop the name from the client's history).
WITHDRAWN_NOTE = "No longer in the RCO's directory."


@dataclass(slots=True)
class MergeCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    withdrawn_kept: int = 0  # gone from the directory but still referred to: kept, marked


def _values(r: Resource) -> tuple[str, ...]:
    return (
        r.name,
        r.category.value,
        ",".join(p.value for p in r.pathways),
        r.address,
        r.phone,
        r.hours,
        r.notes,
    )


def merge_directory(conn: Conn, entries: list[Resource]) -> MergeCounts:
    """Make the RCO rows equal to `entries` (matched by rco_ref); local rows are untouched."""
    counts = MergeCounts()
    current: dict[str, tuple[int, tuple[str, ...]]] = {}
    for row_id, ref, *values in conn.execute(
        "SELECT id, rco_ref, name, category, pathways, address, phone, hours, notes "
        "FROM resources WHERE local = 0"
    ):
        current[ref] = (int(row_id), tuple(values))
    seen: set[str] = set()
    for entry in entries:
        if entry.rco_ref in seen:
            continue  # a repeated reference: the first one wins
        seen.add(entry.rco_ref)
        values = _values(entry)
        if entry.rco_ref not in current:
            conn.execute(
                "INSERT INTO resources (name, category, pathways, address, phone, hours, notes, "
                "local, rco_ref) VALUES (?,?,?,?,?,?,?,0,?)",
                (*values, entry.rco_ref),
            )
            counts.added += 1
            continue
        row_id, old = current[entry.rco_ref]
        if old == values:
            counts.unchanged += 1
            continue
        conn.execute(
            "UPDATE resources SET name = ?, category = ?, pathways = ?, address = ?, phone = ?, "
            "hours = ?, notes = ? WHERE id = ? AND local = 0",
            (*values, row_id),
        )
        counts.updated += 1
    for ref, (row_id, old) in current.items():
        if ref in seen:
            continue
        referred = conn.execute(
            "SELECT 1 FROM referrals WHERE resource_id = ? LIMIT 1", (row_id,)
        ).fetchone()
        if referred is None:
            conn.execute("DELETE FROM resources WHERE id = ? AND local = 0", (row_id,))
            counts.removed += 1
            continue
        notes = old[6]
        if not notes.startswith(WITHDRAWN_NOTE):
            conn.execute(
                "UPDATE resources SET notes = ? WHERE id = ? AND local = 0",
                (f"{WITHDRAWN_NOTE} {notes}".strip(), row_id),
            )
        counts.withdrawn_kept += 1
    return counts


def count_rco_entries(conn: Conn) -> int:
    return int(conn.execute("SELECT count(*) FROM resources WHERE local = 0").fetchone()[0])
