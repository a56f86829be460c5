-- The record of every theory-test attempt: each answer change and each operator action is one
-- row, appended once and never changed (see the trigger). The attempt grain's state is the
-- replay of these rows, so what the candidate saw acknowledged is exactly what is on record.
CREATE TABLE attempt_event (
    attempt   text        NOT NULL,
    seq       integer     NOT NULL,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    kind      text        NOT NULL,
    data      jsonb       NOT NULL,
    reason    text,
    PRIMARY KEY (attempt, seq)
);

CREATE FUNCTION attempt_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'attempt_event is append-only: % is not allowed', TG_OP;
END $$;

CREATE TRIGGER attempt_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON attempt_event
    FOR EACH STATEMENT EXECUTE FUNCTION attempt_event_is_append_only();

-- Lists of exam sessions read this; written by ExamSessionGrain.
CREATE TABLE exam_session_projection (
    id            uuid        PRIMARY KEY,
    version       integer     NOT NULL,
    qualification text        NOT NULL,
    title         text        NOT NULL,
    starts_at     timestamptz NOT NULL,
    location      text,
    operator_id   uuid        NOT NULL,
    status        smallint    NOT NULL,
    candidates    integer     NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Which sessions a candidate is on, for their home page.
CREATE TABLE exam_roster_projection (
    session_id uuid NOT NULL,
    person_id  uuid NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX exam_roster_projection_person ON exam_roster_projection (person_id);

-- A candidate account belongs to a person of the CRM.
ALTER TABLE user_account ADD COLUMN person_id uuid;
