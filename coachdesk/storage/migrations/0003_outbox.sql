-- Version 3: the outbox of sealed exports waiting to leave the workstation.
-- `sealed` holds the encrypted bundle exactly as it will be delivered (the workstation cannot
-- read it back); state moves waiting -> sending -> sent, or -> failed with the reason, and a
-- failed or interrupted send goes back to waiting on the next attempt.

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    bundle_id       TEXT NOT NULL UNIQUE,
    counter         INTEGER NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    sealed          BLOB NOT NULL,
    summary         TEXT NOT NULL DEFAULT '{}',      -- JSON: counts only, never client data
    state           TEXT NOT NULL DEFAULT 'waiting'
                    CHECK (state IN ('waiting', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_to         TEXT NOT NULL DEFAULT '',
    sent_at         TEXT
) STRICT;
CREATE INDEX outbox_by_state ON outbox (state, counter);
