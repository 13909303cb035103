-- The supervisors' conclusions are append-only like the other quality records (V12, whose function refuses the
-- change): a conclusion is why an escalated order closed, and nothing may rewrite it afterwards.
CREATE TRIGGER escalation_conclusion_append_only BEFORE UPDATE OR DELETE ON escalation_conclusion
    FOR EACH ROW EXECUTE FUNCTION refuse_quality_record_change();
