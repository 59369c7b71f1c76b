-- Version 10: a session note is a record (issue 17). It is never edited; a correction or a
-- later fact is a dated addendum with its author, appended under the note and audited.

CREATE TABLE note_addenda (
    id         INTEGER PRIMARY KEY,
    note_id    INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    written_at TEXT NOT NULL,  -- UTC, ISO 8601
    author     TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX note_addenda_by_note ON note_addenda (note_id, written_at, id);

-- What a note says stays as written: only its follow-up date moves (Today's done and later).
CREATE TRIGGER notes_are_records BEFORE UPDATE OF
    client_id, occurred_at, mode, duration_minutes, location, goals_touched, text, next_steps,
    attempt_only, support_kind, destination ON notes
BEGIN
    SELECT RAISE(ABORT, 'a session note is never edited: add an addendum');
END;
CREATE TRIGGER note_addenda_are_records BEFORE UPDATE ON note_addenda
BEGIN
    SELECT RAISE(ABORT, 'an addendum is never edited: add another');
END;
