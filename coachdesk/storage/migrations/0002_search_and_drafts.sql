-- Version 2: full-text search over session notes and plans (FTS5 inside the vault),
-- and drafts so that unsaved edits survive a lock.

CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, next_steps, content='notes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO notes_fts (rowid, text, next_steps) SELECT id, text, next_steps FROM notes;
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, text, next_steps) VALUES (new.id, new.text, new.next_steps);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, text, next_steps)
    VALUES ('delete', old.id, old.text, old.next_steps);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text, next_steps ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, text, next_steps)
    VALUES ('delete', old.id, old.text, old.next_steps);
    INSERT INTO notes_fts (rowid, text, next_steps) VALUES (new.id, new.text, new.next_steps);
END;

ALTER TABLE plans ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE plans_fts USING fts5(
    search_text, content='plans', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
-- The searchable text of a plan is every string in its JSON body (repositories use the same rule).
UPDATE plans SET search_text =
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(plans.body) WHERE type = 'text');
INSERT INTO plans_fts (plans_fts) VALUES ('rebuild');
CREATE TRIGGER plans_ai AFTER INSERT ON plans BEGIN
    INSERT INTO plans_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER plans_ad AFTER DELETE ON plans BEGIN
    INSERT INTO plans_fts (plans_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TABLE drafts (
    kind     TEXT NOT NULL,     -- e.g. 'plan', 'note'
    key      TEXT NOT NULL,     -- e.g. the client id
    body     TEXT NOT NULL,     -- JSON
    saved_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT;
