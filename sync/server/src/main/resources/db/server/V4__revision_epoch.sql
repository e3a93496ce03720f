-- Epochs of the revision history. Every time the server opens the database it starts a new epoch
-- at the next revision: the revisions it gives out from then on belong to it. A page of changes
-- says which epoch its next cursor belongs to, and the client sends that back with the cursor. A
-- revision number that was given out, lost (a crash that lost commits, a restored backup) and
-- given out again for another change falls in a newer epoch than the one the client holds, so the
-- server tells the client to sync afresh instead of letting it skip the new change.
CREATE TABLE revision_epoch (
    epoch          VARCHAR(36)              PRIMARY KEY,
    first_revision BIGINT                   NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX revision_epoch_first ON revision_epoch (first_revision);
