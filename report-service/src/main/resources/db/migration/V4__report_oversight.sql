-- Issue 25: the oversight bulletin (督查通报) of a plan's late and lagging tasks is a report type of its own.
ALTER TABLE report DROP CONSTRAINT report_type_check;
ALTER TABLE report ADD CONSTRAINT report_type_check
    CHECK (type IN ('ANNUAL_EXECUTION', 'PLAN_EVALUATION', 'DEPARTMENT_SCORECARD', 'PROJECT_PROGRESS', 'OVERSIGHT'));
