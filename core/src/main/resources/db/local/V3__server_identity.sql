-- The id of the server database the cursor belongs to (revisions mean nothing without it), and
-- whether a fresh sync from revision 0 is under way: set when the server turned out to be reset or
-- another one, cleared when that pull is complete and rows the server no longer has are gone.
ALTER TABLE sync_state ADD COLUMN server_id VARCHAR(64);
ALTER TABLE sync_state ADD COLUMN resyncing BOOLEAN DEFAULT FALSE NOT NULL;
