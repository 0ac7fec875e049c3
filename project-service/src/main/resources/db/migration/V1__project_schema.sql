-- The project service's schema arrives with its own issue; this first migration only marks the baseline.
CREATE TABLE service_info (
    key   VARCHAR(40) PRIMARY KEY,
    value VARCHAR(200) NOT NULL
);
INSERT INTO service_info (key, value) VALUES ('schema', 'project-service');
