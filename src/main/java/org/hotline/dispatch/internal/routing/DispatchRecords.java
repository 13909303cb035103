package org.hotline.dispatch.internal.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.Suggestion;
import org.hotline.dispatch.UnitSuggestion;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Table {@code dispatch_record}: one row per registered order with what the AI dispatcher decided (at intake,
 * or again when a new model was served while the order waited in the manual queue), and, once a person
 * dispatches, the lead they chose and whether it differs from the suggestion they saw. This is how
 * the accuracy of automatic dispatch is measured and where corrections come from.
 */
@Component
class DispatchRecords {

    /**
     * A suggested unit as stored: ids only, names are looked up when shown (a unit may be renamed meanwhile).
     * {@code probability} is the unit's; {@code categories} the categories behind it (absent in records made
     * before the unit was the decision).
     */
    record StoredSuggestion(String leadUnit, List<String> coUnits, String categoryCode, double probability,
            List<String> evidence, String rule, String manualReason, List<StoredCategory> categories) {

        StoredSuggestion {
            categories = categories == null ? List.of() : categories;
        }
    }

    /** A category behind a suggested unit, with its probability. */
    record StoredCategory(String code, double probability) {
    }

    /** A stored decision, as the manual queue shows it. */
    record Stored(String orderNumber, Instant decidedAt, String modelVersion, String labelKind, double confidence,
            Double unitConfidence,
            String categoryCode, String suggestedLead, List<String> suggestedCoUnits, String territorialUnit,
            String placeMatch, String rule, boolean automatic, String manualReason,
            List<StoredSuggestion> suggestions, String finalLead, Boolean humanChanged, Instant readvisedAt) {
    }

    private static final TypeReference<List<StoredSuggestion>> SUGGESTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DispatchRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The insert of one decision, with its values (JSON included) worked out now: intake prepares it before its
     * transaction and runs it inside, before the order row: hence no foreign key to work_order. One row per
     * order, made at intake: an order number is never reused, so there is nothing to replace (only
     * {@link #renew} replaces its advice later).
     */
    Runnable prepare(OrderNumber number, DispatchAdvice advice, Instant at) {
        var statement = jdbc.sql("""
                INSERT INTO dispatch_record (order_number, decided_at, model_version, label_kind, top3, confidence,
                    unit_confidence, category_code, suggested_lead, suggested_co_units, territorial_unit, place_match,
                    rule_name, automatic, manual_reason, suggestions)
                VALUES (:n, :at, :model, :kind, :top3, :confidence, :unitConfidence, :category, :lead, :coUnits,
                    :territorial, :place, :rule, :automatic, :reason, :suggestions)""")
                .params(values(number, advice, at, advice.automatic(), advice.manualReason()));
        return statement::update;
    }

    /**
     * A newly served model's advice for an order still waiting for a person, in place of the advice it had
     * (none, if the order never had a record): suggestions only, never an automatic dispatch, which the manual
     * reason says. A record a person has completed is left alone.
     *
     * @return whether the record now holds this advice
     */
    boolean renew(OrderNumber number, DispatchAdvice advice, Instant at, boolean missing) {
        String reason = advice.automatic()
                ? String.format(Locale.ROOT, "模型版本 %s 启用后重新给出建议（置信度 %.2f）；工单受理后已在待派单队列中，"
                        + "不再自动派单，由派单员确认", advice.modelVersion(), advice.confidence())
                : "模型版本 " + advice.modelVersion() + " 启用后重新给出建议：" + advice.manualReason();
        Map<String, Object> values = values(number, advice, at, false, reason);
        if (missing) {
            jdbc.sql("""
                    INSERT INTO dispatch_record (order_number, decided_at, model_version, label_kind, top3, confidence,
                        unit_confidence, category_code, suggested_lead, suggested_co_units, territorial_unit,
                        place_match, rule_name, automatic, manual_reason, suggestions, readvised_at)
                    VALUES (:n, :at, :model, :kind, :top3, :confidence, :unitConfidence, :category, :lead, :coUnits,
                        :territorial, :place, :rule, :automatic, :reason, :suggestions, :at)""").params(values).update();
            return true;
        }
        return jdbc.sql("""
                UPDATE dispatch_record
                   SET readvised_at = :at, model_version = :model, label_kind = :kind, top3 = :top3,
                       confidence = :confidence, unit_confidence = :unitConfidence, category_code = :category, suggested_lead = :lead,
                       suggested_co_units = :coUnits, territorial_unit = :territorial, place_match = :place,
                       rule_name = :rule, automatic = :automatic, manual_reason = :reason, suggestions = :suggestions
                 WHERE order_number = :n AND final_lead IS NULL""").params(values).update() == 1;
    }

    private Map<String, Object> values(OrderNumber number, DispatchAdvice advice, Instant at, boolean automatic,
            String manualReason) {
        Map<String, Object> values = new HashMap<>();
        values.put("n", number.value());
        values.put("at", DbTime.param(at));
        values.put("model", truncate(advice.modelVersion(), 64));
        values.put("kind", advice.labelKind() == null ? null : advice.labelKind().name());
        values.put("top3", truncate(write(advice.ranked().stream().map(DispatchRecords::limited).toList()), 4000));
        // confidence: the top category's probability, as the model said it; unit_confidence: what the decision
        // was taken on (the probability that the suggested lead should lead)
        values.put("confidence", advice.categoryConfidence());
        values.put("unitConfidence", advice.confidence());
        values.put("category", truncate(advice.categoryCode(), 32));
        values.put("lead", advice.lead() == null ? null : advice.lead().value());
        values.put("coUnits", write(ids(advice.coUnits())));
        values.put("territorial", advice.territorialUnit() == null ? null : advice.territorialUnit().value());
        values.put("place", advice.place() == null ? null : truncate(advice.place().describe(), 200));
        values.put("rule", advice.rule());
        values.put("automatic", automatic);
        values.put("reason", truncate(manualReason, 500));
        values.put("suggestions", write(advice.suggestions().stream().map(DispatchRecords::stored).toList()));
        return values;
    }

    /**
     * A person dispatched the order: the first such dispatch is the human's verdict on the suggestion (a
     * correction when the lead differs, also when the AI had dispatched and a person sent the order elsewhere).
     */
    int recordHumanDispatch(OrderNumber number, UnitId lead, String actor, Instant at) {
        return jdbc.sql("""
                UPDATE dispatch_record
                   SET final_lead = :lead, final_by = :actor, final_at = :at,
                       human_changed = CASE WHEN suggested_lead IS NULL OR suggested_lead <> :lead THEN TRUE
                                            ELSE FALSE END
                 WHERE order_number = :n AND final_lead IS NULL""")
                .param("lead", lead.value()).param("actor", actor).param("at", DbTime.param(at))
                .param("n", number.value())
                .update();
    }

    Map<String, Stored> find(Collection<String> numbers) {
        Map<String, Stored> found = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM dispatch_record WHERE order_number IN (:numbers)").param("numbers", numbers)
                .query(this::map).list().forEach(s -> found.put(s.orderNumber(), s));
        return found;
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        boolean changed = rs.getBoolean("human_changed");
        Boolean humanChanged = rs.wasNull() ? null : changed;
        return new Stored(rs.getString("order_number"),
                DbTime.instant(rs, "decided_at"), rs.getString("model_version"),
                rs.getString("label_kind"), rs.getDouble("confidence"), rs.getObject("unit_confidence", Double.class),
                rs.getString("category_code"),
                rs.getString("suggested_lead"), read(rs.getString("suggested_co_units"), STRINGS),
                rs.getString("territorial_unit"), rs.getString("place_match"), rs.getString("rule_name"),
                rs.getBoolean("automatic"), rs.getString("manual_reason"),
                read(rs.getString("suggestions"), SUGGESTIONS), rs.getString("final_lead"), humanChanged,
                DbTime.instant(rs, "readvised_at"));
    }

    private static StoredSuggestion stored(UnitSuggestion s) {
        return new StoredSuggestion(s.leadUnit() == null ? null : s.leadUnit().value(), ids(s.coUnits()),
                s.categoryCode(), s.probability(), s.evidence().stream().limit(20).toList(), s.rule(),
                s.manualReason(), s.categories().stream().limit(8)
                        .map(c -> new StoredCategory(truncate(c.label(), 32), c.probability())).toList());
    }

    /** A model may explain itself with many words; the record keeps the first twenty of each label. */
    private static Suggestion limited(Suggestion s) {
        return new Suggestion(s.label(), s.probability(), s.evidence().stream().limit(20).toList());
    }

    private static List<String> ids(List<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dispatch record as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispatch_record holds malformed JSON: " + value, e);
        }
    }
}
