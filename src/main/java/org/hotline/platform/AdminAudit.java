package org.hotline.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 操作审计: the append-only record of what administrators changed (who, when, what and how), kept in
 * {@code admin_audit} (V40), which the database refuses to change or remove (V40_1). A change is recorded in the
 * transaction that makes it, so a change that rolls back leaves no line and a line is never missing for a change
 * that stands.
 *
 * <p>Each line names an {@code area} (what kind of thing changed: {@link #OPEN311_KEY}, {@link #DISPATCH_MODEL}),
 * the {@code target} within it (a key's id, a model's version), an {@code action} (a stable code) and the
 * {@code detail} an administrator reads, in Chinese.
 */
@Component
public class AdminAudit {

    /** The Open311 client applications' API keys. */
    public static final String OPEN311_KEY = "open311.key";
    /** The dispatch model versions: which one every instance serves. */
    public static final String DISPATCH_MODEL = "dispatch.model";

    /** One line of the audit. */
    public record Entry(long id, Instant at, String actor, String area, String target, String action,
            String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records one change, in the caller's transaction. */
    public void record(String actor, String area, String target, String action, String detail) {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(action, "action");
        jdbc.sql("""
                INSERT INTO admin_audit (occurred_at, actor, area, target, action, detail)
                VALUES (:at, :actor, :area, :target, :action, :detail)""")
                .param("at", DbTime.param(clock.instant())).param("actor", cut(actor == null ? "system" : actor, 64))
                .param("area", area).param("target", cut(target == null ? "" : target, 100)).param("action", action)
                .param("detail", cut(detail == null ? "" : detail, 1000)).update();
    }

    /** The latest lines of an area, newest first; of one target when {@code target} is given. */
    public List<Entry> recent(String area, String target, int limit) {
        String where = target == null ? "WHERE area = :area" : "WHERE area = :area AND target = :target";
        var spec = jdbc.sql("SELECT * FROM admin_audit " + where + " ORDER BY occurred_at DESC, id DESC"
                + " FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY").param("area", area);
        if (target != null) {
            spec = spec.param("target", target);
        }
        return spec.query(AdminAudit::map).list();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), DbTime.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("area"), rs.getString("target"), rs.getString("action"), rs.getString("detail"));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
