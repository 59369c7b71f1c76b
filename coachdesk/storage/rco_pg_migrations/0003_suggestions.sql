-- CoachDesk RCO store on PostgreSQL, version 3 (issue 20): storage/rco_migrations/0006.
CREATE TABLE suggestions (
    suggestion_id text PRIMARY KEY,
    device_id     text NOT NULL REFERENCES devices (device_id),
    counter       bigint NOT NULL,
    created_at    text NOT NULL,
    received_at   text NOT NULL,
    kind          text NOT NULL,
    ref           text NOT NULL DEFAULT '',
    problem       text NOT NULL DEFAULT '',
    content       text NOT NULL,
    sealed_sha256 text NOT NULL,
    state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
    reason        text NOT NULL DEFAULT '',
    decided_at    text,
    result_ref    text NOT NULL DEFAULT ''
);
CREATE INDEX suggestions_by_state ON suggestions (state, ref);

CREATE TABLE directory_verification (
    ref           text PRIMARY KEY,
    last_verified text NOT NULL DEFAULT '',
    verified_by   bigint NOT NULL DEFAULT 0,
    closed        bigint NOT NULL DEFAULT 0,
    extra         text NOT NULL DEFAULT '{}'
);

CREATE TABLE resource_linkage (
    device_id text NOT NULL REFERENCES devices (device_id),
    ref       text NOT NULL,
    made      bigint NOT NULL,
    linked    bigint NOT NULL,
    counter   bigint NOT NULL,
    PRIMARY KEY (device_id, ref)
);
