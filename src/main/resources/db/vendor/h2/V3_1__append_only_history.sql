-- The order history is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER work_order_history_append_only
    BEFORE UPDATE, DELETE ON work_order_history
    FOR EACH ROW CALL 'org.hotline.workorder.internal.AppendOnlyTrigger';
