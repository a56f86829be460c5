-- The audit trail of records whose history is the record (principle 3): a validation's panel, grades,
-- resolutions, decision and appeal, one stream per candidate per session. Appended once, never changed
-- (see the trigger); the grain's state is the replay of its stream.
CREATE TABLE audit_event (
    stream text        NOT NULL,
    seq    integer     NOT NULL,
    at     timestamptz NOT NULL,
    actor  text        NOT NULL,
    kind   text        NOT NULL,
    data   jsonb       NOT NULL,
    reason text,
    PRIMARY KEY (stream, seq)
);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END $$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Conflicts of interest assessors declare about candidates (a relative, an employer, a personal relation):
-- such an assessor may not sit on the candidate's panel nor review their appeal.
CREATE TABLE assessor_conflict (
    assessor_id uuid        NOT NULL,
    candidate_id uuid       NOT NULL,
    reason      text        NOT NULL,
    declared_at timestamptz NOT NULL,
    declared_by text        NOT NULL,
    PRIMARY KEY (assessor_id, candidate_id)
);
CREATE INDEX assessor_conflict_candidate ON assessor_conflict (candidate_id);

-- Lists of validations (an assessor's panels, a session's decisions, open appeals); written by AssessmentGrain.
CREATE TABLE assessment_projection (
    session_id     uuid        NOT NULL,
    person_id      uuid        NOT NULL,
    version        integer     NOT NULL,
    panel          uuid[]      NOT NULL DEFAULT '{}',
    decision       smallint,
    decided_at     timestamptz,
    -- Null: no appeal; 0: filed, not decided; otherwise the AppealOutcome.
    appeal_status  smallint,
    reviewer_id    uuid,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX assessment_projection_panel ON assessment_projection USING gin (panel);
