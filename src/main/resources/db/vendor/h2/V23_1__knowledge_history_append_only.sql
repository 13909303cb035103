-- The knowledge base's history is append-only like the order history (V3_1): the database itself refuses to
-- change or remove a line (org.hotline.knowledge.internal.AppendOnlyHistory).
CREATE TRIGGER knowledge_entry_history_append_only BEFORE UPDATE, DELETE ON knowledge_entry_history
    FOR EACH ROW CALL 'org.hotline.knowledge.internal.AppendOnlyHistory';
