-- The assessment reads a year of dispatches, acknowledgements and returns from the history (the unit of a
-- dispatch and of a return is only in the entry's detail). With V9's index on (action, occurred_at) H2 fetched
-- every matching row from the table, whose wide rows did not stay in its page cache: on 150,000 orders those
-- two reads took several seconds. The same index carrying the columns read lets H2 answer from the index alone.
-- H2 has neither partial indexes nor INCLUDE, and no limit on an index entry's size, so it indexes every entry;
-- PostgreSQL gets a partial index instead (db/vendor/postgresql). The wider index replaces V9's, which H2 would
-- otherwise prefer as the narrower of two equal choices.
DROP INDEX IF EXISTS work_order_history_by_action;
CREATE INDEX work_order_history_by_action ON work_order_history (action, occurred_at, order_number, actor_unit,
    detail);
