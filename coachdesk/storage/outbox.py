"""The outbox of sealed bundles (schema in migrations/0003_outbox.sql).

States: waiting -> sending -> sent, or failed (with a plain reason). A send that was interrupted
(process killed while 'sending') is put back to waiting by `recover_interrupted` at open, and a
failed one is retried by the next sync. Nothing here can read a bundle: `sealed` is ciphertext.

The reason of the last try is kept in the `last_error` text column as a catalog message in JSON
(coachdesk.i18n.catalog.message_to_json), so each reader words it in its own language; rows
written before that (and a message too long for the column) hold its English, read as it is.
No migration: the column and its meaning for old rows are unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from coachdesk.i18n.catalog import Message, message_from_json, message_to_json

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
    last_error: str = ""  # English (logs, the CLI's --json)
    sent_to: str = ""
    sent_at: datetime | None = None
    id: int | None = None
    last_problem: Message | None = None  # the same as a message, when it was kept as one

    @property
    def last_reason(self) -> Message:
        """The last try's reason, to word in the reader's language (an old row: its English)."""
        return self.last_problem or Message.plain(self.last_error)


_REASON_CHARS = 500


def _kept_reason(reason: str | Message) -> str:
    """What the last_error column keeps: a message as catalog JSON, or English text (plain
    text, or a message whose JSON would not fit the column)."""
    if isinstance(reason, Message):
        kept = message_to_json(reason)
        if len(kept) <= _REASON_CHARS:
            return kept
        reason = str(reason)
    return reason[:_REASON_CHARS]


def _read_reason(column: str | None) -> tuple[str, Message | None]:
    """The English and the message of a kept reason; an old row's text is its own English."""
    message = message_from_json(column) if column and column.startswith("{") else None
    return (str(message), message) if message is not None else (column or "", None)


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
    english, problem = _read_reason(error)
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
        english,
        sent_to,
        _when(sent_at),
        item_id,
        problem,
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


def mark_failed(conn: Conn, item_id: int, reason: str | Message) -> None:
    conn.execute(
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?",
        (_kept_reason(reason), item_id),
    )


def mark_waiting(conn: Conn, item_id: int, reason: str | Message) -> None:
    """The way out was not usable (offline, stick removed, wrong password): back to waiting."""
    conn.execute(
        "UPDATE outbox SET state = 'waiting', last_error = ? WHERE id = ?",
        (_kept_reason(reason), item_id),
    )


def recover_interrupted(conn: Conn) -> int:
    """Put sends that never finished back to waiting; return how many."""
    return int(conn.execute("UPDATE outbox SET state = 'waiting' WHERE state = 'sending'").rowcount)


def last_success(conn: Conn) -> datetime | None:
    row = conn.execute("SELECT max(sent_at) FROM outbox WHERE state = 'sent'").fetchone()
    return _when(row[0]) if row else None
