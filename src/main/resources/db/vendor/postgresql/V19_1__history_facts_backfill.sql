-- Fills V19's fact columns for the entries written before them: from the display text exactly as the assessment
-- read it until V19 (FactQueries: the dispatch's lead, the approved return's two units, a late acknowledgement's
-- detail being set), and from the records beside the history for what it never read from the text. An entry
-- whose text does not have the form WorkOrder wrote keeps NULL rather than a guess.
--
-- The history is append-only (V3_1's trigger refuses UPDATE and DELETE): the guard is lifted for these statements
-- alone and put back at the end of this file, in the migration's one transaction: other sessions wait on the
-- table's lock meanwhile and never see it lifted, and a failure rolls everything back, the guard included.
-- The same statements run on H2 (db/vendor/h2/V19_1); OldHistoryGetsItsFactsWhenTheDatabaseUpgradesTest upgrades a
-- database with the history of every action in it on both and compares.
--
-- The assessment reads these columns now, not the detail: V11_1's partial index carried the detail and is rebuilt
-- on the narrow facts instead, and takes in the redos, whose unit is now read from the entry as well (V9's index on
-- (action, occurred_at) stays for the other actions). Dropped first so that the updates do not maintain it.
DROP INDEX IF EXISTS work_order_history_assessed;
ALTER TABLE work_order_history DISABLE TRIGGER work_order_history_append_only;

-- A dispatch: 主办：<lead>[；协办：<co-unit>、…]
UPDATE work_order_history SET unit_id = CASE WHEN POSITION('；' IN detail) > 0
        THEN SUBSTRING(detail FROM 4 FOR POSITION('；' IN detail) - 4) ELSE SUBSTRING(detail FROM 4) END
    WHERE action = 'DISPATCH' AND detail LIKE '主办：%';
-- An approved return: 原承办：<the unit it is taken from>；改派：<the new lead>
UPDATE work_order_history SET unit_id = SUBSTRING(detail FROM 5 FOR POSITION('；' IN detail) - 5),
        other_unit_id = SUBSTRING(detail FROM POSITION('；' IN detail) + 4)
    WHERE action = 'APPROVE_RETURN' AND detail LIKE '原承办：%；改派：%';
-- An acknowledgement, by the lead unit's user; only a late one has a detail (超时签收).
UPDATE work_order_history SET unit_id = actor_unit, late = CASE WHEN detail IS NULL THEN FALSE ELSE TRUE END
    WHERE action = 'ACKNOWLEDGE';
-- A return request, by the lead unit's user: <reason>；建议承办单位：<unit>
UPDATE work_order_history SET unit_id = actor_unit,
        other_unit_id = CASE WHEN POSITION('；建议承办单位：' IN detail) > 0
            THEN SUBSTRING(detail FROM POSITION('；建议承办单位：' IN detail) + 8) END
    WHERE action = 'REQUEST_RETURN';
-- A co-unit added, or written off when it missed its deadline: 协办：<unit>
UPDATE work_order_history SET unit_id = SUBSTRING(detail FROM 4)
    WHERE action IN ('ADD_CO_UNIT', 'RECORD_NON_COOPERATION') AND detail LIKE '协办：%';
-- A co-unit's own acts, by its user; a file attached by a unit's user (the center's concern no unit).
UPDATE work_order_history SET unit_id = actor_unit
    WHERE action IN ('CO_UNIT_ACKNOWLEDGE', 'CO_UNIT_SUBMIT', 'CO_UNIT_DECLINE')
       OR (action = 'ATTACH' AND actor_role IN ('UNIT_HANDLER', 'UNIT_LEADER'));
-- A co-unit's part is late as its record says (the assessment's CO_PART_LATE reads the same record).
UPDATE work_order_history h SET late = (
        SELECT CASE WHEN cu.submitted_at > cu.deadline THEN TRUE ELSE FALSE END FROM work_order_co_unit cu
        WHERE cu.order_number = h.order_number AND cu.unit_id = h.actor_unit AND cu.submitted_at = h.occurred_at)
    WHERE h.action = 'CO_UNIT_SUBMIT';
-- A redo concerns the unit whose reply was sent back: the order's last reply before it, as the assessment read it.
UPDATE work_order_history h SET unit_id = (
        SELECT r.unit_id FROM work_order_reply r
        WHERE r.order_number = h.order_number AND r.replied_at <= h.occurred_at
        ORDER BY r.seq DESC FETCH FIRST 1 ROW ONLY)
    WHERE h.action = 'REDO';
-- A merged order closed with its master takes the master's lead unit, which is its lead unit from then on.
UPDATE work_order_history h SET unit_id = (SELECT o.lead_unit_id FROM work_order o WHERE o.number = h.order_number)
    WHERE h.action = 'CLOSE' AND h.from_status = 'MERGED';
-- Every other action concerns the lead unit at that moment: the one named by the order's last dispatch or approved
-- return before it (none before the first dispatch). The entries read here were all filled above.
UPDATE work_order_history h SET unit_id = (
        SELECT CASE WHEN d.action = 'APPROVE_RETURN' THEN d.other_unit_id ELSE d.unit_id END
        FROM work_order_history d
        WHERE d.order_number = h.order_number AND d.seq < h.seq AND d.action IN ('DISPATCH', 'APPROVE_RETURN')
        ORDER BY d.seq DESC FETCH FIRST 1 ROW ONLY)
    WHERE h.action NOT IN ('REGISTER', 'ANSWER_AT_INTAKE', 'DISPATCH', 'ACKNOWLEDGE', 'REQUEST_RETURN',
            'APPROVE_RETURN', 'ADD_CO_UNIT', 'CO_UNIT_ACKNOWLEDGE', 'CO_UNIT_SUBMIT', 'CO_UNIT_DECLINE',
            'RECORD_NON_COOPERATION', 'ATTACH', 'REDO')
      AND NOT (h.action = 'CLOSE' AND h.from_status = 'MERGED');
-- A reply is late if it came after the handling deadline in force. The records keep that deadline only for the
-- reply that stood (the order's last, not sent back since); an earlier reply's lateness stays unknown (NULL).
UPDATE work_order_history h SET late = (
        SELECT CASE WHEN o.replied_at > o.handle_deadline THEN TRUE ELSE FALSE END FROM work_order o
        WHERE o.number = h.order_number AND o.replied_at = h.occurred_at AND o.status IN ('REPLIED', 'CLOSED'))
    WHERE h.action = 'REPLY';

ALTER TABLE work_order_history ENABLE TRIGGER work_order_history_append_only;

CREATE INDEX work_order_history_assessed ON work_order_history (action, occurred_at)
    INCLUDE (order_number, unit_id, other_unit_id, late)
    WHERE action IN ('DISPATCH', 'APPROVE_RETURN', 'REQUEST_RETURN', 'ACKNOWLEDGE', 'REDO');
