-- RCO store schema, version 5 (issue 19): each coach device's public X25519 key for
-- receiving hand-offs, learned from its signed bundles; published in the team roster.
CREATE TABLE device_receive_keys (
    device_id   TEXT PRIMARY KEY REFERENCES devices (device_id),
    receive_key TEXT NOT NULL,         -- raw X25519 public key, hex
    learned_at  TEXT NOT NULL
) STRICT;
