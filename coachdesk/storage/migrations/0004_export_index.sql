-- Version 4: a covering index for the anonymized export's per-client session counts
-- (storage/export_queries.py), so counting 100,000 notes reads this small index instead of
-- decrypting every page of note text.

CREATE INDEX notes_for_export ON notes (client_id, attempt_only, mode);
