-- Version 14: Today lists a consent that has ended or ends soon (issue 17; core/reminders.py
-- `consent_end`). Its item is due on the last day a consent covers; `ends_on` keeps the end
-- date its words name (an expiry date, or a revocation's day, which covers nothing).
ALTER TABLE due_items ADD COLUMN ends_on TEXT;

-- A consent written, changed or removed makes its client's items stale (migration 0005).
CREATE TRIGGER due_consent_ai AFTER INSERT ON consents BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_consent_au AFTER UPDATE OF client_id, expires_on, revoked_on ON consents BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
    INSERT OR IGNORE INTO due_stale VALUES (new.client_id);
END;
CREATE TRIGGER due_consent_ad AFTER DELETE ON consents BEGIN
    INSERT OR IGNORE INTO due_stale VALUES (old.client_id);
END;
-- The clients with consents get their new item by the first write after this upgrade (read
-- exactly from their records until then); RULES_VERSION 4 recomputes every client as well.
INSERT OR IGNORE INTO due_stale (client_id) SELECT DISTINCT client_id FROM consents;
