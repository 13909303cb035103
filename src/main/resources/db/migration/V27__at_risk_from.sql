-- 临期 (at risk) is derived, never typed in: WorkOrder.isAtRisk asks the calendar when 75% of the working time
-- from dispatch to the handle deadline has passed (Deadlines.atRiskFrom). That moment depends on the working
-- calendar, which SQL does not have, so a list or a count of the orders at risk could only be made by loading
-- every open order into Java. The repository now stores the moment beside the deadline it derives from, computed
-- by the same Deadlines call whenever it writes the order: "at risk now" becomes
--   status IN ('DISPATCHED', 'IN_PROGRESS') AND handle_deadline >= now AND at_risk_from <= now
-- which is exactly what isAtRisk says. It is a derived value like handle_deadline, written by no one by hand.
-- Orders written before this migration are filled in at startup (workorder.internal.AtRiskBackfill); until
-- then they count as not at risk rather than wrongly at risk.
ALTER TABLE work_order ADD COLUMN at_risk_from TIMESTAMP WITH TIME ZONE;
