-- Run by Flyway after every migrate, as the owner role that ran the migrations (QUARKUS_FLYWAY_USERNAME): the
-- service's login role (${app_role}, the datasource user) may read and write the data but owns nothing, so it cannot
-- alter or drop a table or disable a trigger; on the audit trail it may only read and append, and the chain's head is
-- the owner's to move (the trigger that appends runs as the owner; the role only reads it). A deployment that still
-- runs both as one role is left as it is: an owner cannot be kept from its own tables.
DO $$
BEGIN
    IF '${app_role}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', '${app_role}');
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM %I', '${app_role}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM %I', '${app_role}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', '${app_role}');
    END IF;
END
$$;
