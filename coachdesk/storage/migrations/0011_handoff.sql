-- Version 11: warm hand-off between coaches (issue 19; exchange/handoff.py, FORMAT.md
-- "Hand-off file"). The RCO's signed team roster is kept in meta ("handoff.roster").

-- Sealed hand-off files and acknowledgments waiting to leave, each for one coach device
-- (delivered into handoffs/<recipient fingerprint>/ of the RCO's inbox or the stick).
CREATE TABLE handoff_outbox (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('handoff', 'ack')),
    handoff_id   TEXT NOT NULL,
    recipient_fp TEXT NOT NULL,
    file_name    TEXT NOT NULL UNIQUE,
    sealed       BLOB NOT NULL,
    state        TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent')),
    created_at   TEXT NOT NULL,
    sent_at      TEXT,
    last_error   TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, handoff_id)
) STRICT;

-- Hand-offs this device made: the client goes read-only once the receiver's ack is here.
CREATE TABLE handoffs_sent (
    handoff_id     TEXT PRIMARY KEY,
    client_id      INTEGER REFERENCES clients (id) ON DELETE SET NULL,
    pseudonym      TEXT NOT NULL,
    recipient_fp   TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    basis          TEXT NOT NULL,      -- JSON: the legal basis as sent
    created_at     TEXT NOT NULL,
    acked_at       TEXT
) STRICT;

-- Hand-offs addressed to this device, verified when fetched, kept sealed until decided.
CREATE TABLE handoffs_received (
    handoff_id    TEXT PRIMARY KEY,
    sender_fp     TEXT NOT NULL,
    sender_name   TEXT NOT NULL,
    sealed_sha256 TEXT NOT NULL,
    sealed        BLOB,                -- dropped once decided
    created_at    TEXT NOT NULL,
    fetched_at    TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'waiting'
                  CHECK (state IN ('waiting', 'accepted', 'refused')),
    decided_at    TEXT,
    client_id     INTEGER REFERENCES clients (id) ON DELETE SET NULL,
    first_contact_due TEXT,
    reason        TEXT NOT NULL DEFAULT ''
) STRICT;

-- A client handed off (ack received) is read-only; one received keeps the hand-off's id.
ALTER TABLE clients ADD COLUMN transferred_to TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN transferred_on TEXT;
ALTER TABLE clients ADD COLUMN handoff_in TEXT NOT NULL DEFAULT '';

CREATE TRIGGER handoff_client_read_only BEFORE UPDATE ON clients
WHEN old.transferred_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_notes BEFORE INSERT ON notes
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_consents BEFORE INSERT ON consents
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_plans BEFORE INSERT ON plans
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_barc10 BEFORE INSERT ON barc10
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_outcomes BEFORE INSERT ON outcomes
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_referrals BEFORE INSERT ON referrals
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
CREATE TRIGGER handoff_read_only_family_followups BEFORE INSERT ON family_followups
WHEN (SELECT transferred_on FROM clients WHERE id = new.client_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'coachdesk:client_transferred'); END;
