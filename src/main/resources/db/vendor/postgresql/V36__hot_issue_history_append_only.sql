-- The hot issues' history is append-only, like the order history (V3_1): the database refuses to change or
-- remove a line.
CREATE FUNCTION refuse_hot_issue_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER hot_issue_history_append_only BEFORE UPDATE OR DELETE ON hot_issue_history
    FOR EACH ROW EXECUTE FUNCTION refuse_hot_issue_history_change();
