-- Complaints: when the complaint reached its current stage (the due dates run from it), the date
-- of the latest answer (the Independent Case Examiner's 6 months run from it; kept when the
-- complaint moves on), and whether each stage's answer was on time.
-- (PostgreSQL twin of sqlite/0004_complaints.sql.)
ALTER TABLE complaints ADD COLUMN stage_started_on TEXT;
ALTER TABLE complaints ADD COLUMN final_response_on TEXT;
ALTER TABLE complaints ADD COLUMN answered_on_time BIGINT;
CREATE INDEX complaints_case ON complaints(case_id, id);
