-- Whether a person may use the server, and the generation of their sessions. Deleting or
-- disabling a user bumps the generation: every token issued before it stops working, even when
-- a user with the same id is created again. No row: generation 0, enabled.
CREATE TABLE user_access (
    user_id VARCHAR(200) PRIMARY KEY,
    generation BIGINT NOT NULL,
    disabled BOOLEAN NOT NULL
);

-- The generation a token was issued in; tokens of older generations are refused.
ALTER TABLE session_token ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX session_token_user ON session_token (user_id);
