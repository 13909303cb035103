-- The order history is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'work_order_history is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER work_order_history_append_only
    BEFORE UPDATE OR DELETE ON work_order_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
