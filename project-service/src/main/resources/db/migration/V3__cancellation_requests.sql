-- Cancelling a project is a planner's decision (CANCELLED is final). A department responsible for the project asks for
-- it instead: a cancellation request, which a planner approves (the project moves to CANCELLED, and that step of its
-- history names the request) or refuses. Requests are kept, decided or not, as part of the project's history.
-- (V3: the audit trail's migrations of service-support are versions 2.x.)
CREATE TABLE cancellation_request (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    reason       VARCHAR(2000) NOT NULL,
    state        VARCHAR(20)   NOT NULL CHECK (state IN ('OPEN', 'APPROVED', 'REFUSED')),
    requested_by VARCHAR(100)  NOT NULL,
    requested_at TIMESTAMPTZ   NOT NULL,
    comment      VARCHAR(2000),
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMPTZ,
    -- Decided exactly when no longer open.
    CHECK ((state = 'OPEN') = (decided_at IS NULL) AND (state = 'OPEN') = (decided_by IS NULL))
);
CREATE INDEX cancellation_request_project_idx ON cancellation_request (project_id, requested_at);
-- One open request per project, also when two are filed at the same moment.
CREATE UNIQUE INDEX cancellation_request_open_idx ON cancellation_request (project_id) WHERE state = 'OPEN';

-- The step to CANCELLED that approved a request names it. Its reason is the request's reason and the planner's
-- comment together, each up to 2,000 characters.
ALTER TABLE status_change ADD COLUMN cancellation_request_id BIGINT REFERENCES cancellation_request (id);
ALTER TABLE status_change ALTER COLUMN reason TYPE VARCHAR(4200);
