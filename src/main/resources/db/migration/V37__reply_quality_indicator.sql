-- Reply quality as an assessment indicator (issue 16): each unit's day counts its low-quality replies, read from
-- reply_quality by replied_at. Days stored before this count none.
ALTER TABLE unit_daily_score ADD COLUMN reply_low_quality INT DEFAULT 0 NOT NULL;
CREATE INDEX reply_quality_by_day ON reply_quality (replied_at, unit_id, low);
