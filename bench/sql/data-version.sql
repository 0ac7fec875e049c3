-- The one statement a cached read runs (DataVersion): PostgreSQL's current snapshot, which every commit changes.
SELECT pg_current_snapshot()::text;
