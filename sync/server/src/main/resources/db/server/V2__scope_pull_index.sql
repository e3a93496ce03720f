-- A pull for someone with few customers reads their rows' revisions from this index alone
-- (tpid, revision and the tombstone flag), then only a page of rows whole. It serves every
-- query by customer that sync_row_tpid served.
CREATE INDEX sync_row_tpid_live ON sync_row (tpid, revision, deleted);
DROP INDEX sync_row_tpid;
