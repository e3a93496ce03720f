-- What a screen showed last, kept so the next start can show it at once (e.g. the Portfolio's rows
-- as shown), before the rows it is built from are read. Derived and disposable: a screen ignores a
-- snapshot it cannot read and writes a new one after its next full read.
CREATE TABLE view_snapshot (
    -- which screen's snapshot, as the app names it, e.g. 'portfolio'
    name     VARCHAR(100)                NOT NULL PRIMARY KEY,
    -- the screen's own encoding (JSON for the Portfolio)
    body     CHARACTER LARGE OBJECT      NOT NULL,
    saved_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
