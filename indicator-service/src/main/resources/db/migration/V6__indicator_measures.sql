-- What an indicator's yearly values measure (a level, a growth rate, a decline rate) is stated on the indicator and decides
-- how a target is read and judged; before, every read guessed it from the name. Existing rows get what that guess gave.
ALTER TABLE indicator ADD COLUMN measures VARCHAR(20);
UPDATE indicator SET measures = CASE
    WHEN unit = '%' AND name_zh ~ '(下降|降低|减少)率' THEN 'DECLINE_RATE'
    WHEN unit = '%' AND name_zh LIKE '%增长率%' THEN 'GROWTH_RATE'
    ELSE 'LEVEL' END;
ALTER TABLE indicator ALTER COLUMN measures SET NOT NULL;
ALTER TABLE indicator ADD CONSTRAINT indicator_measures_check CHECK (measures IN ('LEVEL', 'GROWTH_RATE', 'DECLINE_RATE'));

-- A bureau enters the Chinese name; the English one may follow (the API shows nameZh in its place meanwhile).
ALTER TABLE indicator ALTER COLUMN name_en DROP NOT NULL;

-- A yes/no target (完成省下达任务, 建成, 全覆盖) is judged on a result a department records, with the evidence it rests on.
ALTER TABLE observation ADD COLUMN completed BOOLEAN, ADD COLUMN evidence VARCHAR(2000);
ALTER TABLE observation ADD CONSTRAINT observation_completed_evidence CHECK (completed IS NULL OR evidence IS NOT NULL);
