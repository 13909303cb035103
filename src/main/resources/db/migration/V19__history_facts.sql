-- The facts other modules count from an order's history, stored as facts beside its text for people. Until now
-- the assessment read the lead unit of a dispatch and the two units of an approved return out of the entry's
-- detail ("主办：…", "原承办：…；改派：…"), and a late acknowledgement from its detail being set at all: rewording
-- a line would have changed every unit's score. HistoryEntry (workorder) says what each column holds per action:
--   unit_id        the unit the action concerns: the lead unit at that moment, the co-unit for a co-unit's acts,
--                  the unit the order is taken from on an approved return, the unit that attached a file
--   other_unit_id  the unit a return request suggests, the new lead unit of an approved return
--   late           an acknowledgement, a reply or a co-unit's part after its deadline; NULL where there is none
-- A dispatch's co-units are not repeated: each has its own row in work_order_co_unit.
-- V19_1 (db/vendor) fills them for the entries written before, and rebuilds the assessment's history index on them.
ALTER TABLE work_order_history ADD COLUMN unit_id VARCHAR(64);
ALTER TABLE work_order_history ADD COLUMN other_unit_id VARCHAR(64);
ALTER TABLE work_order_history ADD COLUMN late BOOLEAN;
