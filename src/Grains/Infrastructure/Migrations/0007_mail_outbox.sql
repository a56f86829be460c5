-- Every e-mail the platform sends, written by whoever enqueues it (often in the same transaction as
-- the change the mail is about) and delivered by the portals' senders. The row is also the record
-- of the mail: a person's contact history lists their rows by person_id.
CREATE TABLE mail_message (
    id              uuid        PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    kind            text        NOT NULL,
    to_address      text        NOT NULL,
    to_name         text,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text,
    person_id       uuid,
    related_type    text,
    related_id      text,
    status          text        NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dev_delivered')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- Queued: when the next attempt is due. Sending: when the sender's claim lapses, so a message
    -- whose sender died is picked up again.
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz,
    CHECK ((related_type IS NULL) = (related_id IS NULL))
);

CREATE INDEX mail_message_due ON mail_message (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX mail_message_newest ON mail_message (created_at DESC);
CREATE INDEX mail_message_person ON mail_message (person_id, created_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX mail_message_related ON mail_message (related_type, related_id) WHERE related_type IS NOT NULL;

-- Apart from the message so lists never read the bytes.
CREATE TABLE mail_attachment (
    message_id   uuid     NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    position     smallint NOT NULL,
    file_name    text     NOT NULL,
    content_type text     NOT NULL,
    content      bytea    NOT NULL,
    PRIMARY KEY (message_id, position)
);
