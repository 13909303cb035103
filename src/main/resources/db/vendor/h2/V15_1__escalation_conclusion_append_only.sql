-- The supervisors' conclusions are append-only like the other quality records (V12): the database refuses to
-- change or remove them (H2: org.hotline.quality.internal.AppendOnlyRecords).
CREATE TRIGGER escalation_conclusion_append_only BEFORE UPDATE, DELETE ON escalation_conclusion
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
