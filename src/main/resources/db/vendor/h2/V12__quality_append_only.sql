-- The quality loop's records are append-only, like the order history (V3_1): the database itself refuses to
-- change or remove them, whatever code runs against it. See db/vendor/postgresql/V12__quality_append_only.sql
-- for why each table is guarded as it is; org.hotline.quality.internal.AppendOnlyRecords applies the same rules.
CREATE TRIGGER review_decision_append_only BEFORE UPDATE, DELETE ON review_decision
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
CREATE TRIGGER escalation_append_only BEFORE UPDATE, DELETE ON escalation
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
CREATE TRIGGER callback_attempt_append_only BEFORE UPDATE, DELETE ON callback_attempt
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
CREATE TRIGGER leader_sample_draw_append_only BEFORE UPDATE, DELETE ON leader_sample_draw
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
CREATE TRIGGER leader_sample_signed_once BEFORE UPDATE, DELETE ON leader_sample
    FOR EACH ROW CALL 'org.hotline.quality.internal.AppendOnlyRecords';
