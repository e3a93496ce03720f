-- After each commit the server tells waiting clients (long-polls on /changes) whose scope it touched:
-- the customers whose rows changed come from sync_row's revision index; the people whose scope grew
-- or shrank come from these two, so that finding them never reads the whole scope table.
CREATE INDEX user_scope_grant_revision ON user_scope (granted_revision);
CREATE INDEX scope_drop_revision ON scope_drop (revision);
