-- The keyword search counts a unit's orders among those its index found, by their numbers alone (JdbcWorkOrders).
-- H2 keeps a row id, not the primary key, in a secondary index, so the numbers of a unit's orders cost a read of
-- every such order row; with the number in these two indexes they are read from the index alone (on PostgreSQL an
-- index-only scan). Same names and leading columns as before: the queries that used them still do.
DROP INDEX IF EXISTS work_order_by_lead;
CREATE INDEX work_order_by_lead ON work_order (lead_unit_id, status, number);
DROP INDEX IF EXISTS co_unit_by_unit;
CREATE INDEX co_unit_by_unit ON work_order_co_unit (unit_id, order_number);
