-- Exactly once for as long as a desktop may stay away, without keeping every answer for ever.
-- A desktop names itself (client_id, a UUID it made once) and numbers its mutations (client_seq,
-- its outbox position, which never goes back); with each push it says below which number it holds
-- every answer (acked_below), as Replicache's last mutation id does. Answers below that mark may be
-- forgotten: a mutation numbered below it that comes again was processed before, whether or not its
-- answer is still kept.
ALTER TABLE applied_mutation ADD COLUMN client_id VARCHAR(36);
ALTER TABLE applied_mutation ADD COLUMN client_seq BIGINT;
CREATE INDEX applied_mutation_client ON applied_mutation (client_id, client_seq);
CREATE INDEX applied_mutation_age ON applied_mutation (applied_at);

CREATE TABLE sync_client (
    user_id      VARCHAR(200)             NOT NULL,
    client_id    VARCHAR(36)              NOT NULL,
    acked_below  BIGINT                   NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, client_id)
);
CREATE INDEX sync_client_seen ON sync_client (last_seen_at);
