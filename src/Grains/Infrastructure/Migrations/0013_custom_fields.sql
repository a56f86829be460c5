-- Values of custom fields of clients and people (written by CustomValuesGrain) for lists, searches
-- and segments. Values are invariant text: a number with a dot, a date as yyyy-MM-dd, true/false.
CREATE TABLE custom_value_version (
    entity_id uuid    PRIMARY KEY,
    version   integer NOT NULL
);

CREATE TABLE custom_value (
    entity_id   uuid     NOT NULL,
    entity_type smallint NOT NULL,
    field_id    uuid     NOT NULL,
    value       text     NOT NULL,
    PRIMARY KEY (entity_id, field_id)
);
CREATE INDEX custom_value_field ON custom_value (field_id, value);
