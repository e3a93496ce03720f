-- The central server's schema. Portable SQL: it runs unchanged on H2 and PostgreSQL.
-- Large text columns are VARCHAR(1000000) rather than TEXT so that H2 keeps them inline
-- (H2 turns TEXT into a CLOB); PostgreSQL treats both the same.

-- The last revision given out. Every change on the server takes the next number(s); the
-- row is locked by the writing transaction, so revisions become visible in order.
CREATE TABLE revision_counter (
    id INTEGER PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO revision_counter (id, revision) VALUES (1, 0);

-- The current server copy of every synced row, and tombstones of deleted ones.
-- ref_user (the assigned user of an assignment) and region (of a customer) are copies of
-- body fields, kept as columns because the scope of a user is computed from them.
CREATE TABLE sync_row (
    kind VARCHAR(32) NOT NULL,
    id VARCHAR(200) NOT NULL,
    tpid BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    body VARCHAR(1000000),
    deleted BOOLEAN NOT NULL,
    ref_user VARCHAR(200),
    region VARCHAR(64),
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX sync_row_revision ON sync_row (revision);
CREATE INDEX sync_row_tpid ON sync_row (tpid, revision);
CREATE INDEX sync_row_ref_user ON sync_row (ref_user);

-- Field-level history: conflict detection, the audit trail and health trends.
-- An empty field name stands for the whole row (its deletion).
CREATE TABLE field_change (
    revision BIGINT NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id VARCHAR(200) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    entity_id VARCHAR(200) NOT NULL,
    tpid BIGINT NOT NULL,
    field VARCHAR(200) NOT NULL,
    from_value VARCHAR(1000000),
    to_value VARCHAR(1000000)
);
CREATE INDEX field_change_entity ON field_change (kind, entity_id, revision);
CREATE INDEX field_change_tpid ON field_change (tpid, revision);

-- Mutations already applied, with the answer given, so a repeated id gets the same answer.
CREATE TABLE applied_mutation (
    id VARCHAR(36) PRIMARY KEY,
    user_id VARCHAR(200) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    result VARCHAR(1000000) NOT NULL
);

-- Sign-in accounts: PBKDF2 hashes, never passwords.
CREATE TABLE account (
    user_id VARCHAR(200) PRIMARY KEY,
    password_hash VARCHAR(128) NOT NULL,
    salt VARCHAR(64) NOT NULL,
    iterations INTEGER NOT NULL
);

-- Bearer tokens, stored as SHA-256 hashes so a database leak does not leak sessions.
CREATE TABLE session_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_token_expiry ON session_token (expires_at);

-- The customers each user may see now, and the revision at which each last came into scope
-- (or, for partners, at which the set of tenants they see changed): a pull sends such a
-- customer whole. TPID 0 is the directory of people, which everyone sees.
CREATE TABLE user_scope (
    user_id VARCHAR(200) NOT NULL,
    tpid BIGINT NOT NULL,
    granted_revision BIGINT NOT NULL,
    tenant_filter VARCHAR(1000000),
    PRIMARY KEY (user_id, tpid)
);
CREATE INDEX user_scope_granted ON user_scope (user_id, granted_revision);
CREATE INDEX user_scope_tpid ON user_scope (tpid);

-- Scope log: when a customer left a user's scope, so the next pull tells the client to drop it.
CREATE TABLE scope_drop (
    user_id VARCHAR(200) NOT NULL,
    tpid BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
CREATE INDEX scope_drop_user ON scope_drop (user_id, revision);
