package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.hotline.organization.UnitId;
import org.hotline.platform.JdbcBatches;
import org.hotline.support.SharedPostgres;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.EveryAction;
import org.hotline.workorder.EveryAction.Facts;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Reply;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V19 stores the facts of a history entry beside its text, and V19_1 fills them for the entries written before:
 * from the text exactly as the assessment read it until then, and from the records beside the history. A database
 * of the release before V19, holding the history of every action as the work order writes it, is upgraded in place
 * on H2 and on PostgreSQL: every old entry then carries the facts the work order records today, and the history is
 * append-only again.
 */
class OldHistoryGetsItsFactsWhenTheDatabaseUpgradesTest {

    @Test
    void onH2() {
        upgrades(new DriverManagerDataSource("jdbc:h2:mem:history-facts-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""),
                "h2");
    }

    @Test
    void onPostgres() {
        upgrades(new DriverManagerDataSource(SharedPostgres.newDatabase("history_facts"), SharedPostgres.USER,
                SharedPostgres.PASSWORD), "postgresql");
    }

    private static void upgrades(DataSource db, String vendor) {
        flyway(db, vendor, lastVersionBefore19(db, vendor)).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        EveryAction built = EveryAction.build(WorkOrderFixture::nextNumber);
        for (WorkOrder o : built.orders()) {
            writeAsBefore(jdbc, o);
        }
        // an entry whose text is not in the form the work order writes keeps no facts rather than a guess
        OrderNumber odd = built.returnRefused.number();
        jdbc.update("""
                INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_role, action, from_status,
                  to_status, detail)
                VALUES (?, 99, ?, 'dispatcher1', 'DISPATCHER', 'DISPATCH', 'REGISTERED', 'DISPATCHED', '派往；')
                """, odd.value(), t(Instant.parse("2026-11-30T01:00:00Z")));

        flyway(db, vendor, null).migrate();

        JdbcWorkOrders orders = new JdbcWorkOrders(JdbcClient.create(db),
                new JdbcBatches(new NamedParameterJdbcTemplate(db)), org.hotline.workorder.WorkOrderFixture.DEADLINES);
        for (WorkOrder o : built.orders()) {
            List<Facts> stored = new ArrayList<>();
            for (HistoryEntry h : orders.history(o.number())) {
                if (h.seq() != 99) {
                    stored.add(Facts.of(h));
                }
            }
            assertThat(stored).as("the facts of %s's history after the upgrade", o.number())
                    .containsExactlyElementsOf(expected(o));
        }
        assertThat(orders.history(odd).stream().filter(h -> h.seq() == 99).map(Facts::of))
                .containsExactly(new Facts(OrderAction.DISPATCH, null, null, null));

        // the guard lifted for the backfill is back
        assertThatThrownBy(() -> jdbc.update("UPDATE work_order_history SET unit_id = 'x' WHERE order_number = ?",
                odd.value())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM work_order_history WHERE order_number = ?", odd.value()))
                .hasMessageContaining("append-only");
    }

    /**
     * What the work order records today, except where the old records cannot tell: whether a reply was late is
     * known only for the reply that stood (the order's last, replied or closed), whose deadline the order keeps.
     */
    private static List<Facts> expected(WorkOrder o) {
        List<Facts> facts = new ArrayList<>();
        boolean stood = o.status() == OrderStatus.REPLIED || o.status() == OrderStatus.CLOSED;
        for (HistoryEntry h : o.newHistory()) {
            boolean unknown = h.action() == OrderAction.REPLY && !(stood && h.at().equals(o.repliedAt()));
            facts.add(new Facts(h.action(), h.unit(), h.otherUnit(), unknown ? null : h.late()));
        }
        return facts;
    }

    /** The rows the release before V19 wrote for the order: its text, and no facts beside it. */
    private static void writeAsBefore(JdbcTemplate jdbc, WorkOrder o) {
        WorkOrder.Snapshot s = o.snapshot();
        String n = s.number().value();
        jdbc.update("""
                INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                  confidential, content, urgency, registered_at, registered_by, status, lead_unit_id, dispatched_at,
                  handle_deadline, returns_requested, extension_days_used, pending_extension_days, redo_count,
                  supervision_count, master_number, merged_count, replied_at, closed_at, history_size)
                VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, n, o.channel().name(), o.appealType().name(), o.citizen().name(), o.citizen().phone(),
                o.citizen().confidential(), o.content(), o.urgency().name(), t(o.registeredAt()), o.registeredBy(),
                o.status().name(), id(o.leadUnit()), t(o.clock().dispatchedAt()), t(o.clock().handleDeadline()),
                o.returnRequest().count(), o.extension().daysUsed(), o.extension().pendingDays(), o.redoCount(),
                o.supervision().count(), o.merge().master() == null ? null : o.merge().master().value(),
                o.merge().mergedCount(), t(o.repliedAt()), t(o.closedAt()), o.historySize());
        for (CoUnit c : s.coUnits()) {
            jdbc.update("""
                    INSERT INTO work_order_co_unit (order_number, unit_id, added_at, added_by, deadline,
                      acknowledged_at, submitted_at, contribution, non_cooperation_at, non_cooperation_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, n, c.unit().value(), t(c.addedAt()), c.addedBy(), t(c.deadline()), t(c.acknowledgedAt()),
                    t(c.submittedAt()), c.contribution(), t(c.nonCooperationAt()), c.nonCooperationReason());
        }
        for (Reply r : s.replies()) {
            jdbc.update("""
                    INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome,
                      public_reply, citizen_contacted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, n, r.seq(), r.unit().value(), r.repliedBy(), t(r.at()), r.outcome().name(), r.publicReply(),
                    r.citizenContacted());
        }
        for (HistoryEntry h : o.newHistory()) {
            jdbc.update("""
                    INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role,
                      actor_unit, action, from_status, to_status, reason, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, n, h.seq(), t(h.at()), h.actor(), h.actorName(), h.actorRole(), h.actorUnit(),
                    h.action().name(), h.fromStatus() == null ? null : h.fromStatus().name(), h.toStatus().name(),
                    h.reason(), h.detail());
        }
    }

    /** The newest migration before V19, whatever was released before it. */
    private static String lastVersionBefore19(DataSource db, String vendor) {
        MigrationVersion v19 = MigrationVersion.fromVersion("19");
        return Arrays.stream(flyway(db, vendor, null).info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(v19) < 0).max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private static Flyway flyway(DataSource db, String vendor, String target) {
        var config = Flyway.configure().dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static OffsetDateTime t(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String id(UnitId unit) {
        return unit == null ? null : unit.value();
    }
}
