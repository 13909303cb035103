-- Indexes that let the assessment read a year of records from the index alone (AssessmentBenchmark: 150,000
-- orders on H2 and PostgreSQL). Each carries, after the time it is searched by, every column the assessment's
-- fact queries read, so neither database has to fetch each (wide) row. Plain multi-column indexes: H2 has no
-- INCLUDE clause, and the trailing columns cost PostgreSQL little more than INCLUDE would.
-- Written in the SQL common to PostgreSQL and H2; V1..V10 are applied in production and stay as they are.

-- Replies by time: V8 (quality) created it on replied_at alone for its daily leader draw. The same index with
-- the columns the assessment reads serves both; a second index on replied_at would leave H2 to pick the
-- narrower one.
DROP INDEX IF EXISTS work_order_reply_by_time;
CREATE INDEX work_order_reply_by_time ON work_order_reply (replied_at, order_number, unit_id, citizen_contacted);

-- Callbacks by time: V9 (assessment) created it on attempted_at alone, V10 (statistics) only if it did not
-- exist. The statistics' month of callbacks is still a range on the leading column.
DROP INDEX IF EXISTS callback_attempt_by_time;
CREATE INDEX callback_attempt_by_time ON callback_attempt (attempted_at, order_number, reply_seq, attempt, unit_id,
    reached, resolved, satisfaction);

-- The orders replied in a range (whether the reply stood on time), and the orders whose deadline fell in a range
-- (overdue), with the columns both decisions need.
CREATE INDEX work_order_by_replied ON work_order (replied_at, number, handle_deadline, status, lead_unit_id);
CREATE INDEX work_order_by_deadline_assessed ON work_order (handle_deadline, number, lead_unit_id, status,
    replied_at);
