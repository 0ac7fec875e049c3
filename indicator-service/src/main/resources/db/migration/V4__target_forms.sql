-- Forms plans print beyond one number: a range (6.5%-7%: value is its low end, value_high its high end) and a stretch
-- goal beside the binding number (7%，力争8%: value 7, stretch_value 8, shown but not judged); every_year marks a
-- target on each year's change (比上年下降3% in a five-year plan), judged every year as it stands.
ALTER TABLE target ADD COLUMN value_high NUMERIC(24, 6), ADD COLUMN stretch_value NUMERIC(24, 6),
    ADD COLUMN every_year BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE target ADD CONSTRAINT target_range_ordered CHECK (value_high IS NULL OR value_high > value);
