-- Targets measured from a base year's level (翻一番, 累计增长30%, 比2010年下降40%, 提高2个百分点): the year whose value
-- the target multiplies, raises or lowers.
ALTER TABLE target ADD COLUMN base_year INTEGER CHECK (base_year BETWEEN 1900 AND 2200);
