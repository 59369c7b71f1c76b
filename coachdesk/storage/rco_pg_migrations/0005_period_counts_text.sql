-- CoachDesk RCO store on PostgreSQL, version 5 (issue 14): a period cell's counts are kept as the
-- JSON text the importer wrote, as in the SQLite store. Nothing queries inside them, and a refresh
-- reads a period's counts whole (3.4 MB at 500 coaches): as jsonb, the server spent 20 ms turning
-- them back into text on every refresh.
ALTER TABLE period_cells ALTER COLUMN counts TYPE text USING counts::text;
