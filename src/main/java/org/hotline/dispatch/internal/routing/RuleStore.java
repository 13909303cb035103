package org.hotline.dispatch.internal.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.RoutingRule;
import org.hotline.dispatch.RoutingRules;
import org.hotline.organization.Categories;
import org.hotline.organization.UnitId;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.ConflictException;
import org.hotline.platform.DbTime;
import org.hotline.workorder.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The routing rules in tables {@code dispatch_rule_set} and {@code dispatch_rule}. Every intake routes, so
 * the rules are held in memory, and read again after a replacement commits on any instance (see
 * {@link ChangeSignals}): the next order routes by the new rules here at once, elsewhere within a second.
 */
@Component
class RuleStore {

    /** The topic of {@link ChangeSignals} a replacement raises. */
    static final String CHANGES = "dispatch.rules";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The rules as last saved: the list, who saved it and when, and its version for optimistic locking. */
    record RuleSet(long version, Instant updatedAt, String updatedBy, RoutingRules rules) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Categories categories;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Snapshot<RuleSet> cached;

    RuleStore(JdbcClient jdbc, ObjectMapper json, Categories categories, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.json = json;
        this.categories = categories;
        this.clock = clock;
        this.signals = signals;
        this.cached = signals.snapshot(this::load, CHANGES);
    }

    /** The current rules; an empty list (version 0) before any were saved. */
    RuleSet current() {
        return cached.get();
    }

    /** The rules as the database holds them now (in a transaction: as it will commit), not the cached copy. */
    RuleSet committed() {
        return load();
    }

    /** Whether rules were ever saved (then the default rules are not loaded again, even if the list is empty). */
    boolean initialised() {
        return jdbc.sql("SELECT COUNT(*) FROM dispatch_rule_set").query(Long.class).single() > 0;
    }

    /**
     * Replaces the whole ordered list; call inside a transaction, after checking the rules. With
     * {@code expectedVersion}, a list changed by someone else in between is a conflict, not overwritten.
     */
    RuleSet replace(List<RoutingRule> rules, Long expectedVersion, String actor) {
        Instant now = clock.instant();
        Optional<Long> version = jdbc.sql("SELECT version FROM dispatch_rule_set WHERE id = 1 FOR UPDATE")
                .query(Long.class).optional();
        long current = version.orElse(0L);
        if (expectedVersion != null && expectedVersion != current) {
            throw new ConflictException("stale-version",
                    "派单规则已被其他用户修改（当前版本 " + current + "，请求版本 " + expectedVersion + "），请刷新后重试");
        }
        if (version.isEmpty()) {
            jdbc.sql("INSERT INTO dispatch_rule_set (id, version, updated_at, updated_by) VALUES (1, 1, :at, :by)")
                    .param("at", DbTime.param(now)).param("by", actor).update();
        } else {
            jdbc.sql("UPDATE dispatch_rule_set SET version = version + 1, updated_at = :at, updated_by = :by"
                    + " WHERE id = 1").param("at", DbTime.param(now)).param("by", actor).update();
        }
        jdbc.sql("DELETE FROM dispatch_rule").update();
        for (int i = 0; i < rules.size(); i++) {
            insert(i, rules.get(i));
        }
        signals.changed(CHANGES);
        return new RuleSet(current + 1, now, actor, new RoutingRules(rules, categories));
    }

    private void insert(int seq, RoutingRule rule) {
        RoutingRule.When when = rule.when();
        RoutingRule.Then then = rule.then();
        jdbc.sql("""
                INSERT INTO dispatch_rule (seq, name, active, category_prefix, keywords, areas, urgency, lead_kind,
                                           lead_unit, co_units, territorial_co_unit)
                VALUES (:seq, :name, :active, :category, :keywords, :areas, :urgency, :lead, :leadUnit, :coUnits,
                        :territorialCoUnit)""")
                .param("seq", seq).param("name", rule.name()).param("active", rule.active())
                .param("category", when.categoryPrefix()).param("keywords", write(when.keywords()))
                .param("areas", write(when.areas().stream().map(UnitId::value).toList()))
                .param("urgency", when.urgency() == null ? null : when.urgency().name())
                .param("lead", then.lead().name())
                .param("leadUnit", then.leadUnit() == null ? null : then.leadUnit().value())
                .param("coUnits", write(then.coUnits().stream().map(UnitId::value).toList()))
                .param("territorialCoUnit", then.territorialCoUnit())
                .update();
    }

    private RuleSet load() {
        List<RoutingRule> rules = jdbc.sql("SELECT * FROM dispatch_rule ORDER BY seq").query(this::map).list();
        return jdbc.sql("SELECT * FROM dispatch_rule_set WHERE id = 1")
                .query((rs, row) -> new RuleSet(rs.getLong("version"),
                        DbTime.instant(rs, "updated_at"), rs.getString("updated_by"),
                        new RoutingRules(rules, categories)))
                .optional()
                .orElseGet(() -> new RuleSet(0, null, null, new RoutingRules(rules, categories)));
    }

    private RoutingRule map(ResultSet rs, int row) throws SQLException {
        String urgency = rs.getString("urgency");
        String leadUnit = rs.getString("lead_unit");
        RoutingRule.When when = new RoutingRule.When(rs.getString("category_prefix"), read(rs.getString("keywords")),
                read(rs.getString("areas")).stream().map(UnitId::new).toList(),
                urgency == null ? null : Urgency.valueOf(urgency));
        RoutingRule.Then then = new RoutingRule.Then(RoutingRule.Lead.valueOf(rs.getString("lead_kind")),
                leadUnit == null ? null : new UnitId(leadUnit),
                read(rs.getString("co_units")).stream().map(UnitId::new).toList(),
                rs.getBoolean("territorial_co_unit"));
        return new RoutingRule(rs.getString("name"), rs.getBoolean("active"), when, then);
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    private List<String> read(String value) {
        try {
            return value == null || value.isBlank() ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispatch_rule holds a malformed list: " + value, e);
        }
    }
}
