-- Who made the change that gave the server copy its revision, and when, as the server said in the
-- pull that brought it: the screens mark what a colleague just changed. NULL when the server did not
-- say (rows loaded with a data set, older servers), for rows only edited here, and for rows from
-- before this migration.
ALTER TABLE entity_row ADD COLUMN server_changed_by VARCHAR(200);
ALTER TABLE entity_row ADD COLUMN server_changed_at TIMESTAMP(9) WITH TIME ZONE;
-- The fields (dotted names, comma-separated) that change altered, against the server copy held
-- before it; NULL for a row new to the workspace or whose author the server did not say.
ALTER TABLE entity_row ADD COLUMN server_changed_fields CHARACTER VARYING;
-- "What did others change lately" reads the few recent rows, not the whole table.
CREATE INDEX entity_row_server_changed_at ON entity_row (server_changed_at);
