-- The revisions each writing transaction took, when it took more than one (a push batch, a group of
-- batches committed together, a feed import, a scope change): a page of changes never ends inside
-- one, so a client never shows half of a transaction. first_revision - 1 is the revision the
-- counter stood at when the transaction began. Bulk loads into an empty database are not recorded:
-- their rows commit in slices of their own.
CREATE TABLE revision_commit (
    last_revision  BIGINT NOT NULL PRIMARY KEY,
    first_revision BIGINT NOT NULL
);
