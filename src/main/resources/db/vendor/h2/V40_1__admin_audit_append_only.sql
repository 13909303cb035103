-- The administrators' audit is append-only: the database refuses to change or remove a line
-- (org.hotline.platform.AppendOnlyTable).
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE, DELETE ON admin_audit
    FOR EACH ROW CALL 'org.hotline.platform.AppendOnlyTable';
