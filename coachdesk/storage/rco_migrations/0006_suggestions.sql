-- RCO store schema, version 6 (issue 20): the coaches' suggestions to the directory (public
-- resource information, never client data) and each entry's verification.
CREATE TABLE suggestions (
    suggestion_id TEXT PRIMARY KEY,              -- a repeated id is a replay
    device_id     TEXT NOT NULL REFERENCES devices (device_id),
    counter       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    ref           TEXT NOT NULL DEFAULT '',
    problem       TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL,                 -- JSON: the resource fields as sent
    sealed_sha256 TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
    reason        TEXT NOT NULL DEFAULT '',
    decided_at    TEXT,
    result_ref    TEXT NOT NULL DEFAULT ''       -- the directory entry it became or changed
) STRICT;
CREATE INDEX suggestions_by_state ON suggestions (state, ref);

CREATE TABLE directory_verification (
    ref           TEXT PRIMARY KEY,
    last_verified TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD
    verified_by   INTEGER NOT NULL DEFAULT 0,
    closed        INTEGER NOT NULL DEFAULT 0,
    extra         TEXT NOT NULL DEFAULT '{}'     -- JSON: languages, eligibility, Spanish texts
) STRICT;

-- Referrals made and linked per directory entry, per device, from its newest format 2 bundle
-- (payload "resource_referrals": counts per ref, never per person).
CREATE TABLE resource_linkage (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    ref       TEXT NOT NULL,
    made      INTEGER NOT NULL,
    linked    INTEGER NOT NULL,
    counter   INTEGER NOT NULL,
    PRIMARY KEY (device_id, ref)
) STRICT;
