"""The outbox of sealed bundles (schema in migrations/0003_outbox.sql).

States: waiting -> sending -> sent, or failed (with a plain reason). A send that was interrupted
(process killed while 'sending') is put back to waiting by `recover_interrupted` at open, and a
failed one is retried by the next sync. Nothing here can read a bundle: `sealed` is ciphertext.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

Conn = Any


class OutboxState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(slots=True)
class OutboxItem:
    bundle_id: str
    counter: int
    file_name: str
    sealed: bytes
    summary: dict[str, Any] = field(default_factory=dict)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    state: OutboxState = OutboxState.WAITING
    attempts: int = 0
    last_attempt_at: datetime | None = None
    last_error: str = ""
    sent_to: str = ""
    sent_at: datetime | None = None
    id: int | None = None


def _stamp(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds") if value else None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def enqueue(conn: Conn, item: OutboxItem) -> int:
    cur = conn.execute(
        "INSERT INTO outbox (bundle_id, counter, created_at, file_name, sealed, summary) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            item.bundle_id,
            item.counter,
            _stamp(item.created_at),
            item.file_name,
            item.sealed,
            json.dumps(item.summary),
        ),
    )
    item.id = int(cur.lastrowid)
    return item.id


_COLUMNS = (
    "bundle_id, counter, file_name, sealed, summary, created_at, state, attempts, "
    "last_attempt_at, last_error, sent_to, sent_at, id"
)


def _item(row: tuple[Any, ...]) -> OutboxItem:
    (
        bundle_id,
        counter,
        file_name,
        sealed,
        summary,
        created,
        state,
        attempts,
        attempt_at,
        error,
        sent_to,
        sent_at,
        item_id,
    ) = row
    return OutboxItem(
        bundle_id,
        counter,
        file_name,
        bytes(sealed),
        json.loads(summary),
        datetime.fromisoformat(created),
        OutboxState(state),
        attempts,
        _when(attempt_at),
        error,
        sent_to,
        _when(sent_at),
        item_id,
    )


def items(conn: Conn, states: tuple[OutboxState, ...] | None = None) -> list[OutboxItem]:
    sql = f"SELECT {_COLUMNS} FROM outbox"
    args: list[str] = []
    if states:
        sql += f" WHERE state IN ({', '.join('?' * len(states))})"
        args = [s.value for s in states]
    return [_item(r) for r in conn.execute(sql + " ORDER BY counter", args)]


_COLUMNS_NO_SEALED = _COLUMNS.replace("sealed", "X''")


def overview(
    conn: Conn, states: tuple[OutboxState, ...] | None = None
) -> list[tuple[OutboxItem, int]]:
    """Like items() with each bundle's size, but without reading the sealed bytes (b"")."""
    sql = f"SELECT {_COLUMNS_NO_SEALED}, length(sealed) FROM outbox"
    args: list[str] = []
    if states:
        sql += f" WHERE state IN ({', '.join('?' * len(states))})"
        args = [s.value for s in states]
    return [(_item(r[:-1]), int(r[-1])) for r in conn.execute(sql + " ORDER BY counter", args)]


def pending(conn: Conn) -> list[OutboxItem]:
    """Everything that still has to leave: waiting and failed, oldest first."""
    return items(conn, (OutboxState.WAITING, OutboxState.FAILED))


def mark_sending(conn: Conn, item_id: int) -> None:
    conn.execute(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, last_attempt_at = ? "
        "WHERE id = ?",
        (_stamp(datetime.now(UTC)), item_id),
    )


def mark_sent(conn: Conn, item_id: int, sent_to: str) -> None:
    conn.execute(
        "UPDATE outbox SET state = 'sent', sent_to = ?, sent_at = ?, last_error = '' WHERE id = ?",
        (sent_to, _stamp(datetime.now(UTC)), item_id),
    )


def mark_failed(conn: Conn, item_id: int, reason: str) -> None:
    conn.execute(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", (reason[:500], item_id)
    )


def mark_waiting(conn: Conn, item_id: int, reason: str) -> None:
    """The way out was not usable (offline, stick removed, wrong password): back to waiting."""
    conn.execute(
        "UPDATE outbox SET state = 'waiting', last_error = ? WHERE id = ?", (reason[:500], item_id)
    )


def recover_interrupted(conn: Conn) -> int:
    """Put sends that never finished back to waiting; return how many."""
    return int(conn.execute("UPDATE outbox SET state = 'waiting' WHERE state = 'sending'").rowcount)


def last_success(conn: Conn) -> datetime | None:
    row = conn.execute("SELECT max(sent_at) FROM outbox WHERE state = 'sent'").fetchone()
    return _when(row[0]) if row else None
