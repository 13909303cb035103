-- Statistics only read; this index serves their callback trends. Satisfaction and resolution per period select
-- the callbacks made within the report's days (callback_attempt_by_unit leads with the unit, so a report over
-- all units could not use it). Measured with StatisticsBenchmark on PostgreSQL: the month's callbacks are read
-- through this index instead of a scan of every callback ever made.
-- The assessment (V9) needs the same index and creates it first; hence IF NOT EXISTS.
CREATE INDEX IF NOT EXISTS callback_attempt_by_time ON callback_attempt (attempted_at);
