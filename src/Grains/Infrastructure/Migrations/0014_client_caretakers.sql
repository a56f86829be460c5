-- Who looks after which client (written by ClientGrain through CrmProjection, rebuilt from its state):
-- an account manager's CRM reaches exactly the clients in their care, read on every request, so a
-- change of caretakers takes effect at once. "Which clients does X look after" is the second index.
CREATE TABLE client_caretaker (
    client_id  uuid        NOT NULL,
    account_id uuid        NOT NULL,
    since      timestamptz NOT NULL,
    PRIMARY KEY (client_id, account_id)
);
CREATE INDEX client_caretaker_account ON client_caretaker (account_id, client_id);
