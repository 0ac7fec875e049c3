-- Tamper evidence: each audit entry carries a hash over its content and the previous entry's hash (a chain in the
-- order the entries' transactions committed), and one row keeps the chain's head. GET /api/v1/audit/verification walks the
-- chain and names the first entry that does not match. The service's own login role may only read and append
-- (afterMigrate.sql grants it no more); the chain is kept by a trigger running as the owner, so the service role
-- never writes the head either.

ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT, ADD COLUMN previous_hash BYTEA, ADD COLUMN entry_hash BYTEA;

CREATE TABLE audit_chain_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    seq       BIGINT NOT NULL,
    hash      BYTEA  NOT NULL
);

-- What an entry's hash covers: every column but the hash itself, as one JSON array (unambiguous: nulls, quotes and
-- separators are encoded), the time in UTC to the microsecond whatever the session's time zone, then the previous hash.
CREATE FUNCTION audit_entry_digest(e audit_entry, previous BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(convert_to(jsonb_build_array(e.chain_seq, e.id, e.tx_id::text,
            to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            e.subject, e.subject_name, e.roles, e.operation, e.http_method, e.path, e.resource_type, e.resource_id,
            e.before_state, e.after_state, e.request_id, e.event_action)::text, 'UTF8') || previous)
$$;

-- The first entry's previous hash.
CREATE FUNCTION audit_chain_genesis() RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT decode(repeat('00', 32), 'hex')
$$;

-- The entries recorded before the chain existed, chained in the change feed's (commit-safe) order.
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    entry RECORD;
    previous BYTEA := audit_chain_genesis();
    n BIGINT := 0;
BEGIN
    FOR entry IN SELECT id FROM audit_entry ORDER BY tx_id, id LOOP
        n := n + 1;
        UPDATE audit_entry SET chain_seq = n, previous_hash = previous WHERE id = entry.id;
        UPDATE audit_entry e SET entry_hash = audit_entry_digest(e, previous) WHERE id = entry.id RETURNING e.entry_hash INTO previous;
    END LOOP;
    INSERT INTO audit_chain_head (seq, hash) VALUES (n, previous);
END
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;
CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (chain_seq);
-- The entries still to be chained: those of the transaction committing (see below).
CREATE INDEX audit_entry_unchained ON audit_entry (id) WHERE chain_seq IS NULL;

-- An entry joins the chain when its transaction commits (a deferred trigger), not when it is inserted: the head row's
-- lock is then taken last, after every row lock the transaction needs, and held only while it commits. Taken at insert
-- time it made a cycle with a concurrent writer of the same rows (Hibernate flushes the audit INSERT before the
-- UPDATEs of its transaction). So the chain is in commit order, and a writer at REPEATABLE READ that lost the race
-- for the head fails instead of forking the chain. Until its transaction commits an entry has no place in it, and
-- nobody else sees the entry anyway.
-- The trigger fires once per entry, but the first firing in a transaction chains all of that transaction's entries
-- (in id order) and moves the head once: moving the one head row for every entry of a 100,000-row import made each
-- move walk the versions the transaction had already made of it.
CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
    entry audit_entry%ROWTYPE;
    tx TEXT := pg_current_xact_id()::text;
    n BIGINT;
    prev BYTEA;
BEGIN
    IF current_setting('planmonitor.audit_chained', true) = tx THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('planmonitor.audit_chained', tx, true);
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    n := head.seq;
    prev := head.hash;
    -- The append-only trigger lets these updates through (the chain's columns, once per entry). With the head locked,
    -- the unchained entries are this transaction's (every committed one was chained as it committed).
    PERFORM set_config('planmonitor.audit_chaining', 'on', true);
    FOR entry IN SELECT * FROM audit_entry WHERE chain_seq IS NULL ORDER BY id LOOP
        n := n + 1;
        entry.chain_seq := n;
        entry.previous_hash := prev;
        prev := audit_entry_digest(entry, entry.previous_hash);
        UPDATE audit_entry SET chain_seq = n, previous_hash = entry.previous_hash, entry_hash = prev WHERE id = entry.id;
    END LOOP;
    PERFORM set_config('planmonitor.audit_chaining', 'off', true);
    UPDATE audit_chain_head SET seq = n, hash = prev;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER audit_entry_chain AFTER INSERT ON audit_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

-- Append-only still, except for the chain's own update above (a role that may not UPDATE the table cannot reach this
-- point at all; the owner could, but the owner can disable the trigger anyway).
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('planmonitor.audit_chaining', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END
$$;
