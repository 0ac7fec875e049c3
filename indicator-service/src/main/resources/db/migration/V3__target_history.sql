-- A corrected target keeps what it replaced, marked superseded (as observations do), so an evaluation "as of" a past
-- time judges against the target known then. created_at is the time a target was recorded: an import may date it
-- back to its source document (the plan outline's publication).
ALTER TABLE target ADD COLUMN superseded_at TIMESTAMPTZ, ADD COLUMN superseded_by VARCHAR(100);
ALTER TABLE target DROP CONSTRAINT target_indicator_id_effective_from_key;
CREATE UNIQUE INDEX target_current_idx ON target (indicator_id, effective_from) WHERE superseded_at IS NULL;
