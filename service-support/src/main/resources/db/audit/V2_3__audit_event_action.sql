-- What a service did on its own (report-service's worker finishing a job) names its event for the change feed
-- (succeeded, failed); null for the writes of requests, whose event is created, updated or deleted by their states.
ALTER TABLE audit_entry ADD COLUMN event_action VARCHAR(30);
