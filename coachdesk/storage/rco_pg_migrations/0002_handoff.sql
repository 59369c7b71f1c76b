-- CoachDesk RCO store on PostgreSQL, version 2 (issue 19): rco_migrations/0005.
CREATE TABLE device_receive_keys (
    device_id   text PRIMARY KEY REFERENCES devices (device_id),
    receive_key text NOT NULL,
    learned_at  text NOT NULL
);
