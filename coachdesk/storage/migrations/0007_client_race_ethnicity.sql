-- Version 7: optional race and ethnicity on the client record (OMB minimum categories plus
-- "prefers not to say"; core/models.py Race, Ethnicity), for the funder demographics of bundle
-- format 2. race: comma-separated Race values ('' = not recorded); ethnicity: an Ethnicity
-- value ('' = not recorded).
-- The index lets the export's per-quarter counts (storage/export_queries.py) read note dates and
-- kinds without decrypting the pages of note text.

ALTER TABLE clients ADD COLUMN race TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
CREATE INDEX notes_for_periods ON notes (client_id, occurred_at, attempt_only, mode);
