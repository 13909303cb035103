package org.hotline.quality.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work queues, read in one query each. They join the work-order tables read-only, for the appeal and the
 * reply the queue shows; every change to an order still goes through the work-order service. A check shows only
 * while its order stands replied with the same redo count, so a check that someone overtook outside the loop
 * (the director's override, or a direct redo) never lingers in a queue. The totals count the checks alone: joining
 * every waiting check to its order only to count them cost 100 ms at 15 000 waiting replies (QualityBenchmark),
 * and a check overtaken outside the loop is ended by the loop's listener within moments anyway.
 */
@Repository
class QualityQueues {

    private static final String CURRENT = """
            JOIN work_order w ON w.number = c.order_number AND w.status = 'REPLIED' AND w.redo_count = c.redo_count
            JOIN work_order_reply r ON r.order_number = c.order_number AND r.seq = c.reply_seq
            """;

    private final JdbcClient jdbc;

    QualityQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replies waiting for one of {@code levels}, oldest first; of one unit when {@code unit} is set. Replies the
     * viewer already decided a level of are left out: nobody decides two levels of one reply.
     */
    QualityViews.PageView<QualityViews.ReviewItem> reviews(List<ReviewLevel> levels, UnitId unit, String viewer,
            Function<String, String> unitName, int page, int size) {
        String where = """
                WHERE c.stage = 'REVIEW' AND c.current_level IN (:levels)
                AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.order_number = c.order_number
                    AND d.reply_seq = c.reply_seq AND d.reviewer = :viewer)
                """ + (unit == null ? "" : " AND c.unit_id = :unit");
        Map<String, Object> params = new HashMap<>();
        params.put("levels", levels.stream().map(Enum::name).toList());
        params.put("viewer", viewer);
        if (unit != null) {
            params.put("unit", unit.value());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM reply_check c " + where).params(params)
                .query(Long.class).single();
        List<QualityViews.ReviewItem> items = jdbc.sql("""
                SELECT c.order_number, c.reply_seq, c.unit_id, c.current_level, c.review_levels, c.redo_count,
                    c.replied_at, w.category_code, w.urgency, w.channel, w.appeal_type, w.content, w.citizen_name,
                    w.citizen_phone, w.confidential, r.replied_by, r.outcome, r.public_reply, r.actions_taken,
                    r.internal_note, r.citizen_contacted, q.score AS quality_score, q.low AS quality_low,
                    q.reasons AS quality_reasons, q.parts AS quality_parts
                FROM reply_check c
                """ + CURRENT + """
                LEFT JOIN reply_quality q ON q.order_number = c.order_number AND q.reply_seq = c.reply_seq
                """ + where + " ORDER BY c.replied_at, c.order_number LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> {
                    ReviewLevel level = ReviewLevel.valueOf(rs.getString("current_level"));
                    Citizen citizen = new Citizen(rs.getString("citizen_name"), rs.getString("citizen_phone"),
                            rs.getBoolean("confidential"));
                    return new QualityViews.ReviewItem(rs.getString("order_number"), rs.getInt("reply_seq"),
                            rs.getString("unit_id"), unitName.apply(rs.getString("unit_id")), level.name(),
                            level.label(), Arrays.asList(rs.getString("review_levels").split(",")),
                            rs.getString("category_code"), rs.getString("urgency"), rs.getString("channel"),
                            rs.getString("appeal_type"), rs.getString("content"),
                            QualityViews.nameForReviewer(citizen), QualityViews.phoneForReviewer(citizen),
                            instant(rs, "replied_at"), rs.getString("replied_by"), rs.getString("outcome"),
                            rs.getString("public_reply"), rs.getString("actions_taken"), rs.getString("internal_note"),
                            rs.getBoolean("citizen_contacted"), rs.getInt("redo_count"), new ArrayList<>(),
                            rs.getString("quality_parts") == null ? null
                                    : ReplyQualityScores.view(rs.getInt("quality_score"), rs.getBoolean("quality_low"),
                                            rs.getString("quality_reasons"), rs.getString("quality_parts")));
                })
                .list();
        attachDecisions(items);
        return new QualityViews.PageView<>(items, page, size, total);
    }

    private void attachDecisions(List<QualityViews.ReviewItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, QualityViews.ReviewItem> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.number() + "/" + i.replySeq(), i));
        jdbc.sql("SELECT * FROM review_decision WHERE order_number IN (:numbers) ORDER BY order_number, reply_seq, seq")
                .param("numbers", items.stream().map(QualityViews.ReviewItem::number).distinct().toList())
                .query(rs -> {
                    QualityViews.ReviewItem item = byKey.get(rs.getString("order_number") + "/" + rs.getInt("reply_seq"));
                    if (item != null) {
                        item.decisions().add(QualityViews.decision(ReplyChecks.decision(rs)));
                    }
                });
    }

    /**
     * Citizens to call back now: callbacks due at or before {@code now}, the longest waiting first. The agent
     * gets the full number (they must dial it) and the public reply (what the unit says it did, which the
     * citizen is asked to confirm). The unit's internal note is for the platform: for a citizen who asked for
     * confidentiality it is left out, so that nothing the unit wrote among themselves (often who the caller
     * is, or who they complained about) is read out on the phone or leaks into the agent's notes.
     */
    QualityViews.PageView<QualityViews.CallbackItem> callbacksDue(Instant now, int maxAttempts,
            Function<String, String> unitName, int page, int size) {
        String where = " WHERE c.stage = 'CALLBACK' AND c.callback_due_at <= :now";
        long total = jdbc.sql("SELECT COUNT(*) FROM reply_check c " + where).param("now", DbTime.param(now))
                .query(Long.class).single();
        List<QualityViews.CallbackItem> items = jdbc.sql(CALLBACK_ITEM + CURRENT + where
                        + " ORDER BY c.callback_due_at, c.order_number LIMIT :limit OFFSET :offset")
                .param("now", DbTime.param(now)).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> callbackItem(rs, maxAttempts, unitName))
                .list();
        return new QualityViews.PageView<>(items, page, size, total);
    }

    /**
     * One order's reply waiting for its callback, due now or later, as the queue shows it; empty when the order's
     * current reply is not waiting for a callback.
     */
    Optional<QualityViews.CallbackItem> callback(OrderNumber order, int maxAttempts, Function<String, String> unitName) {
        return jdbc.sql(CALLBACK_ITEM + CURRENT + " WHERE c.stage = 'CALLBACK' AND c.order_number = :n")
                .param("n", order.value())
                .query((rs, i) -> callbackItem(rs, maxAttempts, unitName))
                .optional();
    }

    private static final String CALLBACK_ITEM = """
            SELECT c.order_number, c.reply_seq, c.unit_id, c.redo_count, c.replied_at, c.callback_attempts,
                c.callback_due_at, w.category_code, w.urgency, w.content, w.address, w.citizen_name,
                w.citizen_phone, w.confidential, r.public_reply, r.actions_taken, r.internal_note
            FROM reply_check c
            """;

    private static QualityViews.CallbackItem callbackItem(ResultSet rs, int maxAttempts,
            Function<String, String> unitName) throws SQLException {
        boolean confidential = rs.getBoolean("confidential");
        return new QualityViews.CallbackItem(rs.getString("order_number"), rs.getInt("reply_seq"),
                rs.getString("unit_id"), unitName.apply(rs.getString("unit_id")),
                rs.getString("category_code"), rs.getString("urgency"), rs.getString("content"),
                rs.getString("address"), rs.getString("citizen_name"), rs.getString("citizen_phone"),
                confidential, instant(rs, "replied_at"), rs.getString("public_reply"),
                rs.getString("actions_taken"), confidential ? null : rs.getString("internal_note"),
                rs.getInt("callback_attempts"), maxAttempts, instant(rs, "callback_due_at"),
                rs.getInt("redo_count"));
    }

    /** Escalated orders a supervisor has not acted on yet (the order still stands replied), oldest first. */
    QualityViews.PageView<QualityViews.EscalationItem> openEscalations(Function<String, String> unitName, int page,
            int size) {
        String from = """
                FROM escalation e
                JOIN work_order w ON w.number = e.order_number AND w.status = 'REPLIED' AND w.redo_count = e.redo_count
                """;
        long total = jdbc.sql("SELECT COUNT(*) " + from).query(Long.class).single();
        List<QualityViews.EscalationItem> items = jdbc.sql("SELECT e.*, w.category_code, w.content " + from
                + " ORDER BY e.escalated_at, e.order_number LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> new QualityViews.EscalationItem(rs.getString("order_number"), rs.getInt("reply_seq"),
                        rs.getString("unit_id"), unitName.apply(rs.getString("unit_id")), rs.getInt("redo_count"),
                        instant(rs, "escalated_at"), rs.getString("escalated_by"), rs.getString("reason"),
                        rs.getString("category_code"), rs.getString("content")))
                .list();
        return new QualityViews.PageView<>(items, page, size, total);
    }
}
