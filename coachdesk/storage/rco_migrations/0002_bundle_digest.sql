-- RCO store schema, version 2: the SHA-256 of each imported file, so a file imported before is
-- recognised as already present without decrypting it again.
ALTER TABLE bundles ADD COLUMN sealed_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX bundles_digest ON bundles (sealed_sha256);
