-- Project service schema: key project lists (附件1 and the annual lists), projects, their lifecycle,
-- investment planned vs completed, milestones and progress updates. Money is NUMERIC in yuan, never float.

-- 一核三带四区: the plan's spatial layout, a code list fixed by the outline (第三章第一节).
CREATE TABLE zone (
    code    VARCHAR(60)  PRIMARY KEY,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(200) NOT NULL,
    kind    VARCHAR(20)  NOT NULL CHECK (kind IN ('CORE', 'BELT', 'DISTRICT')),
    seq     INTEGER      NOT NULL
);
INSERT INTO zone (code, name_zh, name_en, kind, seq) VALUES
    ('BEIJING_ROAD_CULTURAL_CORE',       '北京路文化核心区', 'Beijing Road Cultural Core Area',            'CORE',     1),
    ('YANJIANG_ROAD_BUSINESS_BELT',      '沿江路商务景观带', 'Yanjiang Road Business and Landscape Belt',  'BELT',     2),
    ('DONGFENG_ROAD_BUILDING_BELT',      '东风路楼宇经济带', 'Dongfeng Road Building Economy Belt',        'BELT',     3),
    ('HUANSHI_ROAD_INNOVATION_BELT',     '环市路智力创新带', 'Huanshi Road Intellectual Innovation Belt',  'BELT',     4),
    ('HUANGHUAGANG_SCI_TECH_PARK',       '黄花岗科技园',     'Huanghuagang Science and Technology Park',   'DISTRICT', 5),
    ('GUANGZHOU_PRIVATE_FINANCE_STREET', '广州民间金融街',   'Guangzhou Private Finance Street',           'DISTRICT', 6),
    ('GUANGZHOU_HEALTH_MEDICAL_CENTER',  '广州健康医疗中心', 'Guangzhou Health and Medical Center',        'DISTRICT', 7),
    ('LIUHUA_MODERN_BUSINESS_DISTRICT',  '流花现代商务区',   'Liuhua Modern Business District',            'DISTRICT', 8);

CREATE TABLE category (
    id         BIGSERIAL PRIMARY KEY,
    code       VARCHAR(60)  NOT NULL UNIQUE,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    seq        INTEGER      NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(100) NOT NULL
);

CREATE TABLE project_list (
    id                                BIGSERIAL PRIMARY KEY,
    code                              VARCHAR(40)   NOT NULL UNIQUE,
    name_zh                           VARCHAR(300)  NOT NULL,
    name_en                           VARCHAR(500)  NOT NULL,
    year                              INTEGER,
    plan_code                         VARCHAR(40),
    -- Figures the bureau published for the list, shown beside those computed from its members.
    reported_project_count            INTEGER CHECK (reported_project_count >= 0),
    reported_completed_investment     NUMERIC(20, 2) CHECK (reported_completed_investment >= 0),
    reported_planned_investment_share NUMERIC(9, 2) CHECK (reported_planned_investment_share >= 0),
    reported_note                     VARCHAR(2000),
    version                           BIGINT        NOT NULL DEFAULT 0,
    created_at                        TIMESTAMPTZ   NOT NULL,
    created_by                        VARCHAR(100)  NOT NULL,
    updated_at                        TIMESTAMPTZ   NOT NULL,
    updated_by                        VARCHAR(100)  NOT NULL
);

CREATE TABLE project (
    id                       BIGSERIAL PRIMARY KEY,
    code                     VARCHAR(40)    NOT NULL UNIQUE,
    name_zh                  VARCHAR(300)   NOT NULL,
    name_en                  VARCHAR(500)   NOT NULL,
    category_id              BIGINT         NOT NULL REFERENCES category (id),
    tasks_zh                 VARCHAR(4000),
    tasks_en                 VARCHAR(6000),
    zone_code                VARCHAR(60) REFERENCES zone (code),
    investment_type          VARCHAR(20) CHECK (investment_type IN ('GOVERNMENT', 'SOCIAL', 'PPP')),
    status                   VARCHAR(20)    NOT NULL CHECK (status IN ('IDENTIFICATION', 'PREPARATION', 'IMPLEMENTATION',
                                                                        'COMPLETION', 'COMPLETED', 'CANCELLED', 'SUSPENDED')),
    total_planned_investment NUMERIC(20, 2) CHECK (total_planned_investment >= 0),
    progress_percent         NUMERIC(5, 2) CHECK (progress_percent BETWEEN 0 AND 100),
    address                  VARCHAR(500),
    latitude                 NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude                NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    note                     VARCHAR(2000),
    version                  BIGINT         NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ    NOT NULL,
    created_by               VARCHAR(100)   NOT NULL,
    updated_at               TIMESTAMPTZ    NOT NULL,
    updated_by               VARCHAR(100)   NOT NULL
);
-- Chinese substring search (排水 finds 排水改造工程) is a LIKE over names and tasks: lists hold tens to hundreds
-- of projects, so a scan is fast; a pg_trgm index is the step up if lists grow to many thousands.

CREATE TABLE project_list_member (
    list_id    BIGINT  NOT NULL REFERENCES project_list (id) ON DELETE CASCADE,
    project_id BIGINT  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq > 0),
    PRIMARY KEY (list_id, project_id),
    UNIQUE (list_id, seq)
);
CREATE INDEX project_list_member_project_idx ON project_list_member (project_id);

-- Department codes are those of the indicator service's registry.
CREATE TABLE project_department (
    project_id      BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    department_code VARCHAR(40) NOT NULL,
    role            VARCHAR(20) NOT NULL CHECK (role IN ('LEAD', 'SUPPORT')),
    position        INTEGER     NOT NULL,
    PRIMARY KEY (project_id, department_code)
);
CREATE INDEX project_department_code_idx ON project_department (department_code);

-- Plan indicators a project serves (codes of the indicator service).
CREATE TABLE project_indicator (
    project_id     BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    indicator_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (project_id, indicator_code)
);

CREATE TABLE status_change (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)   NOT NULL,
    changed_on  DATE          NOT NULL,
    reason      VARCHAR(2000),
    author      VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX status_change_project_idx ON status_change (project_id, recorded_at);

CREATE TABLE investment (
    id         BIGSERIAL PRIMARY KEY,
    project_id BIGINT         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    year       INTEGER        NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    planned    NUMERIC(20, 2) CHECK (planned >= 0),
    completed  NUMERIC(20, 2) CHECK (completed >= 0),
    note       VARCHAR(2000),
    version    BIGINT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ    NOT NULL,
    created_by VARCHAR(100)   NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL,
    updated_by VARCHAR(100)   NOT NULL,
    UNIQUE (project_id, year)
);

CREATE TABLE milestone (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name_zh      VARCHAR(300)  NOT NULL,
    name_en      VARCHAR(500),
    planned_date DATE          NOT NULL,
    actual_date  DATE,
    state        VARCHAR(20)   NOT NULL CHECK (state IN ('PLANNED', 'REACHED', 'CANCELLED')),
    version      BIGINT        NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ   NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL
);
CREATE INDEX milestone_project_idx ON milestone (project_id, planned_date);

CREATE TABLE progress_update (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    update_date      DATE          NOT NULL,
    text_zh          VARCHAR(4000) NOT NULL,
    text_en          VARCHAR(6000),
    progress_percent NUMERIC(5, 2) CHECK (progress_percent BETWEEN 0 AND 100),
    links            VARCHAR(4000),
    author           VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX progress_update_project_idx ON progress_update (project_id, update_date);
