-- Version 8: who the client is and what the support was (issue 21; core/models.py ClientKind,
-- Relationship, SupportKind, Destination, FamilyFollowUp).
-- Existing clients become persons in recovery; existing notes keep their mode, with support
-- kind "coaching_session", or "group" when the mode is group.

ALTER TABLE clients ADD COLUMN kind TEXT NOT NULL DEFAULT 'person_in_recovery'
    CHECK (kind IN ('person_in_recovery', 'family_member'));
-- A family client's loved one, when that person is a client of this coach too.
ALTER TABLE clients ADD COLUMN linked_client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL;
ALTER TABLE clients ADD COLUMN relationship TEXT NOT NULL DEFAULT '';  -- a Relationship value

ALTER TABLE notes ADD COLUMN support_kind TEXT NOT NULL DEFAULT 'coaching_session';
ALTER TABLE notes ADD COLUMN destination TEXT NOT NULL DEFAULT '';  -- accompaniments only
UPDATE notes SET support_kind = 'group' WHERE mode = 'group';

-- Format 2's per-quarter counts by support kind read these columns too, still without the
-- pages of note text (storage/export_queries.py).
DROP INDEX notes_for_periods;
CREATE INDEX notes_for_periods ON notes (
    client_id, occurred_at, attempt_only, mode, support_kind, destination, duration_minutes
);

-- A family client's light follow-up (docs/domain.md "Family follow-up"); NULL = not known.
CREATE TABLE family_followups (
    id                     INTEGER PRIMARY KEY,
    client_id              INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    taken_on               TEXT NOT NULL,
    loved_one_in_treatment INTEGER CHECK (loved_one_in_treatment IN (0, 1)),
    loved_one_in_support   INTEGER CHECK (loved_one_in_support IN (0, 1)),
    own_support            INTEGER CHECK (own_support IN (0, 1))
) STRICT;
CREATE INDEX family_followups_by_client ON family_followups (client_id, taken_on);

-- A family client has no BARC-10/SUPRT windows: a change of kind recomputes its reminders.
CREATE TRIGGER due_client_kind_au AFTER UPDATE OF kind ON clients BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.id);
END;

-- Client counts by status, setting and kind (version 5's table, one more key).
DROP TRIGGER counts_ai;
DROP TRIGGER counts_ad;
DROP TRIGGER counts_au;
DROP TABLE client_counts;
CREATE TABLE client_counts (
    status  TEXT NOT NULL,
    setting TEXT NOT NULL,
    kind    TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (status, setting, kind)
) STRICT, WITHOUT ROWID;
INSERT INTO client_counts (status, setting, kind, n)
    SELECT status, setting, kind, count(*) FROM clients GROUP BY status, setting, kind;
CREATE TRIGGER counts_ai AFTER INSERT ON clients BEGIN
    INSERT INTO client_counts (status, setting, kind, n)
    VALUES (new.status, new.setting, new.kind, 1)
    ON CONFLICT (status, setting, kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER counts_ad AFTER DELETE ON clients BEGIN
    UPDATE client_counts SET n = n - 1
    WHERE status = old.status AND setting = old.setting AND kind = old.kind;
END;
CREATE TRIGGER counts_au AFTER UPDATE OF status, setting, kind ON clients BEGIN
    UPDATE client_counts SET n = n - 1
    WHERE status = old.status AND setting = old.setting AND kind = old.kind;
    INSERT INTO client_counts (status, setting, kind, n)
    VALUES (new.status, new.setting, new.kind, 1)
    ON CONFLICT (status, setting, kind) DO UPDATE SET n = n + 1;
END;
