-- What retention (ftop-server prune) has removed, so that what remains is never misread.
-- history_before: field history of revisions below it is gone; a mutation based on an older revision
--   cannot tell who changed a field since, so a field that differs is answered as a conflict.
-- tombstones_before: tombstones and scope drops of revisions below it are gone; a pull from a cursor
--   older than tombstones_before - 1 could miss a deletion and is answered 409 resync.
-- history_cutoff: the time before which history was removed (for conflict answers).
CREATE TABLE retention_mark (
    id                INT    PRIMARY KEY CHECK (id = 1),
    history_before    BIGINT NOT NULL,
    history_cutoff    TIMESTAMP WITH TIME ZONE,
    tombstones_before BIGINT NOT NULL
);
INSERT INTO retention_mark (id, history_before, tombstones_before) VALUES (1, 0, 0);
-- History is pruned by age. (No index for tombstones: one on (deleted, revision) would be taken by
-- the planner for every "deleted = FALSE ORDER BY revision" read of one customer's rows; pruning
-- walks the revision index instead, once a day.)
CREATE INDEX field_change_age ON field_change (changed_at);
