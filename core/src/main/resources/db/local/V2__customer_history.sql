-- The field history of customers, as last fetched from the server (GET /customers/{tpid}/history),
-- so that trends are drawn offline. Entries only ever arrive; a customer leaving the cache takes
-- its history with it.
CREATE TABLE customer_history (
    tpid        BIGINT                      NOT NULL,
    revision    BIGINT                      NOT NULL,
    kind        VARCHAR(32)                 NOT NULL,
    entity_id   VARCHAR(200)                NOT NULL,
    -- dotted field name; '' for the deletion of a whole row
    field       VARCHAR(200)                NOT NULL,
    changed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    user_id     VARCHAR(200)                NOT NULL,
    -- JSON text; NULL for JSON null
    from_value  CHARACTER VARYING,
    to_value    CHARACTER VARYING,
    PRIMARY KEY (tpid, revision, kind, entity_id, field)
);

-- Per customer: the revision the cached history is complete up to (the next fetch asks for what
-- came after it) and when it was last fetched.
CREATE TABLE customer_history_fetch (
    tpid          BIGINT                      PRIMARY KEY,
    last_revision BIGINT                      NOT NULL,
    fetched_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
