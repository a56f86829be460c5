-- Read models of training orders (written by TrainingOrderGrain through TrainingProjection):
-- lists, the calendar, the extranet and "who attended what" read these; grain state is the truth.
CREATE TABLE training_order_projection (
    id             uuid        PRIMARY KEY,
    version        integer     NOT NULL,
    type_id        text        NOT NULL,
    type_name      text        NOT NULL,
    title          text        NOT NULL,
    phase          text        NOT NULL,
    phase_name     text        NOT NULL,
    published      boolean     NOT NULL,
    enrolment_open boolean     NOT NULL,
    first_day      date        NOT NULL,
    last_day       date        NOT NULL,
    -- Wall-clock time in Poland, where trainings take place.
    starts_at      timestamp   NOT NULL,
    hours          numeric     NOT NULL,
    location_id    uuid        NOT NULL,
    trainer_id     uuid,
    price          numeric(12, 2) NOT NULL,
    capacity       integer     NOT NULL,
    enrolled       integer     NOT NULL,
    waiting        integer     NOT NULL,
    visibility     smallint    NOT NULL,
    visible_to     uuid[]      NOT NULL DEFAULT '{}',
    updated_at     timestamptz NOT NULL
);
CREATE INDEX training_order_projection_days ON training_order_projection (first_day, last_day);
CREATE INDEX training_order_projection_title ON training_order_projection USING gin (title gin_trgm_ops);

CREATE TABLE training_enrolment_projection (
    order_id           uuid        NOT NULL REFERENCES training_order_projection (id),
    person_id          uuid        NOT NULL,
    client_id          uuid,
    status             smallint    NOT NULL,
    source             smallint    NOT NULL,
    since              timestamptz NOT NULL,
    attended           text        NOT NULL DEFAULT '',
    attendance_percent numeric     NOT NULL DEFAULT 0,
    certificate        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (order_id, person_id)
);
CREATE INDEX training_enrolment_projection_person ON training_enrolment_projection (person_id);
CREATE INDEX training_enrolment_projection_client ON training_enrolment_projection (client_id);

-- The contact history of people and clients: every event that concerns them, from whatever
-- produced it (a training order, the mail outbox, a note added by hand), newest first on pages.
-- (source_id, source_seq) makes recording an event idempotent.
CREATE TABLE contact_event (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     uuid        NOT NULL,
    source_seq    integer     NOT NULL,
    at            timestamptz NOT NULL,
    person_id     uuid,
    client_id     uuid,
    kind          text        NOT NULL,
    subject_type  text,
    subject_id    uuid,
    subject_title text,
    detail        text,
    actor         text        NOT NULL,
    UNIQUE (source_id, source_seq)
);
CREATE INDEX contact_event_person ON contact_event (person_id, at DESC);
CREATE INDEX contact_event_client ON contact_event (client_id, at DESC);
