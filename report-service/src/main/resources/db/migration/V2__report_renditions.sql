-- Each format of a report (JSON, Markdown, HTML, PDF, XLSX), stored the first time it is read. Every later read, from
-- any replica and after any upgrade of the renderers, returns exactly these bytes: a published report never changes.
CREATE TABLE report_rendition (
    report_id  UUID          NOT NULL REFERENCES report (id),
    format     VARCHAR(20)   NOT NULL,
    body       BYTEA         NOT NULL,
    sha256     VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (report_id, format)
);
