-- The orders waiting to join their hot issue (issue 15's intake throughput). The intake writes one row in its own
-- transaction (and group commit); the hot issue module takes the rows in batches right after, one transaction per
-- batch, and deletes them as it attaches their orders. A row left by a crash is taken after the restart. This
-- replaces an event publication per order, with a transaction and a commit of its own per order.
-- Each instance takes the rows it queued itself at once; a row of another instance only once it has waited
-- (queued_at is the database's own time, so instances never compare their clocks): that instance crashed or
-- stopped. Instances whose clocks differ (tests that set the time) so never group each other's new orders.
CREATE TABLE hot_issue_queue (
    order_number VARCHAR(20)              NOT NULL PRIMARY KEY,
    queued_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    instance_id  VARCHAR(36)
);

-- One row, locked by each batch for its transaction: batches of all instances run one after another, so that
-- each reads every member the one before stored (its members' seq, drawn inside the lock, then commit in order).
CREATE TABLE hot_issue_attach_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO hot_issue_attach_lock (id) VALUES (1);

-- Orders whose publication to the listener this replaces was not completed (a crash right after their intake):
-- queued here (for any instance), and the publications completed, so that each joins its hot issue once.
INSERT INTO hot_issue_queue (order_number, queued_at)
SELECT w.number, w.registered_at FROM work_order w
 WHERE NOT EXISTS (SELECT 1 FROM hot_issue_member m WHERE m.order_number = w.number)
   AND EXISTS (SELECT 1 FROM event_publication p
                WHERE p.completion_date IS NULL AND p.listener_id LIKE '%OrdersJoinHotIssues%'
                  AND p.serialized_event LIKE '%"' || w.number || '"%');
UPDATE event_publication SET completion_date = CURRENT_TIMESTAMP
 WHERE completion_date IS NULL AND listener_id LIKE '%OrdersJoinHotIssues%';
