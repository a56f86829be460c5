-- Renewal requests of certificates (issue #6). Each certificate's requests are the stream
-- "certificate-renewal:{number}" in audit_event (submitted, accepted, refused); these tables serve the reviewer's
-- list, the holder's page and the evidence downloads, written in the transaction of each event.
CREATE TABLE certificate_renewal (
    id           uuid        PRIMARY KEY,
    number       text        NOT NULL,
    person_id    uuid        NOT NULL,
    holder_name  text        NOT NULL,
    status       integer     NOT NULL,
    submitted_at timestamptz NOT NULL,
    counted_days integer     NOT NULL,
    decided_at   timestamptz,
    decided_by   text,
    reasons      text,
    valid_until  date
);
-- One open (submitted) request per certificate: a second one fails the event's transaction.
CREATE UNIQUE INDEX certificate_renewal_open ON certificate_renewal (number) WHERE status = 0;
CREATE INDEX certificate_renewal_person ON certificate_renewal (person_id);

-- The evidence the holder uploaded, per stated period; read only by the holder and the reviewers.
CREATE TABLE certificate_renewal_evidence (
    id           uuid    PRIMARY KEY,
    renewal_id   uuid    NOT NULL REFERENCES certificate_renewal (id),
    period       integer NOT NULL,
    file_name    text    NOT NULL,
    content_type text    NOT NULL,
    size         integer NOT NULL,
    content      bytea   NOT NULL
);
CREATE INDEX certificate_renewal_evidence_renewal ON certificate_renewal_evidence (renewal_id);
