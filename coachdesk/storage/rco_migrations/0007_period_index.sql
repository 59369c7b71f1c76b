-- RCO store schema, version 7 (issue 14): the dashboard reads one period's cells and the list of
-- (period, setting) with cells; the primary key starts with the device, so both scanned the whole
-- table (15 periods x 3,000 rows at 500 coaches). The index answers them from the period.
CREATE INDEX period_cells_by_period ON period_cells (period, setting);
