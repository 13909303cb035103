package org.hotline.dispatch.internal.learning;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotline.dispatch.DispatchDirectory;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.UnitLabels;
import org.hotline.dispatch.internal.routing.DirectoryStore;
import org.hotline.organization.Categories;
import org.hotline.dispatch.internal.learning.TrainingHistory.NewExample;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderEvent;
import org.hotline.workorder.WorkOrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The learning loop: what people decide about an order becomes training data for the next model version.
 * <ul>
 * <li>A person dispatches an order (not the AI dispatcher): the category and lead unit they chose are the
 * right labels, unless the AI had suggested exactly these (then nothing is learned that the model did not
 * know). Where no suggestion was recorded, every human dispatch is an example.
 * <li>The center approves a return: the unit it re-dispatches to is the right unit for the text, and the
 * order's category stands. (The re-dispatch this causes is not counted a second time.)
 * </ul>
 * One example per label kind: the category (CATEGORY) and the lead unit (UNIT), so that a model of either
 * kind learns. The category is stored as the label the served model uses for it: a unit-level model (the one
 * that ships) knows categories only as fine as the unit needs, so a dispatcher's 09.05.01 (路灯不亮) teaches it
 * the label of the directory's group law enforcement's city duties belong to (09). Runs after the change commits, through Spring Modulith's event publication registry: a failure
 * here is retried and never undoes the dispatch.
 */
@Component
class Corrections {

    private static final Logger log = LoggerFactory.getLogger(Corrections.class);

    private final WorkOrderService orders;
    private final TrainingHistory history;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final LearningProperties properties;
    private final Clock clock;
    private final ModelRegistry registry;
    private final DirectoryStore directory;
    private final Categories categories;
    private volatile Boolean suggestionsRecorded;

    Corrections(WorkOrderService orders, TrainingHistory history, JdbcClient jdbc, DataSource dataSource,
            LearningProperties properties, Clock clock, ModelRegistry registry, DirectoryStore directory,
            Categories categories) {
        this.registry = registry;
        this.directory = directory;
        this.categories = categories;
        this.orders = orders;
        this.history = history;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    // The condition keeps the AI's own dispatches (nearly every order) out of the event publication
    // registry altogether: a publication is a row written and completed per listener, on the intake path.
    @ApplicationModuleListener(condition = "#root.args[0].actor() != '" + Actor.AI_DISPATCHER + "'")
    void on(WorkOrderEvent.Dispatched event) {
        if (WorkOrderService.AI_DISPATCHER.username().equals(event.actor()) || event.redispatch()) {
            return;
        }
        Optional<AiSuggestion> suggested = suggestion(event.order().value());
        if (suggested.isPresent() && suggested.get().agreesWith(event.categoryCode(), event.leadUnit())) {
            return;
        }
        learn(event.order().value(), event.categoryCode(), event.leadUnit());
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.ReturnApproved event) {
        learn(event.order().value(), event.categoryCode(), event.toUnit());
    }

    private void learn(String orderNumber, String categoryCode, UnitId unit) {
        WorkOrder order = orders.find(new org.hotline.workorder.OrderNumber(orderNumber), Actor.system());
        String text = order.content() == null ? "" : order.content().strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > properties.textLimit()) {
            // a long message still teaches: its beginning says what it is about
            text = text.substring(0, properties.textLimit());
        }
        List<NewExample> examples = new ArrayList<>(2);
        if (categoryCode != null) {
            examples.add(new NewExample(ExampleSource.CORRECTION, "", text, asServedLabel(categoryCode),
                    LabelKind.CATEGORY, orderNumber, order.registeredAt(), null));
        }
        if (unit != null) {
            examples.add(new NewExample(ExampleSource.CORRECTION, "", text, unit.value(), LabelKind.UNIT, orderNumber,
                    order.registeredAt(), null));
        }
        history.add(examples, clock.instant());
        log.debug("Order {} taught the dispatcher: category {}, unit {}", orderNumber, categoryCode, unit);
    }

    /**
     * The category as the served model names it: itself when the model knows it (or no model is served), else
     * the unit-level label of the directory entry it falls under (its own or the nearest ancestor's).
     */
    String asServedLabel(String code) {
        var active = registry.active();
        if (active.isEmpty() || active.get().labelKind() != LabelKind.CATEGORY) {
            return code;
        }
        return servedLabel(code, java.util.Set.of(active.get().model().labels()), directory.current(), categories);
    }

    /** {@link #asServedLabel} for a model that knows {@code known}. */
    static String servedLabel(String code, java.util.Set<String> known, DispatchDirectory directory,
            Categories categories) {
        if (known.contains(code)) {
            return code;
        }
        UnitLabels labels = new UnitLabels(directory, categories);
        for (String at = code; at != null; at = categories.find(at).map(c -> c.parentCode()).orElse(null)) {
            if (directory.entryOf(at).isPresent()) {
                String label = labels.labelOfEntry(at);
                return label != null && known.contains(label) ? label : code;
            }
            if (known.contains(at)) {
                return at;
            }
        }
        return code;
    }

    /** What the AI dispatcher suggested for the order, as the routing side records it in {@code dispatch_record}. */
    record AiSuggestion(String categoryCode, String lead) {

        boolean agreesWith(String category, UnitId unit) {
            return categoryCode != null && categoryCode.equals(category) && lead != null && unit != null
                    && lead.equals(unit.value());
        }
    }

    private Optional<AiSuggestion> suggestion(String orderNumber) {
        if (!suggestionsRecorded()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT category_code, suggested_lead FROM dispatch_record WHERE order_number = :n")
                .param("n", orderNumber)
                .query((rs, i) -> new AiSuggestion(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /**
     * Whether the table exists, asked of the metadata once: a failing query would abort the listener's
     * transaction on PostgreSQL.
     */
    private boolean suggestionsRecorded() {
        Boolean known = suggestionsRecorded;
        if (known == null) {
            try (var connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                known = exists(meta, "dispatch_record") || exists(meta, "DISPATCH_RECORD");
            } catch (java.sql.SQLException e) {
                return false;
            }
            suggestionsRecorded = known;
        }
        return known;
    }

    private static boolean exists(DatabaseMetaData meta, String table) throws java.sql.SQLException {
        try (ResultSet rs = meta.getTables(null, null, table, new String[] { "TABLE", "BASE TABLE" })) {
            return rs.next();
        }
    }
}
