package org.hotline.workorder.internal;

import static org.hotline.platform.DbTime.instant;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.Query;
import org.hotline.deadline.Deadlines;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.platform.JdbcBatches;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.Extension;
import org.hotline.workorder.HandlingClock;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.Merge;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderClocks;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Registration;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.Reply;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnRequest;
import org.hotline.workorder.Supervision;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work orders in plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode. The order row carries a
 * version for optimistic locking; co-units are rewritten with their order; replies and history rows are only
 * ever inserted. The child rows of one save go as JDBC batches ({@link JdbcBatches}): one round trip each.
 */
@Repository
class JdbcWorkOrders implements WorkOrders {

    /** Statuses in which the handling clock runs, so an order in them past its deadline is overdue. */
    private static final List<String> RUNNING = List.of(OrderStatus.DISPATCHED.name(), OrderStatus.IN_PROGRESS.name());

    private final JdbcClient jdbc;
    private final JdbcBatches batches;
    private final Deadlines deadlines;
    /** The keyword search's index; null: every keyword search reads the table. */
    private final OrderSearchIndex searchIndex;

    @Autowired
    JdbcWorkOrders(JdbcClient jdbc, JdbcBatches batches, Deadlines deadlines, OrderSearchIndex searchIndex) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.deadlines = deadlines;
        this.searchIndex = searchIndex;
    }

    /** Without the keyword search's index (upgrade tests on a bare database). */
    JdbcWorkOrders(JdbcClient jdbc, JdbcBatches batches, Deadlines deadlines) {
        this(jdbc, batches, deadlines, null);
    }

    @Override
    public Optional<WorkOrder> find(OrderNumber number) {
        List<WorkOrder> found = load("WHERE number = :number", new MapSqlParameterSource("number", number.value()));
        return found.stream().findFirst();
    }

    @Override
    public List<WorkOrder> findAll(Collection<OrderNumber> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return load("WHERE number IN (:numbers)",
                new MapSqlParameterSource("numbers", numbers.stream().map(OrderNumber::value).distinct().toList()));
    }

    @Override
    public List<WorkOrder> mergedInto(OrderNumber master) {
        return load("WHERE master_number = :master ORDER BY number",
                new MapSqlParameterSource("master", master.value()));
    }

    private List<WorkOrder> load(String where, MapSqlParameterSource params) {
        // each order's row waits for its co-units and replies, which the next two queries read for all of them
        Map<String, Snapshots> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM work_order " + where).paramSource(params)
                .query(rs -> {
                    rows.put(rs.getString("number"), snapshot(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> numbers = List.copyOf(rows.keySet());
        Map<String, List<CoUnit>> coUnits = new HashMap<>();
        jdbc.sql("SELECT * FROM work_order_co_unit WHERE order_number IN (:n) ORDER BY added_at, unit_id")
                .param("n", numbers)
                .query(rs -> {
                    coUnits.computeIfAbsent(rs.getString("order_number"), k -> new ArrayList<>()).add(coUnit(rs));
                });
        Map<String, List<Reply>> replies = new HashMap<>();
        jdbc.sql("SELECT * FROM work_order_reply WHERE order_number IN (:n) ORDER BY seq")
                .param("n", numbers)
                .query(rs -> {
                    replies.computeIfAbsent(rs.getString("order_number"), k -> new ArrayList<>()).add(reply(rs));
                });
        return rows.entrySet().stream().map(row -> WorkOrder.restore(row.getValue().with(
                coUnits.getOrDefault(row.getKey(), List.of()), replies.getOrDefault(row.getKey(), List.of()))))
                .toList();
    }

    @Override
    public void add(WorkOrder order) {
        WorkOrder.Snapshot s = order.snapshot();
        jdbc.sql("""
                INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                  confidential, content, address, latitude, longitude, urgency, registered_at, registered_by,
                  category_code, status, intake_answer, lead_unit_id, dispatched_at, acknowledge_deadline,
                  acknowledged_at, handle_deadline, return_request_deadline, return_requested_at, return_reason,
                  return_suggested_unit, returns_requested, extension_days_used,
                  pending_extension_days, pending_extension_reason, redo_count, supervision_count,
                  last_supervised_at, master_number, merged_count, replied_at, closed_at, history_size,
                  intake_outcome, intake_route, at_risk_from)
                VALUES (:number, 0, :channel, :appealType, :citizenName, :citizenPhone, :confidential, :content,
                  :address, :latitude, :longitude, :urgency, :registeredAt, :registeredBy, :categoryCode, :status,
                  :intakeAnswer, :leadUnit, :dispatchedAt, :acknowledgeDeadline, :acknowledgedAt, :handleDeadline,
                  :returnRequestDeadline, :returnRequestedAt, :returnReason, :returnSuggestedUnit,
                  :returnsRequested, :extensionDaysUsed, :pendingExtensionDays,
                  :pendingExtensionReason, :redoCount, :supervisionCount, :lastSupervisedAt, :master,
                  :mergedCount, :repliedAt, :closedAt, :historySize, :intakeOutcome, :intakeRoute, :atRiskFrom)
                """).paramSource(params(s)).update();
        writeChildren(order, false);
        order.stored(0);
        if (searchIndex != null) {
            // content and address are written here and never again: the index learns them once, after the commit
            searchIndex.afterCommit(s.number().value());
        }
    }

    @Override
    public void update(WorkOrder order) {
        WorkOrder.Snapshot s = order.snapshot();
        int updated = jdbc.sql("""
                UPDATE work_order SET version = version + 1, category_code = :categoryCode, status = :status,
                  intake_answer = :intakeAnswer, lead_unit_id = :leadUnit, dispatched_at = :dispatchedAt,
                  acknowledge_deadline = :acknowledgeDeadline, acknowledged_at = :acknowledgedAt,
                  handle_deadline = :handleDeadline, return_request_deadline = :returnRequestDeadline,
                  return_requested_at = :returnRequestedAt, return_reason = :returnReason,
                  return_suggested_unit = :returnSuggestedUnit, returns_requested = :returnsRequested,
                  extension_days_used = :extensionDaysUsed,
                  pending_extension_days = :pendingExtensionDays, pending_extension_reason = :pendingExtensionReason,
                  redo_count = :redoCount, supervision_count = :supervisionCount,
                  last_supervised_at = :lastSupervisedAt, master_number = :master, merged_count = :mergedCount,
                  replied_at = :repliedAt, closed_at = :closedAt, history_size = :historySize,
                  intake_outcome = :intakeOutcome, intake_route = :intakeRoute, at_risk_from = :atRiskFrom
                WHERE number = :number AND version = :version
                """).paramSource(params(s)).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("work order " + s.number() + " changed since version "
                    + s.version());
        }
        writeChildren(order, true);
        order.stored(s.version() + 1);
    }

    private void writeChildren(WorkOrder order, boolean existing) {
        String number = order.number().value();
        if (existing) {
            jdbc.sql("DELETE FROM work_order_co_unit WHERE order_number = :n").param("n", number).update();
        }
        batches.update("""
                INSERT INTO work_order_co_unit (order_number, unit_id, added_at, added_by, deadline,
                  acknowledged_at, submitted_at, contribution, non_cooperation_at, non_cooperation_reason)
                VALUES (:n, :unit, :addedAt, :addedBy, :deadline, :ack, :sub, :contribution, :nonCoop, :nonCoopReason)
                """, order.coUnits(), c -> new MapSqlParameterSource()
                .addValue("n", number).addValue("unit", c.unit().value()).addValue("addedAt", DbTime.param(c.addedAt()))
                .addValue("addedBy", c.addedBy()).addValue("deadline", DbTime.param(c.deadline()))
                .addValue("ack", DbTime.param(c.acknowledgedAt())).addValue("sub", DbTime.param(c.submittedAt()))
                .addValue("contribution", c.contribution()).addValue("nonCoop", DbTime.param(c.nonCooperationAt()))
                .addValue("nonCoopReason", c.nonCooperationReason()));
        batches.update("""
                INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome,
                  public_reply, actions_taken, internal_note, citizen_contacted)
                VALUES (:n, :seq, :unit, :by, :at, :outcome, :publicReply, :actions, :note, :contacted)
                """, order.newReplies(), r -> new MapSqlParameterSource()
                .addValue("n", number).addValue("seq", r.seq()).addValue("unit", r.unit().value())
                .addValue("by", r.repliedBy()).addValue("at", DbTime.param(r.at()))
                .addValue("outcome", r.outcome().name())
                .addValue("publicReply", r.publicReply()).addValue("actions", r.actionsTaken())
                .addValue("note", r.internalNote()).addValue("contacted", r.citizenContacted()));
        batches.update("""
                INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role,
                  actor_unit, action, from_status, to_status, reason, detail, unit_id, other_unit_id, late)
                VALUES (:n, :seq, :at, :actor, :actorName, :actorRole, :actorUnit, :action, :from, :to,
                  :reason, :detail, :unit, :otherUnit, :late)
                """, order.newHistory(), h -> new MapSqlParameterSource()
                .addValue("n", number).addValue("seq", h.seq()).addValue("at", DbTime.param(h.at()))
                .addValue("actor", h.actor()).addValue("actorName", h.actorName())
                .addValue("actorRole", h.actorRole()).addValue("actorUnit", h.actorUnit())
                .addValue("action", h.action().name())
                .addValue("from", h.fromStatus() == null ? null : h.fromStatus().name())
                .addValue("to", h.toStatus().name()).addValue("reason", h.reason())
                .addValue("detail", h.detail())
                .addValue("unit", h.unit() == null ? null : h.unit().value(), Types.VARCHAR)
                .addValue("otherUnit", h.otherUnit() == null ? null : h.otherUnit().value(), Types.VARCHAR)
                .addValue("late", h.late(), Types.BOOLEAN));
    }

    @Override
    public List<HistoryEntry> history(OrderNumber number) {
        return jdbc.sql("SELECT * FROM work_order_history WHERE order_number = :n ORDER BY seq")
                .param("n", number.value())
                .query((rs, i) -> new HistoryEntry(rs.getInt("seq"), instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("actor_unit"),
                        OrderAction.valueOf(rs.getString("action")), status(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        rs.getString("detail"), unit(rs.getString("unit_id")), unit(rs.getString("other_unit_id")),
                        rs.getObject("late", Boolean.class)))
                .list();
    }

    /**
     * The orders the query finds, newest first. A keyword is looked for in the content and the address (lowercased,
     * anywhere in them) and as the whole order number. While the keyword search's index holds every order
     * ({@link OrderSearchIndex}), it finds exactly the orders the {@code LIKE} finds ({@link OrderTextIndex}), and:
     * <ul>
     *   <li>a keyword alone (the console's search box) is counted and paged by the index, and the table reads the
     *       page's rows only;</li>
     *   <li>with other conditions, the table checks them on the orders the index found, when there are at most
     *       {@code hotline.order-search.max-candidates};</li>
     *   <li>among a unit's orders (its users' searches), the numbers of the unit's orders come from the table's
     *       indexes and the index counts and pages the matches among them;</li>
     *   <li>otherwise the table answers alone, as it did before the index.</li>
     * </ul>
     * Every row shown is read with the same {@code LIKE}: the result is the one the table alone would give.
     */
    @Override
    public OrderPage search(OrderQuery q, Instant now) {
        Keyword keyword = Keyword.of(q.keyword());
        if (keyword != null && searchIndex != null && OrderTextIndex.indexable(keyword.lowered())) {
            Optional<OrderPage> found = searchIndexed(q, keyword, now);
            if (found.isPresent()) {
                return found.get();
            }
            searchIndex.answered(OrderSearchIndex.Answer.TABLE);
        }
        MapSqlParameterSource p = base(now);
        StringBuilder where = filters(q, p);
        if (keyword != null) {
            where.append(" AND ").append(KEYWORD);
            keyword.addTo(p);
        }
        return page(q, where, p);
    }

    /** The search with the index's help; empty when the index cannot answer now (the table then does). */
    private Optional<OrderPage> searchIndexed(OrderQuery q, Keyword keyword, Instant now) {
        Optional<OrderTextIndex.View> complete = searchIndex.complete();
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        try (OrderTextIndex.View view = complete.get()) {
            Query matching = OrderTextIndex.keyword(keyword.lowered(), keyword.exact());
            MapSqlParameterSource p = base(now);
            keyword.addTo(p);
            if (onlyKeyword(q)) {
                // the index counts and pages; the table gives the page's rows, checked by the same LIKE
                return confirmed(q, view.page(matching, offset(q), q.size()), new StringBuilder(" WHERE 1 = 1"), p,
                        OrderSearchIndex.Answer.INDEX);
            }
            // other conditions too: the table checks them on the orders the index found, if they are few enough
            // (each costs the table a read of its row: on H2 about 20-100 µs, measured)
            Query narrowed = matching;
            if (q.from() != null || q.to() != null) {
                // a millisecond wider than asked: the table decides the exact bounds
                narrowed = OrderTextIndex.and(matching, OrderTextIndex.registeredBetween(
                        q.from() == null ? null : q.from().minusMillis(1), q.to() == null ? null : q.to().plusMillis(1)));
            }
            boolean units = onlyUnits(q);
            List<String> candidates = view.all(narrowed, units ? searchIndex.fewCandidates()
                    : searchIndex.maxCandidates());
            if (candidates != null) {
                List<String> withExact = new ArrayList<>(candidates);
                withExact.add(keyword.exact());
                p.addValue("candidates", array(withExact), Types.ARRAY);
                StringBuilder where = filters(q, p);
                where.append(" AND o.number = ANY(:candidates) AND ").append(KEYWORD);
                searchIndex.answered(OrderSearchIndex.Answer.CANDIDATES);
                return Optional.of(page(q, where, p));
            }
            if (units) {
                // a unit's users searching their own orders: the numbers of the unit's orders come from the indexes
                // on lead and co-unit (V38), and the index counts and pages the matches among them
                StringBuilder where = filters(q, p);
                return confirmed(q, view.page(matching, unitOrders(q), offset(q), q.size()), where, p,
                        OrderSearchIndex.Answer.UNITS);
            }
            // many matches and other conditions: the table alone (a full read of it, as before the index)
            return Optional.empty();
        } catch (DataAccessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            searchIndex.failed(e);
            return Optional.empty();
        }
    }

    /**
     * The page the index found, as the table gives it: its rows read with the keyword's {@code LIKE} and
     * {@code where}'s conditions. A row the table does not confirm means the index is wrong: empty then (the table
     * answers), and those orders are indexed again.
     */
    private Optional<OrderPage> confirmed(OrderQuery q, OrderTextIndex.Page page, StringBuilder where,
            MapSqlParameterSource p, OrderSearchIndex.Answer answer) {
        if (page.numbers().isEmpty()) {
            searchIndex.answered(answer);
            return Optional.of(new OrderPage(List.of(), q.page(), q.size(), page.total()));
        }
        p.addValue("page", array(page.numbers()), Types.ARRAY);
        List<OrderSummary> items = jdbc.sql("SELECT o.*, " + OVERDUE + " FROM work_order o" + where
                + " AND o.number = ANY(:page) AND " + KEYWORD + " ORDER BY o.registered_at DESC, o.number DESC")
                .paramSource(p).query((rs, i) -> summary(rs, rs.getBoolean("overdue"))).list();
        if (items.size() != page.numbers().size()) {
            Set<String> unconfirmed = new HashSet<>(page.numbers());
            items.forEach(o -> unconfirmed.remove(o.number().value()));
            searchIndex.suspect(unconfirmed);
            return Optional.empty();
        }
        searchIndex.answered(answer);
        return Optional.of(new OrderPage(items, q.page(), q.size(), page.total()));
    }

    private static int offset(OrderQuery q) {
        return (int) Math.min(Integer.MAX_VALUE, (long) q.page() * q.size());
    }

    /**
     * The numbers of the orders the query's units may have: those {@code visibleTo} and {@code unit} lead or
     * co-handle, and those {@code leadUnit} leads; the same as the conditions {@link #filters} writes for them.
     */
    private Set<String> unitOrders(OrderQuery q) {
        Set<String> within = null;
        for (UnitId unit : new UnitId[] { q.visibleTo(), q.unit() }) {
            if (unit != null) {
                Set<String> handled = new HashSet<>(ledBy(unit));
                handled.addAll(jdbc.sql("SELECT order_number FROM work_order_co_unit WHERE unit_id = :unit")
                        .param("unit", unit.value()).query(String.class).list());
                within = within == null ? handled : retain(within, handled);
            }
        }
        if (q.leadUnit() != null) {
            Set<String> led = new HashSet<>(ledBy(q.leadUnit()));
            within = within == null ? led : retain(within, led);
        }
        return within == null ? Set.of() : within;
    }

    private List<String> ledBy(UnitId unit) {
        return jdbc.sql("SELECT number FROM work_order WHERE lead_unit_id = :unit").param("unit", unit.value())
                .query(String.class).list();
    }

    private static Set<String> retain(Set<String> a, Set<String> b) {
        a.retainAll(b);
        return a;
    }

    /** Whether the query asks for a keyword and units' orders (and a page) only. */
    private static boolean onlyUnits(OrderQuery q) {
        return (q.visibleTo() != null || q.unit() != null || q.leadUnit() != null) && onlyKeyword(
                new OrderQuery(q.statuses(), null, q.category(), q.channel(), q.appealType(), q.from(), q.to(),
                        q.overdue(), q.keyword(), null, q.page(), q.size(), q.callerPhone(), q.callerName(), null,
                        q.atRisk(), q.callback(), q.extensionPending()));
    }

    /** Whether the query asks for nothing but a keyword (and a page): then the index alone can count it. */
    private static boolean onlyKeyword(OrderQuery q) {
        return (q.statuses() == null || q.statuses().isEmpty()) && q.unit() == null && q.category() == null
                && q.channel() == null && q.appealType() == null && q.from() == null && q.to() == null
                && q.overdue() == null && q.visibleTo() == null && q.leadUnit() == null && q.atRisk() == null
                && q.callback() == null && !q.extensionPending() && q.callerPhone() == null
                && (q.callerName() == null || q.callerName().isBlank());
    }

    /** The keyword condition of {@link Keyword#addTo}'s parameters. */
    private static final String KEYWORD =
            "(LOWER(o.content) LIKE :keyword OR LOWER(o.address) LIKE :keyword OR o.number = :exact)";
    private static final String OVERDUE =
            "CASE WHEN o.status IN (:running) AND o.handle_deadline < :now THEN TRUE ELSE FALSE END AS overdue";

    private static MapSqlParameterSource base(Instant now) {
        return new MapSqlParameterSource("now", DbTime.param(now)).addValue("running", RUNNING);
    }

    private OrderPage page(OrderQuery q, StringBuilder where, MapSqlParameterSource p) {
        long total = jdbc.sql("SELECT COUNT(*) FROM work_order o" + where).paramSource(p).query(Long.class).single();
        p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        List<OrderSummary> items = jdbc.sql("SELECT o.*, " + OVERDUE + " FROM work_order o" + where
                + " ORDER BY o.registered_at DESC, o.number DESC LIMIT :limit OFFSET :offset").paramSource(p)
                .query((rs, i) -> summary(rs, rs.getBoolean("overdue"))).list();
        return new OrderPage(items, q.page(), q.size(), total);
    }

    /** Order numbers as one SQL array parameter ({@code = ANY(:p)}): one statement whatever their number. */
    private static SqlTypeValue array(List<String> numbers) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf("varchar", numbers.toArray());
            }
        };
    }

    /**
     * A search's keyword: {@code exact} as typed without the spaces around it (an order number), {@code lowered}
     * as the {@code LIKE} looks for it.
     */
    record Keyword(String exact, String lowered) {

        static Keyword of(String keyword) {
            if (keyword == null || keyword.isBlank()) {
                return null;
            }
            String exact = keyword.trim();
            return new Keyword(exact, exact.toLowerCase());
        }

        void addTo(MapSqlParameterSource p) {
            p.addValue("keyword", "%" + escapeLike(lowered) + "%").addValue("exact", exact);
        }
    }

    /** The search's conditions but the keyword, with their parameters added to {@code p}. */
    private static StringBuilder filters(OrderQuery q, MapSqlParameterSource p) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" AND o.status IN (:statuses)");
            p.addValue("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (q.visibleTo() != null) {
            where.append(" AND (o.lead_unit_id = :visibleTo OR EXISTS (SELECT 1 FROM work_order_co_unit v"
                    + " WHERE v.order_number = o.number AND v.unit_id = :visibleTo))");
            p.addValue("visibleTo", q.visibleTo().value());
        }
        if (q.unit() != null) {
            where.append(" AND (o.lead_unit_id = :unit OR EXISTS (SELECT 1 FROM work_order_co_unit c"
                    + " WHERE c.order_number = o.number AND c.unit_id = :unit))");
            p.addValue("unit", q.unit().value());
        }
        if (q.category() != null) {
            where.append(" AND (o.category_code = :category OR o.category_code LIKE :categoryPrefix)");
            p.addValue("category", q.category()).addValue("categoryPrefix", q.category() + ".%");
        }
        if (q.channel() != null) {
            where.append(" AND o.channel = :channel");
            p.addValue("channel", q.channel().name());
        }
        if (q.appealType() != null) {
            where.append(" AND o.appeal_type = :appealType");
            p.addValue("appealType", q.appealType().name());
        }
        if (q.from() != null) {
            where.append(" AND o.registered_at >= :from");
            p.addValue("from", DbTime.param(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND o.registered_at < :to");
            p.addValue("to", DbTime.param(q.to()));
        }
        if (q.overdue() != null) {
            where.append(q.overdue() ? " AND o.status IN (:running) AND o.handle_deadline < :now"
                    : " AND NOT (o.status IN (:running) AND o.handle_deadline < :now)");
        }
        if (q.leadUnit() != null) {
            where.append(" AND o.lead_unit_id = :leadUnit");
            p.addValue("leadUnit", q.leadUnit().value());
        }
        if (q.atRisk() != null) {
            // WorkOrder.isAtRisk: the clock runs, the deadline has not passed, the at-risk moment has (V27)
            String atRisk = "o.status IN (:running) AND o.handle_deadline >= :now AND o.at_risk_from IS NOT NULL"
                    + " AND o.at_risk_from <= :now";
            where.append(q.atRisk() ? " AND " + atRisk : " AND NOT (" + atRisk + ")");
        }
        if (q.callback() != null) {
            where.append(callbackCondition(q.callback(), p));
        }
        if (q.extensionPending()) {
            // only orders being handled can have one (work_order_by_status; on PostgreSQL a partial index)
            where.append(" AND o.status = 'IN_PROGRESS' AND o.pending_extension_days > 0");
        }
        if (q.callerPhone() != null) {
            // the number as registered, in any of its spellings (work_order_by_phone)
            where.append(" AND o.citizen_phone IN (:phones)");
            p.addValue("phones", Citizen.spellings(q.callerPhone()));
        }
        if (q.callerName() != null && !q.callerName().isBlank()) {
            where.append(" AND o.citizen_name LIKE :callerName");
            p.addValue("callerName", escapeLike(q.callerName().strip()) + "%");
        }
        return where;
    }

    /** What a work list reads of an order: its clocks and its sort keys, from work_order_by_lead or _by_status. */
    private static final String OPEN = """
            SELECT number, status, dispatched_at, acknowledge_deadline, handle_deadline, lead_unit_id, redo_count,
              last_supervised_at
            FROM work_order WHERE status IN (:open)""";

    /** Work lists show these: being handled by the unit, or replied and in the quality loop. */
    private static final List<String> OPEN_STATUSES = List.of(OrderStatus.DISPATCHED.name(),
            OrderStatus.IN_PROGRESS.name(), OrderStatus.RETURN_REQUESTED.name(), OrderStatus.REPLIED.name());

    @Override
    public List<OpenOrder> open(UnitId leadUnit, String category) {
        StringBuilder sql = new StringBuilder(OPEN);
        MapSqlParameterSource p = new MapSqlParameterSource("open", OPEN_STATUSES);
        if (leadUnit != null) {
            sql.append(" AND lead_unit_id = :unit");
            p.addValue("unit", leadUnit.value());
        }
        if (category != null) {
            sql.append(" AND (category_code = :category OR category_code LIKE :categoryPrefix)");
            p.addValue("category", category).addValue("categoryPrefix", escapeLike(category) + ".%");
        }
        return jdbc.sql(sql.toString()).paramSource(p).query((rs, i) -> new OpenOrder(
                new OrderNumber(rs.getString("number")), clocks(rs), unit(rs.getString("lead_unit_id")),
                rs.getInt("redo_count"), instant(rs, "last_supervised_at"))).list();
    }

    @Override
    public List<OwedPart> owedBy(UnitId unit) {
        return jdbc.sql("""
                SELECT c.*, o.status, o.dispatched_at, o.acknowledge_deadline, o.handle_deadline
                FROM work_order_co_unit c JOIN work_order o ON o.number = c.order_number
                WHERE c.unit_id = :unit AND c.submitted_at IS NULL AND c.non_cooperation_at IS NULL
                  AND o.status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED')
                """).param("unit", unit.value())
                .query((rs, i) -> new OwedPart(new OrderNumber(rs.getString("order_number")), clocks(rs), coUnit(rs)))
                .list();
    }

    @Override
    public List<OrderSummary> summaries(Collection<OrderNumber> numbers, Instant now) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM work_order WHERE number IN (:numbers)")
                .param("numbers", numbers.stream().map(OrderNumber::value).toList())
                .query((rs, i) -> summary(rs, clocks(rs).isOverdue(now))).list();
    }

    private static OrderClocks clocks(ResultSet rs) throws SQLException {
        return new OrderClocks(OrderStatus.valueOf(rs.getString("status")), instant(rs, "dispatched_at"),
                instant(rs, "acknowledge_deadline"), instant(rs, "handle_deadline"));
    }

    private static OrderSummary summary(ResultSet rs, boolean overdue) throws SQLException {
        return new OrderSummary(new OrderNumber(rs.getString("number")), OrderStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")), AppealType.valueOf(rs.getString("appeal_type")),
                Urgency.valueOf(rs.getString("urgency")), rs.getString("category_code"),
                unit(rs.getString("lead_unit_id")), citizen(rs), rs.getString("content"), rs.getString("address"),
                instant(rs, "registered_at"), instant(rs, "handle_deadline"), rs.getInt("redo_count"),
                rs.getInt("supervision_count"), overdue);
    }

    @Override
    public List<OrderNumber> withOverdueCoUnits(Instant now, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT c.order_number FROM work_order_co_unit c JOIN work_order o ON o.number = c.order_number
                WHERE c.deadline < :now AND c.submitted_at IS NULL AND c.non_cooperation_at IS NULL
                  AND o.status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED')
                ORDER BY c.order_number LIMIT :limit
                """).param("now", DbTime.param(now)).param("limit", limit)
                .query((rs, i) -> new OrderNumber(rs.getString(1))).list();
    }

    /**
     * Orders with a reached callback of the given result, made in the callback's range: read from
     * {@code callback_attempt}, the quality loop's contract table (V7) that the statistics count the same
     * callbacks from. Driven by the calls of the range ({@code callback_attempt_by_time}), never by every order;
     * each reply counts by its last reached call, as the statistics count it.
     */
    private static String callbackCondition(OrderQuery.Callback c, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder(" AND o.number IN (SELECT c.order_number FROM callback_attempt c"
                + " WHERE c.reached = TRUE");
        if (c.from() != null) {
            sql.append(" AND c.attempted_at >= :calledFrom");
            p.addValue("calledFrom", DbTime.param(c.from()));
        }
        if (c.to() != null) {
            sql.append(" AND c.attempted_at < :calledTo");
            p.addValue("calledTo", DbTime.param(c.to()));
        }
        if (c.satisfaction() != null) {
            sql.append(" AND c.satisfaction = :satisfaction");
            p.addValue("satisfaction", c.satisfaction());
        }
        if (c.resolved() != null) {
            sql.append(" AND c.resolved = :resolved");
            p.addValue("resolved", c.resolved());
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM callback_attempt l WHERE l.order_number = c.order_number"
                + " AND l.reply_seq = c.reply_seq AND l.reached = TRUE AND l.attempt > c.attempt))");
        return sql.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---------------------------------------------------------------- mapping

    /** The order's columns, by concern. {@code status_before_return} is no longer written: nothing read it. */
    private MapSqlParameterSource params(WorkOrder.Snapshot s) {
        Registration registered = s.registration();
        HandlingClock clock = s.clock();
        ReturnRequest returnRequest = s.returnRequest();
        Extension extension = s.extension();
        return new MapSqlParameterSource()
                .addValue("number", s.number().value()).addValue("version", s.version())
                .addValue("channel", registered.channel().name())
                .addValue("appealType", registered.appealType().name())
                .addValue("citizenName", registered.citizen().name())
                .addValue("citizenPhone", registered.citizen().phone())
                .addValue("confidential", registered.citizen().confidential())
                .addValue("content", registered.content())
                .addValue("address", registered.location().address())
                .addValue("latitude", registered.location().latitude())
                .addValue("longitude", registered.location().longitude())
                .addValue("urgency", registered.urgency().name())
                .addValue("registeredAt", DbTime.param(registered.at())).addValue("registeredBy", registered.by())
                .addValue("categoryCode", s.categoryCode()).addValue("status", s.status().name())
                .addValue("intakeAnswer", s.intakeAnswer()).addValue("leadUnit", id(s.leadUnit()))
                .addValue("dispatchedAt", DbTime.param(clock.dispatchedAt()))
                .addValue("acknowledgeDeadline", DbTime.param(clock.acknowledgeDeadline()))
                .addValue("acknowledgedAt", DbTime.param(clock.acknowledgedAt()))
                .addValue("handleDeadline", DbTime.param(clock.handleDeadline()))
                .addValue("returnRequestDeadline", DbTime.param(clock.returnRequestDeadline()))
                .addValue("returnsRequested", returnRequest.count())
                .addValue("returnRequestedAt", DbTime.param(returnRequest.requestedAt()))
                .addValue("returnReason", returnRequest.reason())
                .addValue("returnSuggestedUnit", id(returnRequest.suggestedUnit()))
                .addValue("extensionDaysUsed", extension.daysUsed())
                .addValue("pendingExtensionDays", extension.pendingDays())
                .addValue("pendingExtensionReason", extension.pendingReason())
                .addValue("redoCount", s.redoCount())
                .addValue("supervisionCount", s.supervision().count())
                .addValue("lastSupervisedAt", DbTime.param(s.supervision().lastAt()))
                .addValue("master", s.merge().master() == null ? null : s.merge().master().value())
                .addValue("mergedCount", s.merge().mergedCount())
                .addValue("repliedAt", DbTime.param(s.repliedAt())).addValue("closedAt", DbTime.param(s.closedAt()))
                .addValue("historySize", s.historySize())
                .addValue("intakeOutcome", s.intakeOutcome() == null ? null : s.intakeOutcome().name(), Types.VARCHAR)
                .addValue("intakeRoute", s.intakeRoute(), Types.VARCHAR)
                .addValue("atRiskFrom", DbTime.param(atRiskFrom(deadlines, clock.dispatchedAt(), clock.handleDeadline())));
    }

    /**
     * When the order becomes 临期, as {@link WorkOrder#isAtRisk} decides it: stored beside the deadline so that a
     * list or count of the orders at risk is a condition in SQL (V27). Null without a running clock.
     */
    static Instant atRiskFrom(Deadlines deadlines, Instant dispatchedAt, Instant handleDeadline) {
        if (dispatchedAt == null || handleDeadline == null || handleDeadline.isBefore(dispatchedAt)) {
            return null;
        }
        return deadlines.atRiskFrom(dispatchedAt, handleDeadline);
    }

    /** An order's snapshot, given its co-units and replies. */
    private interface Snapshots {
        WorkOrder.Snapshot with(List<CoUnit> coUnits, List<Reply> replies);
    }

    /** An order's row, by concern; its co-units and replies are other tables'. */
    private static Snapshots snapshot(ResultSet rs) throws SQLException {
        OrderNumber number = new OrderNumber(rs.getString("number"));
        long version = rs.getLong("version");
        Registration registration = new Registration(Channel.valueOf(rs.getString("channel")),
                AppealType.valueOf(rs.getString("appeal_type")), citizen(rs), rs.getString("content"),
                new Location(rs.getString("address"), nullableDouble(rs, "latitude"), nullableDouble(rs, "longitude")),
                Urgency.valueOf(rs.getString("urgency")), instant(rs, "registered_at"), rs.getString("registered_by"));
        String categoryCode = rs.getString("category_code");
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        String intakeAnswer = rs.getString("intake_answer");
        UnitId leadUnit = unit(rs.getString("lead_unit_id"));
        HandlingClock clock = new HandlingClock(instant(rs, "dispatched_at"), instant(rs, "acknowledge_deadline"),
                instant(rs, "acknowledged_at"), instant(rs, "handle_deadline"), instant(rs, "return_request_deadline"));
        ReturnRequest returnRequest = new ReturnRequest(rs.getInt("returns_requested"),
                instant(rs, "return_requested_at"), rs.getString("return_reason"),
                unit(rs.getString("return_suggested_unit")));
        Extension extension = new Extension(rs.getInt("extension_days_used"), rs.getInt("pending_extension_days"),
                rs.getString("pending_extension_reason"));
        int redoCount = rs.getInt("redo_count");
        Supervision supervision = new Supervision(rs.getInt("supervision_count"), instant(rs, "last_supervised_at"));
        String master = rs.getString("master_number");
        Merge merge = new Merge(master == null ? null : new OrderNumber(master), rs.getInt("merged_count"));
        Instant closedAt = instant(rs, "closed_at");
        int historySize = rs.getInt("history_size");
        String outcome = rs.getString("intake_outcome");
        TriageOutcome intakeOutcome = outcome == null ? null : TriageOutcome.valueOf(outcome);
        String intakeRoute = rs.getString("intake_route");
        return (coUnits, replies) -> new WorkOrder.Snapshot(number, version, registration, categoryCode, status,
                intakeAnswer, leadUnit, clock, returnRequest, extension, redoCount, supervision, merge, closedAt,
                coUnits, replies, historySize, intakeOutcome, intakeRoute);
    }

    private static Citizen citizen(ResultSet rs) throws SQLException {
        return new Citizen(rs.getString("citizen_name"), rs.getString("citizen_phone"), rs.getBoolean("confidential"));
    }

    private static CoUnit coUnit(ResultSet rs) throws SQLException {
        return new CoUnit(new UnitId(rs.getString("unit_id")), instant(rs, "added_at"), rs.getString("added_by"),
                instant(rs, "deadline"), instant(rs, "acknowledged_at"), instant(rs, "submitted_at"),
                rs.getString("contribution"), instant(rs, "non_cooperation_at"), rs.getString("non_cooperation_reason"));
    }

    private static Reply reply(ResultSet rs) throws SQLException {
        return new Reply(rs.getInt("seq"), new UnitId(rs.getString("unit_id")), rs.getString("replied_by"),
                instant(rs, "replied_at"), ReplyOutcome.valueOf(rs.getString("outcome")), rs.getString("public_reply"),
                rs.getString("actions_taken"), rs.getString("internal_note"), rs.getBoolean("citizen_contacted"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static UnitId unit(String id) {
        return id == null ? null : new UnitId(id);
    }

    private static String id(UnitId unit) {
        return unit == null ? null : unit.value();
    }

    private static OrderStatus status(String s) {
        return s == null ? null : OrderStatus.valueOf(s);
    }
}
