-- Version 5: indexed state for Today, the client list and its counts (issue 18), so that they
-- cost what they show, not what the caseload holds.

-- Every reminder item of every client, whatever the day (core/reminders.py `due_items`): a
-- window from its opening to its closing day, or a date due until done (closes_on NULL).
-- Today reads the few rows near today through the two partial indexes. Rows are recomputed by
-- the program from its rules for the clients listed in due_stale, inside the transaction that
-- changed them (storage/vault.py `_before_commit`); the triggers below list them.
CREATE TABLE due_items (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,   -- the rules' order within one client
    kind       TEXT NOT NULL,      -- timepoint, plan_review, referral_follow_up, note_follow_up
    timepoint  TEXT,               -- the window's timepoint (kind 'timepoint')
    due_on     TEXT NOT NULL,      -- a window's opening day, else the date due
    closes_on  TEXT,               -- a window's last day; NULL: due until done
    PRIMARY KEY (client_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX due_until_done ON due_items (kind, due_on) WHERE closes_on IS NULL;
CREATE INDEX due_windows ON due_items (due_on, closes_on) WHERE closes_on IS NOT NULL;
CREATE INDEX due_window_ends ON due_items (closes_on) WHERE closes_on IS NOT NULL;

-- How many items fall due on each day (closes_on '' for items due until done), kept by
-- triggers: Today's counts add up days, however many clients there are.
CREATE TABLE due_counts (
    kind      TEXT NOT NULL,
    due_on    TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (kind, due_on, closes_on)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER due_counts_ai AFTER INSERT ON due_items BEGIN
    INSERT INTO due_counts (kind, due_on, closes_on, n)
    VALUES (new.kind, new.due_on, coalesce(new.closes_on, ''), 1)
    ON CONFLICT (kind, due_on, closes_on) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER due_counts_ad AFTER DELETE ON due_items BEGIN
    UPDATE due_counts SET n = n - 1
    WHERE kind = old.kind AND due_on = old.due_on AND closes_on = coalesce(old.closes_on, '');
    DELETE FROM due_counts
    WHERE kind = old.kind AND due_on = old.due_on AND closes_on = coalesce(old.closes_on, '')
    AND n = 0;
END;

CREATE TABLE due_stale (client_id INTEGER PRIMARY KEY) STRICT;
-- Backfill: every existing client is recomputed by the first write after this upgrade (and
-- read exactly from its records until then).
INSERT INTO due_stale (client_id) SELECT id FROM clients;

CREATE TRIGGER due_client_ai AFTER INSERT ON clients BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.id);
END;
CREATE TRIGGER due_client_au AFTER UPDATE OF intake_date, status, status_date ON clients BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.id);
END;
CREATE TRIGGER due_note_ai AFTER INSERT ON notes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_note_au AFTER UPDATE OF client_id, occurred_at, follow_up_on ON notes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_note_ad AFTER DELETE ON notes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
END;
CREATE TRIGGER due_plan_ai AFTER INSERT ON plans BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_plan_au AFTER UPDATE OF client_id, version, review_date ON plans BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_plan_ad AFTER DELETE ON plans BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
END;
CREATE TRIGGER due_referral_ai AFTER INSERT ON referrals BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_referral_au AFTER UPDATE OF client_id, status, follow_up_on ON referrals BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_referral_ad AFTER DELETE ON referrals BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
END;
CREATE TRIGGER due_outcome_ai AFTER INSERT ON outcomes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_outcome_au AFTER UPDATE OF client_id, timepoint ON outcomes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_outcome_ad AFTER DELETE ON outcomes BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
END;

-- Name search: a trigram index of the folded names (substrings of 3+ characters), kept by
-- triggers; contentless, so the names are not stored twice.
CREATE VIRTUAL TABLE client_names USING fts5(
    search_name, content='', contentless_delete=1, tokenize='trigram'
);
INSERT INTO client_names (rowid, search_name) SELECT id, search_name FROM clients;
CREATE TRIGGER names_ai AFTER INSERT ON clients BEGIN
    INSERT INTO client_names (rowid, search_name) VALUES (new.id, new.search_name);
END;
CREATE TRIGGER names_au AFTER UPDATE OF search_name ON clients BEGIN
    DELETE FROM client_names WHERE rowid = old.id;
    INSERT INTO client_names (rowid, search_name) VALUES (new.id, new.search_name);
END;
CREATE TRIGGER names_ad AFTER DELETE ON clients BEGIN
    DELETE FROM client_names WHERE rowid = old.id;
END;
-- Short search words (1-2 characters) walk the names in list order and stop at the page's
-- end; this index (which replaces clients_by_name) answers the word test without reading
-- each client's row.
DROP INDEX clients_by_name;
CREATE INDEX clients_by_name ON clients (
    family_name COLLATE NOCASE, given_name COLLATE NOCASE, id, search_name
);

-- Client counts by status and setting, kept by triggers: counting is a read of a few rows.
CREATE TABLE client_counts (
    status  TEXT NOT NULL,
    setting TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (status, setting)
) STRICT, WITHOUT ROWID;
INSERT INTO client_counts (status, setting, n)
    SELECT status, setting, count(*) FROM clients GROUP BY status, setting;
CREATE TRIGGER counts_ai AFTER INSERT ON clients BEGIN
    INSERT INTO client_counts (status, setting, n) VALUES (new.status, new.setting, 1)
    ON CONFLICT (status, setting) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER counts_ad AFTER DELETE ON clients BEGIN
    UPDATE client_counts SET n = n - 1 WHERE status = old.status AND setting = old.setting;
END;
CREATE TRIGGER counts_au AFTER UPDATE OF status, setting ON clients BEGIN
    UPDATE client_counts SET n = n - 1 WHERE status = old.status AND setting = old.setting;
    INSERT INTO client_counts (status, setting, n) VALUES (new.status, new.setting, 1)
    ON CONFLICT (status, setting) DO UPDATE SET n = n + 1;
END;
