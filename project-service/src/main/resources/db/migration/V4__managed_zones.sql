-- Zones (一核三带四区) are managed through the API (PUT/DELETE /api/v1/zones/{code}) like categories, no longer
-- fixed by V1: each row gets a version (its ETag, so a replace needs If-Match) and who created and last changed it.
-- The eight zones V1 inserted are stamped as V1's; every later row names its writer, so the defaults go again.
ALTER TABLE zone
    ADD COLUMN version    BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(100) NOT NULL DEFAULT 'V1__project_schema',
    ADD COLUMN updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(100) NOT NULL DEFAULT 'V1__project_schema';
ALTER TABLE zone
    ALTER COLUMN created_at DROP DEFAULT,
    ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT,
    ALTER COLUMN updated_by DROP DEFAULT;

-- "Is this zone or category still used?" before a delete, without a scan of every project.
CREATE INDEX project_zone_idx ON project (zone_code);
CREATE INDEX project_category_idx ON project (category_id);
