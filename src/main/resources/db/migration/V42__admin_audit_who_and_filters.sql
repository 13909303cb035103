-- The administrators' audit (操作审计, V40) names who made each change by name and role as they were at that moment,
-- not only by username: a user renamed, given another role or disabled later still reads as they acted. Old lines
-- keep NULL (the username alone). Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode); adding a column
-- fires no row trigger, so the append-only guard (V40_1) stays as it is.
ALTER TABLE admin_audit ADD COLUMN actor_name VARCHAR(100);
ALTER TABLE admin_audit ADD COLUMN actor_role VARCHAR(32);

-- The audit page and GET /api/v1/admin/audit read newest first, all kinds together or one person's changes.
CREATE INDEX admin_audit_by_time ON admin_audit (occurred_at, id);
CREATE INDEX admin_audit_by_actor ON admin_audit (actor, occurred_at);
