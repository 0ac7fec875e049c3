-- The units of measure are data the bureau keeps through the API (GET/PUT/DELETE /api/v1/units/{code}), audited: a plan
-- that prints a new unit (间, 场, 万户) needs a row, not a release. These are the units the catalogue knew in code.
CREATE TABLE unit (
    code         VARCHAR(40)    PRIMARY KEY,
    printed      VARCHAR(40)    NOT NULL UNIQUE,
    normalized   VARCHAR(40)    NOT NULL,
    scale        NUMERIC(30, 10) NOT NULL CHECK (scale > 0),
    name_zh      VARCHAR(100)   NOT NULL,
    name_en      VARCHAR(200),
    non_negative BOOLEAN        NOT NULL,
    rate         BOOLEAN        NOT NULL,
    sort_order   INTEGER        NOT NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ    NOT NULL,
    created_by   VARCHAR(100)   NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    updated_by   VARCHAR(100)   NOT NULL
);
INSERT INTO unit (code, printed, normalized, scale, name_zh, name_en, non_negative, rate, sort_order, created_at, created_by, updated_at, updated_by) VALUES
    ('PERCENT', '%', '%', 1, '百分比', 'percent', FALSE, TRUE, 1, now(), 'migration', now(), 'migration'),
    ('PER_MILLE', '‰', '‰', 1, '千分比', 'per mille', FALSE, TRUE, 2, now(), 'migration', now(), 'migration'),
    ('YUAN', '元', 'CNY', 1, '元', 'yuan', TRUE, FALSE, 3, now(), 'migration', now(), 'migration'),
    ('YUAN_10K', '万元', 'CNY', 10000, '万元', '10 thousand yuan', TRUE, FALSE, 4, now(), 'migration', now(), 'migration'),
    ('YUAN_100M', '亿元', 'CNY', 100000000, '亿元', '100 million yuan', TRUE, FALSE, 5, now(), 'migration', now(), 'migration'),
    ('YUAN_100M_PER_KM2', '亿元/平方公里', 'CNY/km2', 100000000, '亿元每平方公里', '100 million yuan per square kilometre', TRUE, FALSE, 6, now(), 'migration', now(), 'migration'),
    ('SQUARE_METRE', '平方米', 'm2', 1, '平方米', 'square metres', TRUE, FALSE, 7, now(), 'migration', now(), 'migration'),
    ('SQUARE_METRE_10K', '万平方米', 'm2', 10000, '万平方米', '10 thousand square metres', TRUE, FALSE, 8, now(), 'migration', now(), 'migration'),
    ('SQUARE_KILOMETRE', '平方公里', 'km2', 1, '平方公里', 'square kilometres', TRUE, FALSE, 9, now(), 'migration', now(), 'migration'),
    ('KILOMETRE', '千米', 'km', 1, '千米', 'kilometres', TRUE, FALSE, 10, now(), 'migration', now(), 'migration'),
    ('ITEM', '件', 'item', 1, '件', 'items', TRUE, FALSE, 11, now(), 'migration', now(), 'migration'),
    ('ITEM_XIANG', '项', 'item', 1, '项', 'items', TRUE, FALSE, 12, now(), 'migration', now(), 'migration'),
    ('BUILDING', '栋', 'building', 1, '栋', 'buildings', TRUE, FALSE, 13, now(), 'migration', now(), 'migration'),
    ('ENTERPRISE', '家', 'enterprise', 1, '家', 'enterprises', TRUE, FALSE, 14, now(), 'migration', now(), 'migration'),
    ('UNIT', '个', 'unit', 1, '个', 'units', TRUE, FALSE, 15, now(), 'migration', now(), 'migration'),
    ('PERSON_MING', '名', 'person', 1, '名', 'persons', TRUE, FALSE, 16, now(), 'migration', now(), 'migration'),
    ('PERSON', '人', 'person', 1, '人', 'persons', TRUE, FALSE, 17, now(), 'migration', now(), 'migration'),
    ('PERSON_10K', '万人', 'person', 10000, '万人', '10 thousand persons', TRUE, FALSE, 18, now(), 'migration', now(), 'migration'),
    ('DECIBEL', '分贝', 'dB(A)', 1, '分贝', 'decibels', TRUE, FALSE, 19, now(), 'migration', now(), 'migration'),
    ('TCE_10K', '万吨标准煤', 'tce', 10000, '万吨标准煤', '10 thousand tonnes of standard coal equivalent', TRUE, FALSE, 20, now(), 'migration', now(), 'migration'),
    ('TCE_PER_YUAN_10K', '吨标准煤/万元', 'tce/CNY', 0.0001, '吨标准煤每万元', 'tonnes of standard coal equivalent per 10 thousand yuan', TRUE, FALSE, 21, now(), 'migration', now(), 'migration'),
    ('MICROGRAM_PER_M3', '微克/立方米', 'ug/m3', 1, '微克每立方米', 'micrograms per cubic metre', TRUE, FALSE, 22, now(), 'migration', now(), 'migration'),
    ('YEAR_OF_AGE', '岁', 'year of age', 1, '岁', 'years of age', TRUE, FALSE, 23, now(), 'migration', now(), 'migration'),
    ('YEAR', '年', 'year', 1, '年', 'years', TRUE, FALSE, 24, now(), 'migration', now(), 'migration'),
    ('BED', '张', 'bed', 1, '张', 'beds', TRUE, FALSE, 25, now(), 'migration', now(), 'migration'),
    ('HOUSEHOLD', '户', 'household', 1, '户', 'households', TRUE, FALSE, 26, now(), 'migration', now(), 'migration'),
    ('HOUSEHOLD_10K', '万户', 'household', 10000, '万户', '10 thousand households', TRUE, FALSE, 27, now(), 'migration', now(), 'migration'),
    ('EVENT', '场', 'event', 1, '场', 'events', TRUE, FALSE, 28, now(), 'migration', now(), 'migration'),
    ('ROOM', '间', 'room', 1, '间', 'rooms', TRUE, FALSE, 29, now(), 'migration', now(), 'migration'),
    ('SITE', '处', 'site', 1, '处', 'sites', TRUE, FALSE, 30, now(), 'migration', now(), 'migration'),
    ('PER_100K', '/10万', 'per 100000', 1, '每10万人', 'per 100 thousand people', TRUE, FALSE, 31, now(), 'migration', now(), 'migration');

-- An indicator's unit is one of them: a unit in use cannot be deleted.
ALTER TABLE indicator ADD CONSTRAINT indicator_unit_fk FOREIGN KEY (unit) REFERENCES unit (printed);
