-- A person's current consents, written by PersonConsentsGrain (its state keeps the full history).
-- Segments and the mail rules read it: marketing mail needs marketing AND NOT unsubscribed.
CREATE TABLE person_consent (
    person_id          uuid    PRIMARY KEY,
    marketing          boolean NOT NULL,
    registration_terms boolean NOT NULL,
    unsubscribed       boolean NOT NULL,
    unsubscribe_token  text    NOT NULL UNIQUE,
    -- How many decisions the row reflects: an older write never overwrites a newer one.
    decisions          integer NOT NULL
);
