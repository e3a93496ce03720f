-- What a person typed into an open form and has not saved yet, kept as they type so that a crash,
-- a power cut or a killed process loses none of it; the next start offers each draft back.
-- One draft per form and subject (a customer's TPID or a tenant id). Drafts are never rows of the
-- workspace and never reach the outbox: saving the form writes the row, and deletes the draft.
CREATE TABLE draft (
    -- which form, as the app names it, e.g. 'health.perspective'
    form         VARCHAR(64)                 NOT NULL,
    -- what the form edits: a TPID or a tenant id, as text
    subject      VARCHAR(200)                NOT NULL,
    -- the customer the draft belongs to
    tpid         BIGINT                      NOT NULL,
    -- the field values as typed: a JSON object of field names to text
    field_values CHARACTER VARYING           NOT NULL,
    -- the values the form started from (the saved row when the edit began), same shape
    base_values  CHARACTER VARYING           NOT NULL,
    saved_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (form, subject)
);
