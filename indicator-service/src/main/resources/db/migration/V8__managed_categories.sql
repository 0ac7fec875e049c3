-- Indicator categories are managed through the API (PUT/DELETE /api/v1/categories/{code}), no longer fixed by V1: each
-- row gets a version (its ETag, so a replace needs If-Match) and who created and last changed it. The six categories V1
-- inserted are stamped as V1's; every later row names its writer, so the defaults go again.
-- (V8, not V7: V7 is taken by a change made alongside this one.)
ALTER TABLE category
    ADD COLUMN version    BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(100) NOT NULL DEFAULT 'V1__indicator_schema',
    ADD COLUMN updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(100) NOT NULL DEFAULT 'V1__indicator_schema';
ALTER TABLE category
    ALTER COLUMN created_at DROP DEFAULT,
    ALTER COLUMN created_by DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT,
    ALTER COLUMN updated_by DROP DEFAULT;

-- A planner enters the Chinese name; the English one may follow (the API shows nameZh in its place meanwhile), as for
-- indicators (V6).
ALTER TABLE category ALTER COLUMN name_en DROP NOT NULL;

-- "Is this category still used?" before a delete, without a scan of every indicator.
CREATE INDEX indicator_category_idx ON indicator (category_code);
