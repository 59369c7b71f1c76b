-- Placeholder so that this branch's 0006 has no gap (migrate.available() insists).
-- DELETE THIS FILE AT MERGE: another branch's real 0005 takes the number.
SELECT 1;
