-- A push reads the assignments and the contacts of the customer it changes (who may change it,
-- and whether the contacts it names exist). With this index that reads those rows alone, not every
-- row of the customer (a few dozen, notes and tenants among them, each read whole).
CREATE INDEX sync_row_tpid_kind ON sync_row (tpid, kind, deleted);
