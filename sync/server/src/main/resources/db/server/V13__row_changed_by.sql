-- Who made the change that gave each row its revision, and when: pulls carry them so that a desktop
-- can mark what a colleague just changed ("Updated by Lee Gu just now"). Written by the statement
-- that writes the row, so a pull reads them without a join on field_change. NULL for rows loaded
-- with a data set and for rows written before this migration.
ALTER TABLE sync_row ADD COLUMN changed_by VARCHAR(200);
ALTER TABLE sync_row ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
