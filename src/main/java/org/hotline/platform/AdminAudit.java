package org.hotline.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 操作审计: the append-only record of what administrators (and the director or supervisors acting on settings)
 * changed outside the work orders: who (username, and their name and role at that moment), when, what kind of
 * thing ({@code area}: one of {@link #KINDS}) and which ({@code target}: its id), the change ({@code action}: one of
 * {@link #ACTIONS}) and what it was, in Chinese ({@code detail}: before → after for the fields that changed, never a
 * secret). Kept in {@code admin_audit} (V40, V42), which the database refuses to change or remove (V40_1).
 *
 * <p>Every service method that changes such a thing calls {@link #record} once, next to its write, inside its own
 * transaction: a change that rolls back leaves no line, and a line that cannot be written rolls the change back.
 * {@link #record} refuses to run outside a transaction ({@link Propagation#MANDATORY}), so a call placed where it
 * could commit apart from its change fails at once instead of quietly. Why calls and not an aspect: the line says
 * what changed from what, which only the method that changes it knows; one visible call beside the write keeps
 * that readable, and {@code EveryAdministrativeChangeIsRecordedWithItsChange} fails for an endpoint without one.
 */
@Component
public class AdminAudit {

    /** The users and their roles (organisation). */
    public static final String USER = "user";
    /** The handling units (organisation). */
    public static final String UNIT = "unit";
    /** The three-level categories and their default units (organisation). */
    public static final String CATEGORY = "category";
    /** The gazetteer's places and the units responsible for them (organisation). */
    public static final String PLACE = "place";
    /** The routing rules of AI dispatch, an ordered list changed as a whole. */
    public static final String ROUTING_RULES = "dispatch.rules";
    /** The dispatch directory (派单目录): each category's unit, duty and phrases. */
    public static final String DIRECTORY_ENTRY = "dispatch.directory";
    /** Trainings of a dispatch model: started, finished or failed. */
    public static final String DISPATCH_TRAINING = "dispatch.training";
    /** The dispatch model versions: which one every instance serves. */
    public static final String DISPATCH_MODEL = "dispatch.model";
    /** History imports for dispatch learning: started with their column mapping, finished with their counts. */
    public static final String HISTORY_IMPORT = "dispatch.import";
    /** The Open311 client applications' API keys. */
    public static final String OPEN311_KEY = "open311.key";
    /** Accountability cases (问责): the center's conclusion. */
    public static final String ACCOUNTABILITY_CASE = "assessment.case";
    /** The stored daily assessment, recomputed on request. */
    public static final String ASSESSMENT = "assessment.scores";
    /** Leader sampling (一把手抽访): a day drawn on an administrator's request. */
    public static final String LEADER_SAMPLES = "quality.samples";

    /** Every kind of thing the audit records, in the order a reader looks for them. */
    public static final List<String> KINDS = List.of(USER, UNIT, CATEGORY, PLACE, ROUTING_RULES, DIRECTORY_ENTRY,
            DISPATCH_TRAINING, DISPATCH_MODEL, HISTORY_IMPORT, OPEN311_KEY, ACCOUNTABILITY_CASE, ASSESSMENT,
            LEADER_SAMPLES);

    /** Every change the audit records, as stable codes (the console and the API put them in words). */
    public static final List<String> ACTIONS = List.of("CREATE", "UPDATE", "ROLE", "ENABLE", "DISABLE", "PASSWORD",
            "DELETE", "REPLACE", "START", "DONE", "FAILED", "ACTIVATE", "ROLLBACK", "RENAME", "RATE", "REVOKE",
            "CONCLUDE", "RECOMPUTE", "DRAW");

    /** The platform itself (first start, scheduled jobs). */
    private static final String PLATFORM = "system";

    /** One line of the audit; {@code actorName} and {@code actorRole} are null on lines written before V42. */
    public record Entry(long id, Instant at, String actor, String actorName, String actorRole, String area,
            String target, String action, String detail) {
    }

    /** Who a username is at the moment a line is written: the name people know them by, and their role's code. */
    public record Person(String name, String role) {
    }

    /**
     * Looks people up by username for the lines: the organisation provides it (the platform knows no users). The
     * name and role are written into the line, so that it reads as the person was when they acted.
     */
    public interface People {
        Optional<Person> find(String username);
    }

    /** What to read: each part null for "any"; {@code from} inclusive, {@code to} exclusive. */
    public record Query(Instant from, Instant to, String actor, String area, String action) {

        public static Query any() {
            return new Query(null, null, null, null, null);
        }
    }

    /** One page of lines, newest first. */
    public record Found(List<Entry> entries, long total, int page, int size) {

        public long pages() {
            return (total + size - 1) / size;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<People> people;

    AdminAudit(JdbcClient jdbc, Clock clock, ObjectProvider<People> people) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.people = people;
    }

    /**
     * Records one change, in the caller's transaction (there must be one).
     *
     * @param actor the username of who made it; null for the platform itself
     * @param area one of {@link #KINDS}
     * @param target the changed thing's id within its kind
     * @param action one of {@link #ACTIONS}
     * @param detail what changed, in Chinese (before → after; never a password, a hash or a key)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String area, String target, String action, String detail) {
        if (!KINDS.contains(Objects.requireNonNull(area, "area"))) {
            throw new IllegalArgumentException("not a kind of the audit: " + area);
        }
        if (!ACTIONS.contains(Objects.requireNonNull(action, "action"))) {
            throw new IllegalArgumentException("not an action of the audit: " + action);
        }
        String who = actor == null || actor.isBlank() ? PLATFORM : actor;
        Person person = Optional.ofNullable(people.getIfAvailable()).flatMap(p -> p.find(who))
                .orElse(new Person(null, null));
        jdbc.sql("""
                INSERT INTO admin_audit (occurred_at, actor, actor_name, actor_role, area, target, action, detail)
                VALUES (:at, :actor, :name, :role, :area, :target, :action, :detail)""")
                .param("at", DbTime.param(clock.instant())).param("actor", cut(who, 64))
                .param("name", person.name() == null ? null : cut(person.name(), 100))
                .param("role", person.role() == null ? null : cut(person.role(), 32))
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

    /** One page of the lines {@code query} selects, newest first ({@code page} from 0, {@code size} 1 to 200). */
    public Found search(Query query, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.addValue("from", DbTime.param(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.addValue("to", DbTime.param(query.to()));
        }
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.addValue("actor", query.actor());
        }
        if (query.area() != null) {
            where.add("area = :area");
            params.addValue("area", query.area());
        }
        if (query.action() != null) {
            where.add("action = :action");
            params.addValue("action", query.action());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM admin_audit" + filter).paramSource(params).query(Long.class)
                .single();
        List<Entry> entries = jdbc.sql("SELECT * FROM admin_audit" + filter
                + " ORDER BY occurred_at DESC, id DESC OFFSET " + (long) p * s + " ROWS FETCH NEXT " + s + " ROWS ONLY")
                .paramSource(params).query(AdminAudit::map).list();
        return new Found(entries, total, p, s);
    }

    /** The usernames that appear in the audit, for a filter to choose from. */
    public List<String> actors() {
        return jdbc.sql("SELECT DISTINCT actor FROM admin_audit ORDER BY actor FETCH FIRST 500 ROWS ONLY")
                .query(String.class).list();
    }

    /** A summary of what changed, part by part; see {@link Changes}. */
    public static Changes changes() {
        return new Changes();
    }

    /**
     * The words of a line: the fields that changed, each "名称：「旧」→「新」", or the facts of something new, each
     * "名称：「值」" (left out when empty); an empty value changed reads "无". Never give it a password, a hash or a
     * key: it writes what it gets.
     */
    public static final class Changes {

        private final List<String> parts = new ArrayList<>();

        private Changes() {
        }

        /** A field, when its value changed. */
        public Changes change(String field, Object before, Object after) {
            if (!Objects.equals(shown(before), shown(after))) {
                parts.add(field + "：" + shown(before) + " → " + shown(after));
            }
            return this;
        }

        /** A field of something new (or a fact about the change), said when it has a value. */
        public Changes fact(String field, Object value) {
            if (!"无".equals(shown(value))) {
                parts.add(field + "：" + shown(value));
            }
            return this;
        }

        /** A fact already in words. */
        public Changes note(String words) {
            if (words != null && !words.isBlank()) {
                parts.add(words);
            }
            return this;
        }

        public boolean isEmpty() {
            return parts.isEmpty();
        }

        /** "head：part；part", or the head alone when nothing was added. */
        public String summary(String head) {
            return parts.isEmpty() ? head : head + "：" + String.join("；", parts);
        }

        private static String shown(Object value) {
            if (value instanceof Collection<?> c) {
                return c.isEmpty() ? "无" : "「" + String.join("、", c.stream().map(String::valueOf).toList()) + "」";
            }
            String s = value == null ? "" : value.toString().strip();
            return s.isEmpty() ? "无" : "「" + s + "」";
        }
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), DbTime.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("area"), rs.getString("target"),
                rs.getString("action"), rs.getString("detail"));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
