-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

-- A caller's earlier appeals, looked up the moment the phone rings: the number as registered (intake keeps it
-- as entered; a landline in each of its spellings), newest first. One more entry per new order, paid at intake.
CREATE INDEX work_order_by_phone ON work_order (citizen_phone, registered_at);

-- When a newly served model gave an order waiting in the manual queue fresh advice (null: the advice is the
-- one made at intake). The advice itself replaces the intake's in the same row; a person still dispatches.
ALTER TABLE dispatch_record ADD COLUMN readvised_at TIMESTAMP WITH TIME ZONE;
