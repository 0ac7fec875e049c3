-- Every service's audit trail (service-support; quarkus.flyway.locations includes db/audit). Version 2.1 sits after the
-- services' own V1/V2 and before their next ones (V3 on).
-- The audit trail: one row per write, inserted in the write's own transaction. Append-only: the trigger below refuses
-- UPDATE, DELETE and TRUNCATE whoever the database user is.
CREATE TABLE audit_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMPTZ   NOT NULL,
    subject       VARCHAR(255)  NOT NULL,
    subject_name  VARCHAR(200)  NOT NULL,
    roles         VARCHAR(500)  NOT NULL,
    operation     VARCHAR(100)  NOT NULL,
    http_method   VARCHAR(10)   NOT NULL,
    path          VARCHAR(500)  NOT NULL,
    resource_type VARCHAR(50)   NOT NULL,
    resource_id   VARCHAR(200)  NOT NULL,
    before_state  JSONB,
    after_state   JSONB,
    request_id    VARCHAR(100)  NOT NULL
);
CREATE INDEX audit_entry_resource ON audit_entry (resource_type, resource_id, id);
CREATE INDEX audit_entry_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
