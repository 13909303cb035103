-- The extension requests waiting for the center (the dispatcher's desk, GET /api/v1/orders?extensionPending=true):
-- a few orders among the ones in progress. A partial index holds only those, so that listing and counting them
-- does not read every order in progress, and a new order (no extension asked for) never enters it: intake pays
-- nothing for it. H2 has no partial indexes; there the status index (work_order_by_status) bounds the search to
-- the orders in progress.
CREATE INDEX work_order_extension_pending ON work_order (registered_at, number) WHERE pending_extension_days > 0;
