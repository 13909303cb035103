-- The knowledge base's history is append-only like the order history (V3_1): the database itself refuses to
-- change or remove a line, so who wrote, proposed and published an entry stays on record.
CREATE FUNCTION refuse_knowledge_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_entry_history_append_only BEFORE UPDATE OR DELETE ON knowledge_entry_history
    FOR EACH ROW EXECUTE FUNCTION refuse_knowledge_history_change();
