package org.hotline.hotissue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline.hotissue.Appeal;
import org.hotline.hotissue.HotIssue;
import org.hotline.hotissue.Measure;
import org.hotline.hotissue.Tackling;
import org.hotline.hotissue.TacklingStatus;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.platform.JdbcBatches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hot issues, their members, their tackling and history, in the V35 tables. */
@Repository
class HotIssueStore {

    /** One member row with what the grouping needs of its order. */
    record StoredMember(long seq, long issueId, boolean manual, Appeal appeal) {
    }

    /** The figures the heat is computed from, per issue. */
    record Figures(long id, String place, String placeKind, String description, Instant first, Instant last,
            int orders, int citizens, int recent, TacklingStatus tackling) {
    }

    /** An order of a hot issue as its page lists it. */
    record MemberOrder(String number, Instant appealedAt, String content, String address, String status,
            String leadUnit, boolean manual) {
    }

    private final JdbcClient jdbc;
    private final JdbcBatches batches;

    HotIssueStore(JdbcClient jdbc, JdbcBatches batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    long nextIssueId() {
        return jdbc.sql("SELECT nextval('hot_issue_ids')").query(Long.class).single();
    }

    Optional<Appeal> appealOf(String number) {
        return jdbc.sql("""
                SELECT number, citizen_phone, citizen_name, registered_at, content, address
                FROM work_order WHERE number = :n""").param("n", number)
                .query((rs, i) -> appeal(rs)).optional();
    }

    // ---- the queue of orders waiting to join their hot issue (V39)

    /** An order taken from the queue: its appeal, or none when the order is not there (nothing to attach). */
    record Queued(String number, Optional<Appeal> appeal) {
    }

    /**
     * Waits until no other batch (of any instance) runs, and keeps them waiting until this transaction ends: the
     * grouping in memory reads the members others stored by their seq, which is only safe when the transactions
     * that draw and store them commit one after another.
     */
    void lockBatches() {
        jdbc.sql("SELECT id FROM hot_issue_attach_lock WHERE id = 1 FOR UPDATE").query(Integer.class).list();
    }

    /** Queues a registered order for this instance, in the transaction that registers it (at the database's time). */
    void enqueue(String number, String instance) {
        jdbc.sql("INSERT INTO hot_issue_queue (order_number, instance_id) VALUES (:n, :instance)").param("n", number)
                .param("instance", instance).update();
    }

    /** How long another instance's queued row waits before this one takes it. */
    static final int ABANDONED_AFTER_SECONDS = 30;

    /**
     * The queued rows an instance may take: its own at once; another instance's (or one from before this queue had
     * instances) once it has waited {@link #ABANDONED_AFTER_SECONDS}, because that instance crashed or stopped.
     */
    private static final String TAKEABLE = "(q.instance_id = :instance OR q.instance_id IS NULL"
            + " OR q.queued_at < CURRENT_TIMESTAMP - INTERVAL '" + ABANDONED_AFTER_SECONDS + "' SECOND)";

    /**
     * The first {@code limit} queued orders, oldest number first, with their appeals, each of them taken: deleted
     * from the queue in this transaction. An order another instance took meanwhile (its delete counted nothing,
     * after waiting for that instance's transaction) is not returned, so that each is attached once.
     */
    List<Queued> take(int limit, Set<String> skipped, String instance) {
        List<Queued> queued = new ArrayList<>();
        jdbc.sql("""
                SELECT q.order_number, w.number, w.citizen_phone, w.citizen_name, w.registered_at, w.content, w.address
                FROM hot_issue_queue q LEFT JOIN work_order w ON w.number = q.order_number
                WHERE %s
                ORDER BY q.order_number FETCH FIRST %d ROWS ONLY""".formatted(TAKEABLE, limit + skipped.size()))
                .param("instance", instance)
                .query(rs -> {
                    String number = rs.getString("order_number");
                    if (!skipped.contains(number)) {
                        queued.add(new Queued(number, rs.getString("number") == null ? Optional.empty()
                                : Optional.of(appeal(rs))));
                    }
                });
        List<Queued> first = queued.subList(0, Math.min(limit, queued.size()));
        if (first.isEmpty()) {
            return List.of();
        }
        int[] deleted = batches.update("DELETE FROM hot_issue_queue WHERE order_number = :n", first,
                q -> new MapSqlParameterSource("n", q.number()));
        List<Queued> taken = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            if (deleted[i] != 0) {
                taken.add(first.get(i));
            }
        }
        return taken;
    }

    /** The first {@code limit} numbers in the queue, but those in {@code skipped}. */
    List<String> queuedNumbers(int limit, Set<String> skipped, String instance) {
        return jdbc.sql("SELECT q.order_number FROM hot_issue_queue q WHERE %s ORDER BY q.order_number FETCH FIRST %d ROWS ONLY"
                .formatted(TAKEABLE, limit + skipped.size())).param("instance", instance).query(String.class).list().stream()
                .filter(n -> !skipped.contains(n)).limit(limit).toList();
    }

    /** Which of these orders are members of a hot issue already. */
    Set<String> members(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT order_number FROM hot_issue_member WHERE order_number IN (:n)")
                .param("n", numbers).query(String.class).list());
    }

    private static Appeal appeal(ResultSet rs) throws SQLException {
        String citizen = rs.getString("citizen_phone");
        if (citizen == null || citizen.isBlank()) {
            citizen = rs.getString("citizen_name");
        }
        return Appeal.of(rs.getString("number"), citizen, DbTime.instant(rs, "registered_at"), "",
                rs.getString("content"), rs.getString("address"));
    }

    /** The members whose appeal is after {@code since} (or whose row came after {@code afterSeq}), oldest first. */
    List<StoredMember> membersSince(Instant since, long afterSeq) {
        return jdbc.sql("""
                SELECT m.seq, m.issue_id, m.manual, w.number, w.citizen_phone, w.citizen_name, w.registered_at,
                       w.content, w.address
                FROM hot_issue_member m JOIN work_order w ON w.number = m.order_number
                WHERE m.appealed_at >= :since AND m.seq > :after
                ORDER BY m.appealed_at, m.seq""")
                .param("since", DbTime.param(since)).param("after", afterSeq)
                .query((rs, i) -> new StoredMember(rs.getLong("seq"), rs.getLong("issue_id"), rs.getBoolean("manual"),
                        appeal(rs)))
                .list();
    }

    /** Whether an issue was opened by a supervisor taking an order out of another. */
    boolean wasMadeApart(long issueId) {
        return jdbc.sql("SELECT apart FROM hot_issue WHERE id = :i").param("i", issueId).query(Boolean.class)
                .optional().orElse(false);
    }

    void markApart(long issueId) {
        jdbc.sql("UPDATE hot_issue SET apart = TRUE WHERE id = :i").param("i", issueId).update();
    }

    long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM hot_issue_member").query(Long.class).single();
    }

    Optional<Long> issueOf(String number) {
        return jdbc.sql("SELECT issue_id FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Long.class).optional();
    }

    /** A new member (an order that joins for the first time, as the queue's take and its check made sure). */
    long addMember(String number, long issueId, Appeal appeal, Double similarity, Instant at) {
        long seq = jdbc.sql("SELECT nextval('hot_issue_member_seq')").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO hot_issue_member (order_number, issue_id, seq, appealed_at, citizen, manual, similarity,
                                              joined_at)
                VALUES (:n, :i, :s, :ap, :c, FALSE, :sim, :at)""")
                .param("n", number).param("i", issueId).param("s", seq).param("ap", DbTime.param(appeal.at()))
                .param("c", appeal.citizen()).param("sim", similarity).param("at", DbTime.param(at)).update();
        return seq;
    }

    long saveMember(String number, long issueId, Appeal appeal, boolean manual, Double similarity, Instant at) {
        long seq = jdbc.sql("SELECT nextval('hot_issue_member_seq')").query(Long.class).single();
        int updated = jdbc.sql("""
                UPDATE hot_issue_member SET issue_id = :i, seq = :s, manual = :m, similarity = :sim, joined_at = :at
                WHERE order_number = :n""")
                .param("i", issueId).param("s", seq).param("m", manual).param("sim", similarity)
                .param("at", DbTime.param(at)).param("n", number).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO hot_issue_member (order_number, issue_id, seq, appealed_at, citizen, manual, similarity,
                                                  joined_at)
                    VALUES (:n, :i, :s, :ap, :c, :m, :sim, :at)""")
                    .param("n", number).param("i", issueId).param("s", seq).param("ap", DbTime.param(appeal.at()))
                    .param("c", appeal.citizen()).param("m", manual).param("sim", similarity)
                    .param("at", DbTime.param(at)).update();
        }
        return seq;
    }

    /** Moves every member of one issue to another (an appeal bridged them). */
    void moveMembers(long from, long to) {
        jdbc.sql("UPDATE hot_issue_member SET issue_id = :to WHERE issue_id = :from").param("to", to)
                .param("from", from).update();
        jdbc.sql("UPDATE hot_issue SET merged_into = :to, orders = 0, citizens = 0 WHERE id = :from")
                .param("to", to).param("from", from).update();
    }

    /** Writes an issue's place, description and counts as the grouping now sees them. */
    void saveIssue(HotIssue issue) {
        int updated = jdbc.sql("""
                UPDATE hot_issue SET place = :p, place_kind = :k, description = :d, first_at = :f, last_at = :l,
                       orders = :o, citizens = :c, merged_into = NULL
                WHERE id = :id""")
                .param("p", clip(issue.place(), 200)).param("k", issue.placeKind() == null ? null
                        : issue.placeKind().name())
                .param("d", clip(issue.description(), 500)).param("f", DbTime.param(issue.first()))
                .param("l", DbTime.param(issue.last())).param("o", issue.heat().orders())
                .param("c", issue.heat().citizens()).param("id", issue.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO hot_issue (id, place, place_kind, description, first_at, last_at, orders, citizens)
                    VALUES (:id, :p, :k, :d, :f, :l, :o, :c)""")
                    .param("id", issue.id()).param("p", clip(issue.place(), 200))
                    .param("k", issue.placeKind() == null ? null : issue.placeKind().name())
                    .param("d", clip(issue.description(), 500)).param("f", DbTime.param(issue.first()))
                    .param("l", DbTime.param(issue.last())).param("o", issue.heat().orders())
                    .param("c", issue.heat().citizens()).update();
        }
    }

    void emptyIssue(long id) {
        jdbc.sql("UPDATE hot_issue SET orders = 0, citizens = 0 WHERE id = :id").param("id", id).update();
    }

    private static final String FIGURES = """
            SELECT h.id, h.place, h.place_kind, h.description, h.first_at, h.last_at, h.orders, h.citizens,
                   (SELECT COUNT(*) FROM hot_issue_member r WHERE r.issue_id = h.id AND r.appealed_at > :recent
                        AND r.appealed_at <= :asOf) AS recent,
                   t.status AS tackling
            FROM hot_issue h LEFT JOIN tackling t ON t.issue_id = h.id
            """;

    private static Figures figures(ResultSet rs) throws SQLException {
        String t = rs.getString("tackling");
        return new Figures(rs.getLong("id"), rs.getString("place"), rs.getString("place_kind"),
                rs.getString("description"), DbTime.instant(rs, "first_at"), DbTime.instant(rs, "last_at"),
                rs.getInt("orders"), rs.getInt("citizens"), rs.getInt("recent"),
                t == null ? null : TacklingStatus.valueOf(t));
    }

    /** The issues with an appeal between {@code from} and {@code asOf} raised by at least two citizens. */
    List<Figures> active(Instant from, Instant asOf, Instant recentFrom) {
        return jdbc.sql(FIGURES + """
                WHERE h.last_at >= :from AND h.first_at <= :asOf AND h.citizens >= 2 AND h.merged_into IS NULL""")
                .param("from", DbTime.param(from)).param("asOf", DbTime.param(asOf))
                .param("recent", DbTime.param(recentFrom)).query((rs, i) -> figures(rs)).list();
    }

    Optional<Figures> figures(long id, Instant asOf, Instant recentFrom) {
        return jdbc.sql(FIGURES + " WHERE h.id = :id").param("id", id).param("asOf", DbTime.param(asOf))
                .param("recent", DbTime.param(recentFrom)).query((rs, i) -> figures(rs)).optional();
    }

    /** The issues among whose orders the unit is the lead unit, between two moments, with the unit's share. */
    List<Figures> ofUnit(String unit, Instant from, Instant to, Instant recentFrom) {
        return jdbc.sql(FIGURES + """
                WHERE h.merged_into IS NULL AND h.citizens >= 2 AND h.id IN (
                    SELECT m.issue_id FROM hot_issue_member m JOIN work_order w ON w.number = m.order_number
                    WHERE w.lead_unit_id = :unit AND m.appealed_at >= :from AND m.appealed_at < :asOf)""")
                .param("unit", unit).param("from", DbTime.param(from)).param("asOf", DbTime.param(to))
                .param("recent", DbTime.param(recentFrom)).query((rs, i) -> figures(rs)).list();
    }

    List<MemberOrder> orders(long issueId, int limit) {
        return jdbc.sql("""
                SELECT w.number, m.appealed_at, w.content, w.address, w.status, w.lead_unit_id, m.manual
                FROM hot_issue_member m JOIN work_order w ON w.number = m.order_number
                WHERE m.issue_id = :i ORDER BY m.appealed_at DESC, w.number LIMIT :lim""")
                .param("i", issueId).param("lim", limit)
                .query((rs, i) -> new MemberOrder(rs.getString("number"), DbTime.instant(rs, "appealed_at"),
                        rs.getString("content"), rs.getString("address"), rs.getString("status"),
                        rs.getString("lead_unit_id"), rs.getBoolean("manual")))
                .list();
    }

    int countBetween(long issueId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM hot_issue_member WHERE issue_id = :i AND appealed_at >= :f AND appealed_at < :t""")
                .param("i", issueId).param("f", DbTime.param(from)).param("t", DbTime.param(to))
                .query(Integer.class).single();
    }

    /** Distinct citizens of an issue: anonymous appeals count one each. */
    int citizens(long issueId) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT citizen) + SUM(CASE WHEN citizen IS NULL THEN 1 ELSE 0 END)
                FROM hot_issue_member WHERE issue_id = :i""").param("i", issueId).query(Integer.class).optional()
                .orElse(0);
    }

    // ---- tackling

    Optional<Tackling> tackling(long issueId) {
        List<Measure> measures = jdbc.sql("""
                SELECT seq, description, unit_id, due_on, done_on FROM tackling_measure WHERE issue_id = :i
                ORDER BY seq""").param("i", issueId)
                .query((rs, n) -> new Measure(rs.getInt("seq"), rs.getString("description"), rs.getString("unit_id"),
                        DbTime.date(rs, "due_on"), DbTime.date(rs, "done_on")))
                .list();
        List<Tackling.Entry> history = history(issueId).stream()
                .filter(e -> e.after() != null || e.before() != null).toList();
        return jdbc.sql("SELECT * FROM tackling WHERE issue_id = :i").param("i", issueId)
                .query((rs, n) -> {
                    String co = rs.getString("co_units");
                    String month = rs.getString("for_month");
                    String lead = rs.getString("lead_unit");
                    return Tackling.restore(issueId, TacklingStatus.valueOf(rs.getString("status")),
                            month == null ? null : YearMonth.parse(month), lead == null ? null : new UnitId(lead),
                            co.isEmpty() ? List.of() : Arrays.stream(co.split(",")).map(UnitId::new).toList(),
                            measures, rs.getString("result"), DbTime.instant(rs, "chosen_at"),
                            DbTime.instant(rs, "result_at"), history);
                }).optional();
    }

    /** Writes the tackling's state, its measures, and the history lines it added since it was read. */
    void save(Tackling t, int historyBefore, int measuresBefore) {
        var row = jdbc.sql("""
                UPDATE tackling SET status = :s, for_month = :m, lead_unit = :l, co_units = :c, result = :r,
                       chosen_at = :ca, result_at = :ra, version = version + 1
                WHERE issue_id = :i""");
        int updated = bind(row, t).update();
        if (updated == 0) {
            bind(jdbc.sql("""
                    INSERT INTO tackling (issue_id, status, for_month, lead_unit, co_units, result, chosen_at, result_at,
                                          version)
                    VALUES (:i, :s, :m, :l, :c, :r, :ca, :ra, 0)"""), t).update();
        }
        List<Measure> measures = t.measures();
        for (Measure m : measures) {
            if (m.seq() > measuresBefore) {
                jdbc.sql("""
                        INSERT INTO tackling_measure (issue_id, seq, description, unit_id, due_on, done_on)
                        VALUES (:i, :s, :d, :u, :due, :done)""")
                        .param("i", t.issueId()).param("s", m.seq()).param("d", m.description()).param("u", m.unit())
                        .param("due", m.due()).param("done", m.done()).update();
            } else {
                jdbc.sql("UPDATE tackling_measure SET done_on = :done WHERE issue_id = :i AND seq = :s")
                        .param("done", m.done()).param("i", t.issueId()).param("s", m.seq()).update();
            }
        }
        List<Tackling.Entry> history = t.history();
        for (Tackling.Entry e : history.subList(historyBefore, history.size())) {
            appendHistory(t.issueId(), e);
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Tackling t) {
        return spec.param("i", t.issueId()).param("s", t.status().name())
                .param("m", t.month() == null ? null : t.month().toString())
                .param("l", t.leadUnit() == null ? null : t.leadUnit().value())
                .param("c", String.join(",", t.coUnits().stream().map(UnitId::value).toList()))
                .param("r", t.result()).param("ca", t.chosenAt() == null ? null : DbTime.param(t.chosenAt()))
                .param("ra", t.resultAt() == null ? null : DbTime.param(t.resultAt()));
    }

    void appendHistory(long issueId, Tackling.Entry e) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM hot_issue_history WHERE issue_id = :i")
                .param("i", issueId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO hot_issue_history (issue_id, seq, occurred_at, actor, action, detail, status_before,
                                               status_after)
                VALUES (:i, :s, :at, :a, :ac, :d, :b, :af)""")
                .param("i", issueId).param("s", seq).param("at", DbTime.param(e.at())).param("a", e.actor())
                .param("ac", e.action()).param("d", clip(e.detail(), 4000))
                .param("b", e.before() == null ? null : e.before().name())
                .param("af", e.after() == null ? null : e.after().name()).update();
    }

    List<Tackling.Entry> history(long issueId) {
        return jdbc.sql("SELECT * FROM hot_issue_history WHERE issue_id = :i ORDER BY seq").param("i", issueId)
                .query((rs, n) -> {
                    String b = rs.getString("status_before");
                    String a = rs.getString("status_after");
                    return new Tackling.Entry(DbTime.instant(rs, "occurred_at"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("detail"), b == null ? null : TacklingStatus.valueOf(b),
                            a == null ? null : TacklingStatus.valueOf(a));
                }).list();
    }

    List<Figures> tackled(Instant asOf, Instant recentFrom) {
        return jdbc.sql(FIGURES + " WHERE t.status IS NOT NULL ORDER BY h.id DESC LIMIT 200")
                .param("asOf", DbTime.param(asOf)).param("recent", DbTime.param(recentFrom))
                .query((rs, i) -> figures(rs)).list();
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
