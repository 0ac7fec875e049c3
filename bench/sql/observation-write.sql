-- One observation replaced, as PUT /api/v1/indicators/{code}/observations/{year} runs it (StatementCountTest pins its
-- 7 statements): the indicator with its plan and departments, its row lock, the current value, the unit, the old
-- revision retired, the new one inserted, the audit entry (whose deferred trigger chains it at COMMIT). Each pgbench
-- client owns one indicator (:base + :client_id), as each connection of bench/writes.sh does. bench/writes.sh runs it.
-- (The JSON has a space after each colon: pgbench would take ":null" for a variable.)
\set year random(:first_year, :first_year + :years - 1)
\set ind :base + :client_id
BEGIN;
SELECT i.id, i.code, i.unit, p.start_year, p.end_year, d.role, dep.code FROM indicator i JOIN plan p ON p.id = i.plan_id
  LEFT JOIN indicator_department d ON d.indicator_id = i.id LEFT JOIN department dep ON dep.id = d.department_id WHERE i.id = :ind;
SELECT id FROM indicator WHERE id = ANY(ARRAY[:ind]::bigint[]) ORDER BY id FOR UPDATE;
SELECT id AS current_id, revision AS current_revision FROM observation WHERE indicator_id = :ind AND year = :year AND superseded_at IS NULL \gset
SELECT code, printed, normalized, scale, name_zh, name_en, non_negative, rate, sort_order FROM unit WHERE printed = '亿元';
UPDATE observation SET superseded_at = now(), superseded_by = 'Pgbench (pgbench)' WHERE id = :current_id;
INSERT INTO observation (indicator_id, year, value, status, comparable, revision, recorded_at, recorded_by)
  VALUES (:ind, :year, 101.5, 'PRELIMINARY', true, :current_revision + 1, now(), 'Pgbench (pgbench)');
INSERT INTO audit_entry (occurred_at, subject, subject_name, roles, operation, http_method, path, resource_type, resource_id, before_state, after_state, request_id)
  VALUES (now(), 'pgbench', 'Pgbench', 'admin', 'putObservation', 'PUT', '/api/v1/indicators/BENCH/observations/' || :year, 'observation', 'BENCH/' || :year,
  '{"indicator": "BENCH","year": 2021,"periodStart": null,"value": 100.5,"growthRate": null,"priceBasis": null,"status": "PRELIMINARY","qualitativeZh": null,"qualitativeEn": null,"comparable": true,"source": null,"note": null,"completed": null,"evidence": null,"revision": 7,"recordedAt": "2026-12-07T20:20:57.959427Z","recordedBy": "Development admin (dev-admin)","supersededAt": null,"supersededBy": null}',
  '{"indicator": "BENCH","year": 2021,"periodStart": null,"value": 101.5,"growthRate": null,"priceBasis": null,"status": "PRELIMINARY","qualitativeZh": null,"qualitativeEn": null,"comparable": true,"source": null,"note": null,"completed": null,"evidence": null,"revision": 8,"recordedAt": "2026-12-07T20:20:57.959427Z","recordedBy": "Development admin (dev-admin)","supersededAt": null,"supersededBy": null}',
  'pgbench');
COMMIT;
