-- The quality loop's records are append-only, like the order history (V3_1): the database itself refuses to
-- change or remove them, whatever code runs against it (H2: org.hotline.quality.internal.AppendOnlyRecords).
--
-- Guarded whole, because nothing ever changes them once written and the assessment and the accountability cases
-- rest on them:
--   review_decision     审核意见: who approved or rejected a reply, when and why; a rejection is why the order was redone.
--   escalation          转督办: the reply handed to the supervisors after two redos, with the reason.
--   callback_attempt    回访: each attempt and what the citizen said; the resolution and satisfaction rates and
--                       every unsatisfied-callback penalty are counted from these rows. A retry is a new row.
--   leader_sample_draw  一把手抽访: the day's draw per unit, with the due time by which a sample counts as missed.
-- Guarded once signed:
--   leader_sample       inserted unsigned when drawn; the leader's signature fills in the call's result, the one
--                       update it ever gets. After that it is frozen. It is never removed, signed or not: an
--                       unsigned sample past its due time is a penalty, and deleting it would erase the penalty.
-- Not guarded: reply_check, the loop's working state (its stage moves on; what happened is in the rows above).
CREATE FUNCTION refuse_quality_record_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision
    FOR EACH ROW EXECUTE FUNCTION refuse_quality_record_change();
CREATE TRIGGER escalation_append_only BEFORE UPDATE OR DELETE ON escalation
    FOR EACH ROW EXECUTE FUNCTION refuse_quality_record_change();
CREATE TRIGGER callback_attempt_append_only BEFORE UPDATE OR DELETE ON callback_attempt
    FOR EACH ROW EXECUTE FUNCTION refuse_quality_record_change();
CREATE TRIGGER leader_sample_draw_append_only BEFORE UPDATE OR DELETE ON leader_sample_draw
    FOR EACH ROW EXECUTE FUNCTION refuse_quality_record_change();

CREATE FUNCTION refuse_signed_sample_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.completed_at IS NULL AND NEW.sample_day = OLD.sample_day
            AND NEW.unit_id = OLD.unit_id AND NEW.order_number = OLD.order_number THEN
        RETURN NEW; -- the leader signs a drawn sample: the one change it ever gets
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER leader_sample_signed_once BEFORE UPDATE OR DELETE ON leader_sample
    FOR EACH ROW EXECUTE FUNCTION refuse_signed_sample_change();
