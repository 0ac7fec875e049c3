-- The change feed (GET /api/v1/changes) is the audit trail read in commit-safe order: each entry keeps the id of the
-- transaction that wrote it, and the feed serves only entries whose transaction is older than every one still running
-- (the snapshot's xmin), in (transaction, entry) order. An identity alone is not commit order: a transaction that took
-- a lower id may commit after one that took a higher id, and a reader paging by id would skip it for ever.
ALTER TABLE audit_entry ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_entry_feed ON audit_entry (tx_id, id);
