-- Placeholder so this branch's 0007 applies in order; the lead replaces it at merge with the
-- real version 5 of another branch. Changes nothing.
SELECT 1;
