-- CoachDesk RCO store schema, version 1: devices, imported bundles, de-identified episodes,
-- flags, the pending list and the resource directory.
-- Instants are ISO-8601 UTC text. Nothing here identifies a person: episodes are keyed by the
-- random pseudonym the coach's vault chose.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Coach devices (one per enrolled vault). status: confirmed | pending | revoked.
CREATE TABLE devices (
    device_id       TEXT PRIMARY KEY,
    fingerprint     TEXT NOT NULL UNIQUE,
    public_key      TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'pending', 'revoked')),
    first_seen_at   TEXT NOT NULL,
    first_bundle_at TEXT,
    last_bundle_at  TEXT,
    last_counter    INTEGER NOT NULL DEFAULT -1,
    bundles         INTEGER NOT NULL DEFAULT 0,
    status_at       TEXT NOT NULL
) STRICT;

-- Every bundle imported (re-importing the same bundle id is a no-op).
CREATE TABLE bundles (
    bundle_id   TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices (device_id),
    counter     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    records     INTEGER NOT NULL,
    flag        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX bundles_device ON bundles (device_id, counter);

-- Bundles from devices not yet confirmed: kept sealed until the supervisor decides.
CREATE TABLE pending_bundles (
    id          INTEGER PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices (device_id),
    bundle_id   TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    sealed      BLOB NOT NULL
) STRICT;

-- Things the supervisor should look at (a counter that repeats or goes backwards, ...).
CREATE TABLE flags (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    device_id TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;

-- One row per client episode (latest version wins; see rco/importer.py).
-- period_first / period_last: the first and latest import quarter as 'YYYY-Qn'.
CREATE TABLE episodes (
    id              INTEGER PRIMARY KEY,
    device_id       TEXT NOT NULL REFERENCES devices (device_id),
    pseudonym       TEXT NOT NULL,
    counter         INTEGER NOT NULL,
    bundle_id       TEXT NOT NULL,
    setting         TEXT NOT NULL,
    intake_year     TEXT,
    age_band        TEXT NOT NULL,
    gender          TEXT NOT NULL,
    pathways        TEXT NOT NULL,
    status          TEXT NOT NULL,
    discharge_reason TEXT NOT NULL DEFAULT '',
    sessions        INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    group_sessions  INTEGER NOT NULL,
    referrals       TEXT NOT NULL,
    barc10          TEXT NOT NULL,
    outcomes        TEXT NOT NULL,
    period_first    TEXT NOT NULL,
    period_last     TEXT NOT NULL,
    UNIQUE (device_id, pseudonym)
) STRICT;
CREATE INDEX episodes_period ON episodes (period_first, period_last);

-- The RCO's resource directory, published signed to coaches.
CREATE TABLE directory_entries (
    ref        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    category   TEXT NOT NULL,
    pathways   TEXT NOT NULL DEFAULT '[]',
    address    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    hours      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;
