-- CoachDesk RCO store on PostgreSQL, version 4 (issue 14): storage/rco_migrations/0007.
CREATE INDEX period_cells_by_period ON period_cells (period, setting);
