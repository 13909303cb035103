-- Patrol coverage as an assessment indicator of territorial units (issue 15): each town's day counts the patrol
-- reports its enabled field reporters were due and those that count towards it (org.hotline.patrol.PatrolDay),
-- read through the patrol module. Days stored before this count none.
ALTER TABLE unit_daily_score ADD COLUMN patrol_due INT DEFAULT 0 NOT NULL;
ALTER TABLE unit_daily_score ADD COLUMN patrol_filed INT DEFAULT 0 NOT NULL;

-- The assessment reads a month of reports of every town at once, by day.
CREATE INDEX patrol_report_by_day ON patrol_report (reported_day, unit_id, reporter);
