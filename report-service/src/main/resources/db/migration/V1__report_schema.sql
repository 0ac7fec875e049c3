-- Reports are jobs and their results in one row. Workers in any replica take QUEUED rows with
-- FOR UPDATE SKIP LOCKED, so none is done twice; a RUNNING row whose heartbeat stopped is taken again.
CREATE TABLE report (
    id             UUID PRIMARY KEY,
    type           VARCHAR(40)   NOT NULL CHECK (type IN ('ANNUAL_EXECUTION', 'PLAN_EVALUATION', 'DEPARTMENT_SCORECARD', 'PROJECT_PROGRESS')),
    parameters     TEXT          NOT NULL,
    status         VARCHAR(20)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    failure_reason VARCHAR(4000),
    attempts       INTEGER       NOT NULL DEFAULT 0,
    as_of          TIMESTAMPTZ   NOT NULL,
    pinned_data    TEXT,
    content        TEXT,
    content_hash   VARCHAR(64),
    created_at     TIMESTAMPTZ   NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    started_at     TIMESTAMPTZ,
    heartbeat_at   TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    version        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX report_queue_idx ON report (status, created_at);
