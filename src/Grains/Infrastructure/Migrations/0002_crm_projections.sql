-- Read models of the CRM: one row per client and per person, written by their grains
-- (see CrmProjection) and read by lists and searches. They can be rebuilt from grain state.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE client_projection (
    id          uuid        PRIMARY KEY,
    version     integer     NOT NULL,
    name        text        NOT NULL,
    kind        smallint    NOT NULL,
    nip         text,
    regon       text,
    street      text,
    postal_code text,
    city        text,
    units       text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX client_projection_nip ON client_projection (nip);
CREATE INDEX client_projection_search ON client_projection
    USING gin ((name || ' ' || coalesce(nip, '') || ' ' || coalesce(city, '')) gin_trgm_ops);

CREATE TABLE person_projection (
    id          uuid        PRIMARY KEY,
    version     integer     NOT NULL,
    first_name  text        NOT NULL,
    last_name   text        NOT NULL,
    email       text,
    phone       text,
    pesel       text,
    client_id   uuid,
    unit        text,
    position    text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX person_projection_client ON person_projection (client_id);
CREATE INDEX person_projection_search ON person_projection
    USING gin ((first_name || ' ' || last_name || ' ' || coalesce(email, '')) gin_trgm_ops);
