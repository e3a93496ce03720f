-- Who this database is: a random id made once (at the first start after this migration) and never
-- changed. Clients keep it with their cursor; a database restored elsewhere, reset or swapped for
-- another shows a different id (or a head revision behind the client's cursor), and the client
-- syncs afresh instead of missing everything after its old cursor.
CREATE TABLE server_identity (
    id        INT         PRIMARY KEY CHECK (id = 1),
    server_id VARCHAR(36) NOT NULL
);
