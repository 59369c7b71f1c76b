"""The one write Today's "done" and "later" need that the other repositories lack: a session
note's follow-up date (the note's text, mode and time are never touched here). The due-item
triggers (migration 0005) pick the change up like any other write."""

from __future__ import annotations

from datetime import date

from coachdesk.storage.repos import Conn, d2s


def set_note_follow_up(conn: Conn, note_id: int, follow_up_on: date | None) -> None:
    conn.execute("UPDATE notes SET follow_up_on = ? WHERE id = ?", (d2s(follow_up_on), note_id))
