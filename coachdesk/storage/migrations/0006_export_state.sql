-- Version 6: what each exported record last went out as, per RCO (storage/export_state.py),
-- so the next export never shows a record finer than before and keeps k-anonymity across
-- bundles the RCO links by pseudonym (docs/deidentification.md). Only generalized values that
-- already left the vault are kept here: no date, name or exact age.

CREATE TABLE export_released (
    recipient     TEXT NOT NULL,                 -- RCO key fingerprint
    pseudonym     TEXT NOT NULL REFERENCES clients (pseudonym) ON DELETE CASCADE,
    age_band      TEXT,
    gender        TEXT,
    setting       TEXT,
    intake_year   TEXT,
    native        INTEGER NOT NULL CHECK (native IN (0, 1)),  -- this tuple since first sent
    first_counter INTEGER NOT NULL,              -- export that first carried the record
    last_counter  INTEGER NOT NULL,              -- latest export that carried it
    PRIMARY KEY (recipient, pseudonym)
) STRICT, WITHOUT ROWID;
