-- Self-registrations waiting for the visitor to confirm their address (double opt-in): nothing enters the
-- CRM until the link mailed to the address is used, so nobody can enrol someone else's e-mail. What the
-- visitor typed is kept only until the request is confirmed (then cleared) or expires (then deleted).
CREATE TABLE registration_request (
    id            uuid        PRIMARY KEY,
    token_hash    bytea       NOT NULL UNIQUE,
    order_id      uuid        NOT NULL,
    -- The id a new CRM person gets, fixed up front so a confirmation retried after a failure creates no twin.
    person_id     uuid        NOT NULL,
    first_name    text,
    last_name     text,
    email         text,
    phone         text,
    wants_news    boolean     NOT NULL,
    requested_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    confirmed_at  timestamptz,
    status        smallint
);
CREATE INDEX registration_request_expiry ON registration_request (expires_at) WHERE confirmed_at IS NULL;
CREATE INDEX registration_request_address ON registration_request (order_id, lower(email)) WHERE confirmed_at IS NULL;
