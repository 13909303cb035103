-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- A caller's earlier appeals, looked up the moment the phone rings: the number as registered (intake keeps it
-- as entered; a landline in each of its spellings), newest first. One more entry per new order, paid at intake.
CREATE INDEX work_order_by_phone ON work_order (citizen_phone, registered_at);
