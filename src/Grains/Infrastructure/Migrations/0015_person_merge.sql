-- Merging two records of one person (decision 0010). Each record merged into another leaves its
-- person_projection row and has a row here instead, written by its grain: its page redirects to the
-- survivor, and what was recorded under its id (contact events, mail, notes) shows in the survivor's
-- contact history. Merges can chain (C into B, then B into A): person_merge_final names the record
-- that holds each absorbed one's history now.
CREATE TABLE person_merge (
    absorbed_id uuid        PRIMARY KEY,
    survivor_id uuid        NOT NULL,
    merge_id    uuid        NOT NULL,
    merged_at   timestamptz NOT NULL,
    actor       text        NOT NULL
);
CREATE INDEX person_merge_survivor ON person_merge (survivor_id);

CREATE VIEW person_merge_final AS
WITH RECURSIVE chain (absorbed_id, survivor_id) AS (
    SELECT absorbed_id, survivor_id FROM person_merge
    UNION
    SELECT c.absorbed_id, m.survivor_id FROM chain c JOIN person_merge m ON m.absorbed_id = c.survivor_id
)
SELECT c.absorbed_id, c.survivor_id FROM chain c
WHERE NOT EXISTS (SELECT 1 FROM person_merge m WHERE m.absorbed_id = c.survivor_id);

-- A survivor keeps the employment records of the records it absorbed, each under the id of the record it
-- was entered on (origin_id; a person's own records have their own id), so both numberings fit.
ALTER TABLE employment_projection ADD COLUMN origin_id uuid;
UPDATE employment_projection SET origin_id = person_id;
ALTER TABLE employment_projection ALTER COLUMN origin_id SET NOT NULL;
ALTER TABLE employment_projection DROP CONSTRAINT employment_projection_pkey;
ALTER TABLE employment_projection ADD PRIMARY KEY (person_id, origin_id, seq);
