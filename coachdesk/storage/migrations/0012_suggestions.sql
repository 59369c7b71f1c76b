-- Version 12 (issue 20): what the coach suggested to the RCO's directory and what became of it,
-- and the RCO directory's version-2 facts about each entry. Neither table ever holds client
-- data: a suggestion is public resource information the coach typed and saw in the preview.

CREATE TABLE suggestions (
    id            INTEGER PRIMARY KEY,
    suggestion_id TEXT NOT NULL UNIQUE,          -- random 128 bits (hex), also in the payload
    counter       INTEGER NOT NULL,              -- the device counter number it used up
    created_at    TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('new', 'correction', 'confirmed')),
    ref           TEXT NOT NULL DEFAULT '',      -- the RCO directory entry, for corrections
    problem       TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL,                 -- JSON: the resource fields exactly as sent
    fate          TEXT NOT NULL DEFAULT 'sent'
                  CHECK (fate IN ('sent', 'accepted', 'rejected')),
    fate_reason   TEXT NOT NULL DEFAULT '',
    fate_serial   INTEGER,                       -- the directory that told its fate
    fate_ref      TEXT NOT NULL DEFAULT ''       -- the entry it became or changed
) STRICT;

CREATE TABLE directory_facts (
    ref           TEXT PRIMARY KEY,              -- resources.rco_ref
    digest        TEXT NOT NULL,                 -- of the entry's fields (what changed)
    last_verified TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD
    verified_by   INTEGER NOT NULL DEFAULT 0,    -- how many coaches confirmed it
    closed        INTEGER NOT NULL DEFAULT 0,
    languages     TEXT NOT NULL DEFAULT '[]',
    extra         TEXT NOT NULL DEFAULT '{}'     -- JSON: eligibility and the Spanish texts
) STRICT;
