package org.hotline.quality.internal;

import static org.hotline.platform.DbTime.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.quality.CallResult;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 一把手抽访 in the V7 contract tables: each day's draw per unit ({@code leader_sample_draw}) and the orders drawn
 * ({@code leader_sample}), which only ever change once: when the leader signs.
 */
@Repository
class LeaderSamples {

    /** An order a unit replied on the sampled day, with what decides whether its leader may call the citizen. */
    record RepliedOrder(UnitId unit, OrderNumber order, Channel channel, Citizen citizen) {
    }

    /** A drawn order as its leader and the center see it. */
    record Sample(LocalDate day, UnitId unit, OrderNumber order, Instant dueAt, Instant completedAt, String leader,
            CallResult result, String content, String categoryCode, String address, Citizen citizen,
            String publicReply, Instant repliedAt) {
    }

    /** One unit's line of the daily completion report. */
    record ReportLine(UnitId unit, int repliedCount, int drawn, int completed, int overdue, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    LeaderSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every order each unit replied between {@code from} (included) and {@code to} (excluded), once per unit. */
    List<RepliedOrder> repliedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT DISTINCT r.unit_id, r.order_number, w.channel, w.citizen_name, w.citizen_phone, w.confidential
                FROM work_order_reply r JOIN work_order w ON w.number = r.order_number
                WHERE r.replied_at >= :from AND r.replied_at < :to
                ORDER BY r.unit_id, r.order_number
                """)
                .param("from", DbTime.param(from)).param("to", DbTime.param(to))
                .query((rs, i) -> new RepliedOrder(new UnitId(rs.getString("unit_id")),
                        new OrderNumber(rs.getString("order_number")), Channel.valueOf(rs.getString("channel")),
                        new Citizen(rs.getString("citizen_name"), rs.getString("citizen_phone"),
                                rs.getBoolean("confidential"))))
                .list();
    }

    boolean drawn(LocalDate day, UnitId unit) {
        return jdbc.sql("SELECT COUNT(*) FROM leader_sample_draw WHERE sample_day = :d AND unit_id = :u")
                .param("d", day).param("u", unit.value()).query(Integer.class).single() > 0;
    }

    /** Writes one unit's draw and its orders; a second draw of the same day and unit fails on the primary key. */
    void addDraw(LocalDate day, UnitId unit, int repliedCount, List<OrderNumber> drawn, Instant drawnAt, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO leader_sample_draw (sample_day, unit_id, replied_count, sample_size, drawn_at, due_at)
                VALUES (:d, :u, :replied, :size, :drawnAt, :dueAt)
                """)
                .param("d", day).param("u", unit.value()).param("replied", repliedCount).param("size", drawn.size())
                .param("drawnAt", DbTime.param(drawnAt)).param("dueAt", DbTime.param(dueAt))
                .update();
        for (OrderNumber order : drawn) {
            jdbc.sql("INSERT INTO leader_sample (sample_day, unit_id, order_number) VALUES (:d, :u, :o)")
                    .param("d", day).param("u", unit.value()).param("o", order.value())
                    .update();
        }
    }

    /**
     * A unit's samples: of one day, or (day null) every one not yet signed plus those of days from
     * {@code signedSince} on, the oldest first.
     */
    List<Sample> of(UnitId unit, LocalDate day, LocalDate signedSince) {
        String where = day != null ? "s.sample_day = :d"
                : "(s.completed_at IS NULL OR s.sample_day >= :d)";
        return jdbc.sql("""
                SELECT s.*, dr.due_at, w.content, w.category_code, w.address, w.citizen_name, w.citizen_phone,
                    w.confidential,
                    (SELECT r.public_reply FROM work_order_reply r WHERE r.order_number = s.order_number
                        AND r.unit_id = s.unit_id ORDER BY r.seq DESC LIMIT 1) AS public_reply,
                    (SELECT MAX(r.replied_at) FROM work_order_reply r WHERE r.order_number = s.order_number
                        AND r.unit_id = s.unit_id) AS replied_at
                FROM leader_sample s
                JOIN leader_sample_draw dr ON dr.sample_day = s.sample_day AND dr.unit_id = s.unit_id
                JOIN work_order w ON w.number = s.order_number
                WHERE s.unit_id = :u AND\s""" + where + """
                 ORDER BY s.sample_day, s.order_number
                """)
                .param("u", unit.value()).param("d", day != null ? day : signedSince)
                .query((rs, i) -> {
                    Boolean reached = Sql.nullableBoolean(rs, "reached");
                    CallResult result = reached == null ? null : QualityViews.callResult(rs);
                    return new Sample(DbTime.date(rs, "sample_day"), new UnitId(rs.getString("unit_id")),
                            new OrderNumber(rs.getString("order_number")), instant(rs, "due_at"),
                            instant(rs, "completed_at"), rs.getString("leader"), result, rs.getString("content"),
                            rs.getString("category_code"), rs.getString("address"),
                            new Citizen(rs.getString("citizen_name"), rs.getString("citizen_phone"),
                                    rs.getBoolean("confidential")),
                            rs.getString("public_reply"), instant(rs, "replied_at"));
                })
                .list();
    }

    Optional<Sample> find(LocalDate day, UnitId unit, OrderNumber order) {
        return of(unit, day, null).stream().filter(s -> s.order().equals(order)).findFirst();
    }

    /** The leader's signature; only a sample not yet signed is changed. Returns whether it was. */
    boolean sign(LocalDate day, UnitId unit, OrderNumber order, String leader, Instant at, CallResult result) {
        return jdbc.sql("""
                UPDATE leader_sample SET completed_at = :at, leader = :leader, reached = :reached,
                    resolved = :resolved, satisfaction = :satisfaction, comment = :comment
                WHERE sample_day = :d AND unit_id = :u AND order_number = :o AND completed_at IS NULL
                """)
                .param("at", DbTime.param(at)).param("leader", leader).param("reached", result.reached())
                .param("resolved", result.resolved())
                .param("satisfaction", result.satisfaction() == null ? null : result.satisfaction().name())
                .param("comment", result.comment())
                .param("d", day).param("u", unit.value()).param("o", order.value())
                .update() == 1;
    }

    /**
     * Per unit, for one sampled day: how many orders it replied, how many were drawn, signed, and not signed by
     * the due time (whether signed late or still open once the time has passed).
     */
    List<ReportLine> report(LocalDate day, Instant now) {
        return jdbc.sql("""
                SELECT dr.unit_id, dr.replied_count, dr.sample_size, dr.due_at,
                    (SELECT COUNT(*) FROM leader_sample s WHERE s.sample_day = dr.sample_day AND s.unit_id = dr.unit_id
                        AND s.completed_at IS NOT NULL) AS completed,
                    (SELECT COUNT(*) FROM leader_sample s WHERE s.sample_day = dr.sample_day AND s.unit_id = dr.unit_id
                        AND ((s.completed_at IS NULL AND dr.due_at < :now) OR s.completed_at > dr.due_at)) AS overdue
                FROM leader_sample_draw dr
                WHERE dr.sample_day = :d
                ORDER BY dr.unit_id
                """)
                .param("d", day).param("now", DbTime.param(now))
                .query((rs, i) -> new ReportLine(new UnitId(rs.getString("unit_id")), rs.getInt("replied_count"),
                        rs.getInt("sample_size"), rs.getInt("completed"), rs.getInt("overdue"), instant(rs, "due_at")))
                .list();
    }
}
