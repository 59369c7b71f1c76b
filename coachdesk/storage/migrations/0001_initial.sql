-- CoachDesk vault schema, version 1: the caseload.
-- Dates are ISO-8601 text (YYYY-MM-DD); instants are ISO-8601 UTC text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE coach_profile (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    facility     TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT 'en'
) STRICT;

CREATE TABLE clients (
    id                      INTEGER PRIMARY KEY,
    given_name              TEXT NOT NULL,
    family_name             TEXT NOT NULL,
    preferred_name          TEXT NOT NULL DEFAULT '',
    pronouns                TEXT NOT NULL DEFAULT '',
    date_of_birth           TEXT,
    gender                  TEXT NOT NULL,
    phone                   TEXT NOT NULL DEFAULT '',
    email                   TEXT NOT NULL DEFAULT '',
    address                 TEXT NOT NULL DEFAULT '',
    emergency_contact_name  TEXT NOT NULL DEFAULT '',
    emergency_contact_phone TEXT NOT NULL DEFAULT '',
    facility                TEXT NOT NULL DEFAULT '',
    setting                 TEXT NOT NULL,
    referral_source         TEXT NOT NULL DEFAULT '',
    pathways                TEXT NOT NULL DEFAULT '',   -- comma-separated Pathway values
    status                  TEXT NOT NULL,
    status_date             TEXT,
    status_reason           TEXT NOT NULL DEFAULT '',
    intake_date             TEXT NOT NULL,
    language                TEXT NOT NULL DEFAULT 'en',
    pseudonym               TEXT NOT NULL UNIQUE,       -- random; for exports, never derived from identity
    search_name             TEXT NOT NULL,              -- casefolded names, for name search
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX clients_by_status ON clients (status, setting);

CREATE TABLE consents (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    disclosing_party  TEXT NOT NULL,
    information       TEXT NOT NULL,
    recipients        TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    revocation_terms  TEXT NOT NULL,
    expires_on        TEXT,
    expiry_event      TEXT NOT NULL DEFAULT '',
    signed_by         TEXT NOT NULL,
    signed_on         TEXT NOT NULL,
    revoked_on        TEXT,
    revocation_note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX consents_by_client ON consents (client_id);

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    review_date TEXT,
    body        TEXT NOT NULL,          -- JSON of the plan (goals, steps, wellness ...)
    UNIQUE (client_id, version)
) STRICT;

CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    occurred_at      TEXT NOT NULL,
    mode             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
    location         TEXT NOT NULL DEFAULT '',
    goals_touched    TEXT NOT NULL DEFAULT '[]',
    text             TEXT NOT NULL,
    next_steps       TEXT NOT NULL DEFAULT '',
    follow_up_on     TEXT,
    attempt_only     INTEGER NOT NULL DEFAULT 0 CHECK (attempt_only IN (0, 1))
) STRICT;
CREATE INDEX notes_by_client ON notes (client_id, occurred_at);

CREATE TABLE barc10 (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    taken_on  TEXT NOT NULL,
    timepoint TEXT,
    answers   TEXT NOT NULL,            -- ten digits 1..6, e.g. '6543216543'
    total     INTEGER NOT NULL CHECK (total BETWEEN 10 AND 60)
) STRICT;
CREATE INDEX barc10_by_client ON barc10 (client_id, taken_on);

CREATE TABLE outcomes (
    id                   INTEGER PRIMARY KEY,
    client_id            INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    timepoint            TEXT NOT NULL,
    taken_on             TEXT NOT NULL,
    days_used            INTEGER CHECK (days_used BETWEEN 0 AND 30),
    overdose             INTEGER,
    housing              TEXT,
    employment           TEXT,
    arrests              INTEGER CHECK (arrests BETWEEN 0 AND 99),
    ed_visits            INTEGER CHECK (ed_visits BETWEEN 0 AND 99),
    in_treatment         INTEGER,
    on_moud              INTEGER,
    recovery_support     INTEGER,
    social_connectedness INTEGER CHECK (social_connectedness BETWEEN 1 AND 5),
    UNIQUE (client_id, timepoint)
) STRICT;

CREATE TABLE resources (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,
    pathways TEXT NOT NULL DEFAULT '',
    address  TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT '',
    hours    TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT '',
    local    INTEGER NOT NULL DEFAULT 1,
    rco_ref  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX resources_by_category ON resources (category, name);

CREATE TABLE referrals (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    resource_id  INTEGER REFERENCES resources (id) ON DELETE SET NULL,
    category     TEXT NOT NULL,
    made_on      TEXT NOT NULL,
    status       TEXT NOT NULL,
    status_on    TEXT,
    follow_up_on TEXT
) STRICT;
CREATE INDEX referrals_by_client ON referrals (client_id);

CREATE TABLE disclosures (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    consent_id    INTEGER REFERENCES consents (id) ON DELETE SET NULL,
    disclosed_on  TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    what          TEXT NOT NULL
) STRICT;

-- Append-only, HMAC-chained audit log (see storage/audit.py).
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
