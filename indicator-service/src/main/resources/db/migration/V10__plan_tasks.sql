-- Plan tasks (主要任务, 重点工作): what a plan commits departments to do. They live beside the plans and indicators they
-- belong to, so a task's quantified commitments are the plan's own indicators, judged by the same evaluation.

-- A task nests at most three levels: area (depth 1) → sub-area (2) → task (3). The deadline is null when the plan's
-- end applies. delay_announced_at is set once, when the task.delayed event is recorded (cleared when it is re-timed).
CREATE TABLE plan_task (
    id                 BIGSERIAL PRIMARY KEY,
    code               VARCHAR(40)   NOT NULL UNIQUE,
    plan_id            BIGINT        NOT NULL REFERENCES plan (id),
    parent_id          BIGINT REFERENCES plan_task (id),
    depth              INTEGER       NOT NULL CHECK (depth BETWEEN 1 AND 3),
    seq                INTEGER       NOT NULL CHECK (seq > 0),
    text_zh            VARCHAR(2000) NOT NULL,
    text_en            VARCHAR(4000),
    deadline           DATE,
    status             VARCHAR(20)   NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED', 'CANCELLED')),
    progress           INTEGER CHECK (progress BETWEEN 0 AND 100),
    completed_on       DATE,
    source             VARCHAR(500),
    delay_announced_at TIMESTAMPTZ,
    version            BIGINT        NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL,
    created_by         VARCHAR(100)  NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    updated_by         VARCHAR(100)  NOT NULL
);
CREATE INDEX plan_task_plan_idx ON plan_task (plan_id, depth, seq);
CREATE INDEX plan_task_parent_idx ON plan_task (parent_id);
-- The deadline watch looks only at open tasks not yet announced.
CREATE INDEX plan_task_open_idx ON plan_task (deadline) WHERE delay_announced_at IS NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS');

-- Lead (牵头) and supporting (配合) units, in the order the division table prints them.
CREATE TABLE task_department (
    task_id       BIGINT      NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    department_id BIGINT      NOT NULL REFERENCES department (id),
    role          VARCHAR(20) NOT NULL CHECK (role IN ('LEAD', 'SUPPORT')),
    position      INTEGER     NOT NULL,
    PRIMARY KEY (task_id, position),
    -- Deferred: a reordering rewrites rows by position, so a department is briefly in two rows.
    UNIQUE (task_id, department_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX task_department_department_idx ON task_department (department_id);

-- The indicators that quantify a task (its commitments); an indicator quantifies at most one task.
CREATE TABLE task_commitment (
    task_id      BIGINT  NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    indicator_id BIGINT  NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (task_id, position),
    UNIQUE (indicator_id) DEFERRABLE INITIALLY DEFERRED
);

-- Progress updates: posted by the responsible departments (or planners, for a status change), returned by a planner
-- with a comment. Append-only but for the return.
CREATE TABLE task_update (
    id              BIGSERIAL PRIMARY KEY,
    task_id         BIGINT        NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    department_id   BIGINT REFERENCES department (id),
    text            VARCHAR(4000) NOT NULL,
    progress        INTEGER CHECK (progress BETWEEN 0 AND 100),
    evidence        VARCHAR(4000),
    status_from     VARCHAR(20),
    status_to       VARCHAR(20),
    commitment_values VARCHAR(4000),
    posted_at       TIMESTAMPTZ   NOT NULL,
    posted_by       VARCHAR(100)  NOT NULL,
    returned_at     TIMESTAMPTZ,
    returned_by     VARCHAR(100),
    return_comment  VARCHAR(2000),
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL
);
CREATE INDEX task_update_task_idx ON task_update (task_id, id);
