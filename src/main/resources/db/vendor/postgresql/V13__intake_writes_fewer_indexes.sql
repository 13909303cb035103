-- Every new order writes an entry into every index of work_order, inside the intake transaction. Indexes that
-- cannot help at intake cost it: on PostgreSQL the order's INSERT took 130 µs of the database's time, its
-- history rows 84 µs each (IntakeBenchmark -Dbench.pgstats=true).
-- work_order_by_deadline: V11's work_order_by_deadline_assessed leads with the same column and serves every
-- range on handle_deadline.
DROP INDEX IF EXISTS work_order_by_deadline;
-- Only merged orders have a master, and only replied orders a reply time: the queries on either name a value
-- (master_number = ?, replied_at in a range), which a partial index answers, and a new order enters neither.
DROP INDEX IF EXISTS work_order_by_master;
CREATE INDEX work_order_by_master ON work_order (master_number) WHERE master_number IS NOT NULL;
DROP INDEX IF EXISTS work_order_by_replied;
CREATE INDEX work_order_by_replied ON work_order (replied_at, number, handle_deadline, status, lead_unit_id)
    WHERE replied_at IS NOT NULL;
