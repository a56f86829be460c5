-- One-time access codes: a candidate without an account signs in to one sitting with a code handed
-- out in the room. Only a SHA-256 of the code is kept; the code itself is shown once, when issued.
CREATE TABLE exam_access_code (
    id           uuid        PRIMARY KEY,
    session_id   uuid        NOT NULL,
    person_id    uuid        NOT NULL,
    code_hash    bytea       NOT NULL UNIQUE,
    issued_at    timestamptz NOT NULL,
    issued_by    uuid        NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- A new code for the same candidate and sitting replaces the old one.
CREATE UNIQUE INDEX exam_access_code_one_active ON exam_access_code (session_id, person_id) WHERE revoked_at IS NULL;

-- Accounts created with a password someone else chose (a starting password) must choose their own at first sign-in.
ALTER TABLE user_account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
