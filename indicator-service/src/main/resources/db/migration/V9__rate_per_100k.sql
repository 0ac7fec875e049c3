-- A count per 100,000 people (孕产妇死亡率 10/10万) is a rate like % and ‰: a bound on it holds every year of a plan, not at
-- its end only.
UPDATE unit SET rate = TRUE, updated_at = now(), updated_by = 'V9__rate_per_100k', version = version + 1 WHERE code = 'PER_100K';
