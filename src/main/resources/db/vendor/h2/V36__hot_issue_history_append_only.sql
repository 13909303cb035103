-- The hot issues' history is append-only, like the order history (V3_1): the database refuses to change or
-- remove a line (org.hotline.hotissue.internal.AppendOnlyHistory).
CREATE TRIGGER hot_issue_history_append_only BEFORE UPDATE, DELETE ON hot_issue_history
    FOR EACH ROW CALL 'org.hotline.hotissue.internal.AppendOnlyHistory';
