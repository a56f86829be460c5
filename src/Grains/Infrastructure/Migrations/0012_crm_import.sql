-- Past imports of clients and people from files, as the page lists them; written by each batch's grain,
-- which holds the rows themselves.
CREATE TABLE import_batch (
    id           uuid        PRIMARY KEY,
    kind         smallint    NOT NULL,
    file_name    text        NOT NULL,
    rows         integer     NOT NULL,
    problems     integer     NOT NULL,
    status       smallint    NOT NULL,
    created      integer     NOT NULL,
    imported_by  text        NOT NULL,
    prepared_at  timestamptz NOT NULL,
    committed_by text,
    committed_at timestamptz
);
CREATE INDEX import_batch_prepared ON import_batch (prepared_at DESC);
