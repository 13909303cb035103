package org.hotline.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hotline.workorder.Channel;
import org.hotline.workorder.IntakeTriage;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.TriageOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Table {@code triage_record}: one row per registered order with what triage suggested (outcome, target,
 * confidence, flag, evidence, knowledge answers shown, the rules' version) and what a person decided (null while
 * an order held for a person waits). The texts read to people are not stored: they come from the rules when the
 * record is shown. This is how triage is measured in use (how often the operators follow it) and counted.
 */
@Component
class TriageRecords {

    /** A stored suggestion with what became of it. */
    record Stored(String orderNumber, Instant advisedAt, Channel channel, String rulesVersion, TriageOutcome suggested,
            String suggestedRoute, double confidence, boolean flagged, String note,
            List<IntakeTriage.Evidence> evidence, List<IntakeTriage.KnowledgeHit> knowledge, TriageOutcome decided,
            String decidedRoute, String decidedBy, Instant decidedAt) {
    }

    /** An order held for a person, for the list of those waiting. */
    record Held(String number, Instant registeredAt, String content, Stored record) {
    }

    private static final TypeReference<List<IntakeTriage.Evidence>> EVIDENCE = new TypeReference<>() {
    };
    private static final TypeReference<List<IntakeTriage.KnowledgeHit>> KNOWLEDGE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TriageRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The insert of one triage decision, its values worked out now: intake prepares it before its transaction and
     * runs it inside, before the order row (hence no foreign key to work_order).
     */
    Runnable prepare(OrderNumber number, Channel channel, IntakeTriage.Advice advice, Instant at,
            TriageOutcome decided, String decidedRoute, String decidedBy) {
        // the answers read out are long and live in the knowledge base: the record keeps which entries were shown
        List<IntakeTriage.KnowledgeHit> shown = advice.knowledge().stream()
                .map(k -> new IntakeTriage.KnowledgeHit(k.entry(), k.title(), null, k.score())).toList();
        var statement = jdbc.sql("""
                INSERT INTO triage_record (order_number, decided_at, channel, rules_version, suggested, suggested_route,
                    confidence, flagged, note, evidence, knowledge, final_outcome, final_route, final_by, final_at)
                VALUES (:n, :at, :channel, :version, :suggested, :route, :confidence, :flagged, :note, :evidence,
                    :knowledge, :final, :finalRoute, :finalBy, :finalAt)""")
                .param("n", number.value()).param("at", utc(at)).param("channel", channel.name())
                .param("version", truncate(advice.rulesVersion(), 64)).param("suggested", advice.outcome().name())
                .param("route", truncate(advice.target(), 64)).param("confidence", advice.confidence())
                .param("flagged", advice.flagged()).param("note", truncate(advice.note(), 500))
                .param("evidence", write(advice.evidence().stream().limit(12).toList(), 4000))
                .param("knowledge", write(shown, 4000))
                .param("final", decided == null ? null : decided.name())
                .param("finalRoute", truncate(decidedRoute, 64)).param("finalBy", decidedBy)
                .param("finalAt", decided == null ? null : utc(at));
        return statement::update;
    }

    /**
     * A person decided an order that waited (settled it, or dispatched it): the first decision is the one kept.
     *
     * @return whether the record was waiting
     */
    boolean decided(OrderNumber number, TriageOutcome outcome, String route, String by, Instant at) {
        return jdbc.sql("""
                UPDATE triage_record SET final_outcome = :final, final_route = :route, final_by = :by, final_at = :at
                 WHERE order_number = :n AND final_outcome IS NULL""")
                .param("final", outcome.name()).param("route", truncate(route, 64)).param("by", by)
                .param("at", utc(at)).param("n", number.value()).update() == 1;
    }

    Optional<Stored> find(OrderNumber number) {
        return jdbc.sql("SELECT * FROM triage_record WHERE order_number = :n").param("n", number.value())
                .query(this::map).optional();
    }

    /**
     * Registered orders triage held for a person (it suggested they are not for dispatch and nobody has decided),
     * oldest first. Read from the work order's status (its index by status and time finds the few registered
     * ones), so an order merged or dispatched meanwhile is not listed.
     */
    List<Held> held(int offset, int limit) {
        return jdbc.sql("""
                SELECT o.number AS held_number, o.registered_at AS held_registered_at, o.content AS held_content, t.*
                  FROM work_order o JOIN triage_record t ON t.order_number = o.number
                 WHERE o.status = :registered AND t.final_outcome IS NULL
                 ORDER BY o.registered_at, o.number LIMIT :limit OFFSET :offset""")
                .param("registered", OrderStatus.REGISTERED.name()).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new Held(rs.getString("held_number"), instant(rs, "held_registered_at"),
                        rs.getString("held_content"), map(rs, i)))
                .list();
    }

    long countHeld() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM work_order o JOIN triage_record t ON t.order_number = o.number
                 WHERE o.status = :registered AND t.final_outcome IS NULL""")
                .param("registered", OrderStatus.REGISTERED.name()).query(Long.class).single();
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        String decided = rs.getString("final_outcome");
        return new Stored(rs.getString("order_number"), instant(rs, "decided_at"),
                Channel.valueOf(rs.getString("channel")), rs.getString("rules_version"),
                TriageOutcome.valueOf(rs.getString("suggested")), rs.getString("suggested_route"),
                rs.getDouble("confidence"), rs.getBoolean("flagged"), rs.getString("note"),
                read(rs.getString("evidence"), EVIDENCE), read(rs.getString("knowledge"), KNOWLEDGE),
                decided == null ? null : TriageOutcome.valueOf(decided), rs.getString("final_route"),
                rs.getString("final_by"), instant(rs, "final_at"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** JSON of at most {@code max} characters: items are left off the end rather than the text cut. */
    private String write(List<?> items, int max) {
        try {
            for (int n = items.size(); n >= 0; n--) {
                String text = json.writeValueAsString(items.subList(0, n));
                if (text.length() <= max) {
                    return text;
                }
            }
            return "[]";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a triage record as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("triage_record holds malformed JSON: " + value, e);
        }
    }
}
