-- RCO store schema, version 3: bundle format 2's per-period aggregates (exchange/FORMAT.md 7).
-- period_cells holds, per device, the latest bundle's counts for each (period, setting); a newer
-- bundle of the device replaces the rows of every period it covers (rco/desk.py). coverage says
-- which quarters the device's latest format-2 bundle covered and when it was made.

ALTER TABLE bundles ADD COLUMN format INTEGER NOT NULL DEFAULT 1;

CREATE TABLE period_cells (
    device_id TEXT NOT NULL REFERENCES devices (device_id),
    period    TEXT NOT NULL,            -- '2026-Q4', '2026', 'FY2027' or 'all'
    setting   TEXT NOT NULL,
    counts    TEXT NOT NULL,            -- JSON {cell name: count}, zero cells left out
    counter   INTEGER NOT NULL,
    bundle_id TEXT NOT NULL,
    PRIMARY KEY (device_id, period, setting)
) STRICT;

CREATE TABLE coverage (
    device_id         TEXT PRIMARY KEY REFERENCES devices (device_id),
    counter           INTEGER NOT NULL,
    bundle_id         TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    first_quarter     TEXT,             -- NULL: the vault had no activity yet
    last_quarter      TEXT NOT NULL,
    fiscal_year_start INTEGER NOT NULL
) STRICT;
