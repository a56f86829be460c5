-- An appeal upheld with a new validation sets the panel's decision aside (it stays on the record) and puts the
-- candidate on a later session's roster; until then revalidation_session_id is null and the office sees them on
-- its list of people awaiting a session. Written by AssessmentGrain with the rest of the row.
ALTER TABLE assessment_projection
    ADD COLUMN decision_set_aside_at   timestamptz,
    ADD COLUMN revalidation_session_id uuid;

CREATE INDEX assessment_projection_awaiting ON assessment_projection (decision_set_aside_at)
    WHERE appeal_status = 3 AND revalidation_session_id IS NULL;
