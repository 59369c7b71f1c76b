"""The append-only, HMAC-chained audit log inside the vault.

Each entry's tag is HMAC-SHA256(audit key, previous tag || canonical entry). Removing, reordering
or altering an entry breaks every later tag, which `verify` reports. SQL triggers refuse UPDATE and
DELETE on the table; the chain catches what a raw edit of the file would do. The newest tag (the
chain head) goes into every signed export.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

from coachdesk.core.models import AuditEntry

GENESIS = b"\x00" * 32


def _canonical(
    at: str, actor: str, action: str, record_type: str, record_id: int | None, detail: str
) -> bytes:
    return json.dumps(
        [at, actor, action, record_type, record_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def _tag(key: bytes, previous: bytes, body: bytes) -> bytes:
    return hmac.new(key, previous + body, hashlib.sha256).digest()


class AuditLog:
    """Call inside the caller's transaction so the entry commits with the change it records."""

    def __init__(self, conn: Any, key: bytes) -> None:
        self.conn = conn
        self.key = key

    def head(self) -> bytes:
        row = self.conn.execute("SELECT tag FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return bytes(row[0]) if row else GENESIS

    def append(
        self,
        actor: str,
        action: str,
        record_type: str = "",
        record_id: int | None = None,
        detail: str = "",
        at: datetime | None = None,
    ) -> bytes:
        stamp = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
        tag = _tag(
            self.key, self.head(), _canonical(stamp, actor, action, record_type, record_id, detail)
        )
        self.conn.execute(
            "INSERT INTO audit (at, actor, action, record_type, record_id, detail, tag) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (stamp, actor, action, record_type, record_id, detail, tag),
        )
        return tag

    def verify(self) -> int | None:
        """Return the id of the first entry whose tag does not match, or None if intact."""
        previous = GENESIS
        rows = self.conn.execute(
            "SELECT id, at, actor, action, record_type, record_id, detail, tag "
            "FROM audit ORDER BY id"
        )
        for entry_id, at, actor, action, rtype, rid, detail, tag in rows:
            expected = _tag(self.key, previous, _canonical(at, actor, action, rtype, rid, detail))
            if not hmac.compare_digest(expected, bytes(tag)):
                return int(entry_id)
            previous = bytes(tag)
        return None

    def entries(
        self,
        record_type: str | None = None,
        record_id: int | None = None,
        limit: int | None = 500,
    ) -> list[AuditEntry]:
        """The newest entries first; `limit=None` gives the whole log (an export)."""
        sql = "SELECT id, at, actor, action, record_type, record_id, detail FROM audit"
        args: list[Any] = []
        if record_type is not None:
            sql += " WHERE record_type = ? AND record_id = ?"
            args += [record_type, record_id]
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [
            AuditEntry(datetime.fromisoformat(at), actor, action, rtype, rid, detail, entry_id)
            for entry_id, at, actor, action, rtype, rid, detail in self.conn.execute(sql, args)
        ]
