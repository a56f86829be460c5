-- Participation certificates of training orders, found by the secret code of their public page.
-- Written by TrainingProjection; a certificate never changes once issued.
CREATE TABLE training_certificate (
    code      text        PRIMARY KEY,
    order_id  uuid        NOT NULL REFERENCES training_order_projection (id),
    person_id uuid        NOT NULL,
    number    text        NOT NULL UNIQUE,
    issued_on date        NOT NULL
);
CREATE INDEX training_certificate_person ON training_certificate (person_id);
