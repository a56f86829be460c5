-- Certificates of the qualification (decision 0014). Each certificate's history (issued, renewed, revoked) is its
-- stream in audit_event ("certificate:{number}"); the tables here serve numbering, lists, verification and the register.

-- The institution's secret behind the check character of certificate numbers: generated once by the first
-- process that needs it, never shown, never changed (a new secret would make every printed number wrong).
CREATE TABLE certificate_secret (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- The last number given per prefix and year. Taken in the transaction that reserves the number, so numbers
-- have no gaps: a reservation that does not commit gives its number back.
CREATE TABLE certificate_sequence (
    prefix text    NOT NULL,
    year   integer NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- One number per validation (session, candidate), reserved before the certificate grain is written: a retried or
-- concurrent issue finds the same number, so a validation gets exactly one certificate.
CREATE TABLE certificate_number (
    number     text    PRIMARY KEY,
    prefix     text    NOT NULL,
    year       integer NOT NULL,
    seq        integer NOT NULL,
    session_id uuid    NOT NULL,
    person_id  uuid    NOT NULL,
    issued_on  date    NOT NULL,
    UNIQUE (prefix, year, seq),
    UNIQUE (session_id, person_id)
);

-- The certificates as lists, verification and the register read them; written by CertificateGrain in the
-- transaction of each event, so a revocation shows on the verification page as soon as it is acknowledged.
CREATE TABLE certificate (
    number             text        PRIMARY KEY,
    version            integer     NOT NULL,
    person_id          uuid        NOT NULL,
    session_id         uuid        NOT NULL,
    holder_name        text        NOT NULL,
    birth_date         date,
    qualification      text        NOT NULL,
    qualification_name text        NOT NULL,
    qualification_name_en text,
    prk_level          integer     NOT NULL,
    institution        text        NOT NULL,
    decision_date      date        NOT NULL,
    issued_on          date        NOT NULL,
    valid_until        date        NOT NULL,
    document_version   integer     NOT NULL,
    renewed_on         date,
    revoked_at         timestamptz,
    revoked_by         text,
    revocation_reason  text,
    updated_at         timestamptz NOT NULL
);
-- The validation a certificate is for: a second certificate for it fails the event's transaction.
CREATE UNIQUE INDEX certificate_validation ON certificate (session_id, person_id);
CREATE INDEX certificate_person ON certificate (person_id);
CREATE INDEX certificate_issued_on ON certificate (issued_on);
CREATE INDEX certificate_holder_name ON certificate (lower(holder_name) text_pattern_ops);
