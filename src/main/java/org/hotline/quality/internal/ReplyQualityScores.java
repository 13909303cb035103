package org.hotline.quality.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.platform.DbTime;
import org.hotline.quality.ReplyQuality;
import org.hotline.quality.ReplyQualityRules;
import org.hotline.workorder.WorkOrderEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores every reply as it arrives, before anyone reviews it, and keeps the score (V35 {@code reply_quality}):
 * the review queue shows a low-quality reply's reasons to the reviewer, and each unit's figure (the mean score
 * and the share of low-quality replies) is read from these rows. Runs after the reply has committed, through the
 * event publication registry; a reply scored twice keeps its first score.
 */
@Component
class ReplyQualityScores {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ReplyQualityRules rules;

    // The reply limit the deadlines use (hotline.deadline.handle-days), read from the same key.
    ReplyQualityScores(JdbcClient jdbc, WorkingCalendar calendar,
            @Value("${hotline.deadline.handle-days:5}") int handleDays) {
        this.jdbc = jdbc;
        this.rules = new ReplyQualityRules(calendar, handleDays);
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.Replied replied) {
        score(replied.order().value());
    }

    /** Scores the order's latest reply unless it was scored already. */
    @Transactional
    public Optional<ReplyQuality> score(String number) {
        return jdbc.sql("""
                SELECT r.seq, r.unit_id, r.replied_at, r.public_reply, w.content, w.registered_at
                FROM work_order_reply r JOIN work_order w ON w.number = r.order_number
                WHERE r.order_number = :n AND NOT EXISTS (SELECT 1 FROM reply_quality q
                    WHERE q.order_number = r.order_number AND q.reply_seq = r.seq)
                ORDER BY r.seq DESC LIMIT 1""").param("n", number)
                .query((rs, i) -> {
                    Instant repliedAt = DbTime.instant(rs, "replied_at");
                    ReplyQuality q = rules.score(new ReplyQualityRules.Reply("", rs.getString("content"),
                            DbTime.instant(rs, "registered_at"), rs.getString("public_reply"), repliedAt));
                    jdbc.sql("""
                            INSERT INTO reply_quality (order_number, reply_seq, unit_id, replied_at, score, low, reasons,
                                                       parts)
                            VALUES (:n, :s, :u, :at, :score, :low, :reasons, :parts)""")
                            .param("n", number).param("s", rs.getInt("seq")).param("u", rs.getString("unit_id"))
                            .param("at", DbTime.param(repliedAt)).param("score", q.score()).param("low", q.low())
                            .param("reasons", clip(String.join("\n", q.reasons()), 2000))
                            .param("parts", clip(json(q.parts()), 8000)).update();
                    return q;
                }).optional();
    }

    /** What the reviewer reads of a reply's score. */
    record View(int score, boolean low, List<String> reasons, List<Map<String, Object>> parts) {
    }

    /** The stored score of one reply, if it was scored yet (scoring runs right after the reply commits). */
    Optional<View> find(String number, int seq) {
        return jdbc.sql("SELECT score, low, reasons, parts FROM reply_quality WHERE order_number = :n AND reply_seq = :s")
                .param("n", number).param("s", seq)
                .query((rs, i) -> view(rs.getInt("score"), rs.getBoolean("low"), rs.getString("reasons"),
                        rs.getString("parts"))).optional();
    }

    static View view(int score, boolean low, String reasons, String parts) {
        try {
            return new View(score, low, reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                    JSON.readValue(parts, new TypeReference<List<Map<String, Object>>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply_quality.parts is not the JSON this class wrote", e);
        }
    }

    /** Each unit's reply quality over a period: the assessment indicator README "Reply quality" describes. */
    record UnitFigure(String unit, int replies, double meanScore, int low, double lowShare) {
    }

    List<UnitFigure> perUnit(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT unit_id, COUNT(*) AS replies, AVG(CAST(score AS DOUBLE PRECISION)) AS mean,
                       SUM(CASE WHEN low THEN 1 ELSE 0 END) AS low
                FROM reply_quality WHERE replied_at >= :f AND replied_at < :t
                GROUP BY unit_id ORDER BY unit_id""")
                .param("f", DbTime.param(from)).param("t", DbTime.param(to))
                .query((rs, i) -> {
                    int replies = rs.getInt("replies");
                    int low = rs.getInt("low");
                    return new UnitFigure(rs.getString("unit_id"), replies, Math.round(rs.getDouble("mean") * 10) / 10.0,
                            low, Math.round(1000.0 * low / replies) / 10.0);
                }).list();
    }

    private static String json(List<ReplyQuality.Part> parts) {
        try {
            return JSON.writeValueAsString(parts.stream().map(p -> Map.of("aspect", p.aspect().name(), "label",
                    p.aspect().label(), "points", p.points(), "max", p.aspect().max(), "evidence", p.evidence(),
                    "failed", p.failed())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
