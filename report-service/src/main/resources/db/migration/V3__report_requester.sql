-- Who requested each report, as the stable subject of their token (created_by is for display: "name (subject)"): the
-- per-requester quota on unfinished jobs counts by it, and the worker takes jobs fairly across requesters by it.
-- Existing rows get the subject from the last parentheses of created_by, or created_by itself when it has none.
ALTER TABLE report ADD COLUMN requester VARCHAR(255);
UPDATE report SET requester = left(coalesce(substring(created_by FROM '\(([^()]+)\)\s*$'), created_by), 255);
ALTER TABLE report ALTER COLUMN requester SET NOT NULL;
-- The quota's count of a requester's QUEUED and RUNNING jobs, and the claim's count of a requester's running ones.
CREATE INDEX report_requester_status_idx ON report (requester, status);
-- The claim's "when was this requester last served": the latest started_at of its jobs, one index probe.
CREATE INDEX report_requester_started_idx ON report (requester, started_at);
