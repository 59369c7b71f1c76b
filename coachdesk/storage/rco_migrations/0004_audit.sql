-- RCO store schema, version 4: the append-only, HMAC-chained audit log (storage/audit.py),
-- the same table as in a coach's vault: unlocks, failed unlocks, imports, device decisions,
-- reports exported, directories published, backups and restores.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL DEFAULT '',
    record_id   INTEGER,
    detail      TEXT NOT NULL DEFAULT '',
    tag         BLOB NOT NULL
) STRICT;
CREATE INDEX audit_by_record ON audit (record_type, record_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
