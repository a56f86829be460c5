-- Read model of the item banks: one row per question, its current version (written by ItemBankGrain).
CREATE TABLE item_projection (
    qualification text        NOT NULL,
    id            text        NOT NULL,
    version       integer     NOT NULL,
    outcome       text        NOT NULL,
    criterion     text        NOT NULL,
    kind          smallint    NOT NULL,
    stem          text        NOT NULL,
    retired       boolean     NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (qualification, id)
);
CREATE INDEX item_projection_search ON item_projection USING gin ((id || ' ' || stem) gin_trgm_ops);
