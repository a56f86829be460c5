-- People's employment history (written by PersonGrain through CrmProjection): one row per period a
-- person worked at a client, in a unit and position. until_date is the last day worked; an open row
-- is the current job. "Who worked at client X in 2025" is a range query on this table.
CREATE TABLE employment_projection (
    person_id  uuid    NOT NULL,
    seq        integer NOT NULL,
    client_id  uuid    NOT NULL,
    unit       text,
    position   text,
    from_date  date    NOT NULL,
    until_date date,
    PRIMARY KEY (person_id, seq),
    CHECK (until_date IS NULL OR until_date >= from_date)
);
CREATE INDEX employment_projection_client ON employment_projection (client_id, from_date);

-- Calls, meetings and notes a training administrator records by hand about a person or a client. These
-- rows are the record itself (no grain holds them), so unlike contact_event they cannot be rebuilt.
CREATE TABLE contact_note (
    id         uuid        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('call', 'meeting', 'note')),
    at         timestamptz NOT NULL,
    person_id  uuid,
    client_id  uuid,
    text       text        NOT NULL,
    author     text        NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK (person_id IS NOT NULL OR client_id IS NOT NULL)
);
CREATE INDEX contact_note_person ON contact_note (person_id, at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX contact_note_client ON contact_note (client_id, at DESC) WHERE client_id IS NOT NULL;
