-- Every new order writes an entry into every index of work_order, inside the intake transaction, and H2 writes
-- each changed index page on commit. work_order_by_deadline is redundant: V11's
-- work_order_by_deadline_assessed leads with the same column and serves every range on handle_deadline.
-- (H2 has no partial indexes; PostgreSQL also keeps merged orders and replied orders in partial ones.)
DROP INDEX IF EXISTS work_order_by_deadline;
