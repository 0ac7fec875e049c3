-- Indicator service schema. Every table that users change carries a version (optimistic locking,
-- exposed as ETag) and who/when columns, so writes can carry the caller's identity.

CREATE TABLE category (
    code       VARCHAR(40) PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    sort_order INTEGER      NOT NULL
);

-- A code list fixed by the plan outlines (专栏1, 专栏2), not user data.
INSERT INTO category (code, name_zh, name_en, sort_order) VALUES
    ('ECONOMY',           '经济发展', 'Economic development',   1),
    ('INNOVATION',        '创新水平', 'Innovation',             2),
    ('URBAN_ENVIRONMENT', '城区环境', 'Urban environment',      3),
    ('CULTURE',           '文化实力', 'Cultural strength',      4),
    ('WELLBEING',         '民生福祉', 'People''s wellbeing',    5),
    ('SOCIAL',            '社会事业', 'Social development',     6);

CREATE TABLE department (
    id         BIGSERIAL PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name_zh    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(300) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(100) NOT NULL
);

CREATE TABLE plan (
    id         BIGSERIAL PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL UNIQUE,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('FIVE_YEAR', 'ANNUAL')),
    start_year INTEGER      NOT NULL,
    end_year   INTEGER      NOT NULL,
    title_zh   VARCHAR(300) NOT NULL,
    title_en   VARCHAR(500) NOT NULL,
    parent_id  BIGINT REFERENCES plan (id),
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    CHECK (end_year >= start_year)
);

CREATE TABLE indicator (
    id            BIGSERIAL PRIMARY KEY,
    code          VARCHAR(40)  NOT NULL UNIQUE,
    plan_id       BIGINT       NOT NULL REFERENCES plan (id),
    seq           INTEGER      NOT NULL CHECK (seq > 0),
    name_zh       VARCHAR(300) NOT NULL,
    name_en       VARCHAR(500) NOT NULL,
    category_code VARCHAR(40)  NOT NULL REFERENCES category (code),
    unit          VARCHAR(40)  NOT NULL,
    attribute     VARCHAR(20) CHECK (attribute IN ('BINDING', 'EXPECTED')),
    direction     VARCHAR(20)  NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE', 'MAINTAIN')),
    series        VARCHAR(80),
    footnote_zh   VARCHAR(2000),
    footnote_en   VARCHAR(2000),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    UNIQUE (plan_id, seq)
);
CREATE INDEX indicator_series_idx ON indicator (series);

CREATE TABLE indicator_department (
    indicator_id  BIGINT      NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    department_id BIGINT      NOT NULL REFERENCES department (id),
    role          VARCHAR(20) NOT NULL CHECK (role IN ('LEAD', 'SUPPORT')),
    position      INTEGER     NOT NULL,
    PRIMARY KEY (indicator_id, department_id)
);
CREATE INDEX indicator_department_department_idx ON indicator_department (department_id);

-- Targets are revisions: a plan adjustment (规划调整) adds a row with a later effective date.
CREATE TABLE target (
    id                     BIGSERIAL PRIMARY KEY,
    indicator_id           BIGINT        NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    effective_from         DATE          NOT NULL,
    text                   VARCHAR(200)  NOT NULL,
    kind                   VARCHAR(30)   NOT NULL,
    measure                VARCHAR(20)   NOT NULL CHECK (measure IN ('LEVEL', 'GROWTH_RATE')),
    value                  NUMERIC(24, 6),
    tolerance              NUMERIC(24, 6),
    text_unit              VARCHAR(40),
    reference_indicator_id BIGINT REFERENCES indicator (id),
    reason                 VARCHAR(2000),
    created_at             TIMESTAMPTZ   NOT NULL,
    created_by             VARCHAR(100)  NOT NULL,
    UNIQUE (indicator_id, effective_from)
);

-- Observations are append-only: a change supersedes the current row and inserts a new revision,
-- so the full history (who, when, old -> new) and reads "as of" any time come from one table.
CREATE TABLE observation (
    id             BIGSERIAL PRIMARY KEY,
    indicator_id   BIGINT        NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    year           INTEGER       NOT NULL,
    period_start   INTEGER,
    value          NUMERIC(24, 6),
    growth_rate    NUMERIC(12, 4),
    price_basis    VARCHAR(30),
    status         VARCHAR(20)   NOT NULL CHECK (status IN ('PRELIMINARY', 'FINAL', 'ESTIMATE')),
    qualitative_zh VARCHAR(1000),
    qualitative_en VARCHAR(1000),
    comparable     BOOLEAN       NOT NULL DEFAULT TRUE,
    source         VARCHAR(1000),
    note           VARCHAR(2000),
    revision       INTEGER       NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    recorded_by    VARCHAR(100)  NOT NULL,
    superseded_at  TIMESTAMPTZ,
    superseded_by  VARCHAR(100),
    CHECK (period_start IS NULL OR period_start <= year)
);
CREATE UNIQUE INDEX observation_current_idx ON observation (indicator_id, year) WHERE superseded_at IS NULL;
CREATE UNIQUE INDEX observation_revision_idx ON observation (indicator_id, year, revision);
