package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.hotline.support.SharedPostgres;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.WorkOrder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.hotline.platform.JdbcBatches;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V22 records what an order became at intake as a fact on the order. Orders answered at intake before it (the only
 * intake outcome there was) get KNOWLEDGE when a database of the release before is upgraded in place, on H2 and
 * on PostgreSQL; dispatched orders get none.
 */
class AnswersGivenAtIntakeKeepTheirOutcomeWhenTheDatabaseUpgradesTest {

    @Test
    void onH2() {
        upgrades(new DriverManagerDataSource("jdbc:h2:mem:intake-outcome-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""),
                "h2");
    }

    @Test
    void onPostgres() {
        upgrades(new DriverManagerDataSource(SharedPostgres.newDatabase("intake_outcome"), SharedPostgres.USER,
                SharedPostgres.PASSWORD), "postgresql");
    }

    private static void upgrades(DataSource db, String vendor) {
        flyway(db, vendor, lastVersionBefore22(db, vendor)).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        order(jdbc, "20261130-000001", "CLOSED", "ANSWER_AT_INTAKE", "可携带身份证到公积金中心办理");
        order(jdbc, "20261130-000002", "REGISTERED", "REGISTER", null);

        flyway(db, vendor, null).migrate();

        JdbcWorkOrders orders = new JdbcWorkOrders(JdbcClient.create(db),
                new JdbcBatches(new NamedParameterJdbcTemplate(db)), org.hotline.workorder.WorkOrderFixture.DEADLINES);
        WorkOrder answered = orders.find(new OrderNumber("20261130-000001")).orElseThrow();
        WorkOrder registered = orders.find(new OrderNumber("20261130-000002")).orElseThrow();
        assertThat(answered.intakeOutcome()).isEqualTo(TriageOutcome.KNOWLEDGE);
        assertThat(answered.intakeRoute()).as("no entry was recorded then").isNull();
        assertThat(registered.intakeOutcome()).isNull();
    }

    private static void order(JdbcTemplate jdbc, String number, String status, String action, String answer) {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 30, 1, 0, 0, 0, ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO work_order (number, version, channel, appeal_type, confidential, content, urgency,
                  registered_at, registered_by, status, intake_answer, returns_requested, extension_days_used,
                  pending_extension_days, redo_count, supervision_count, merged_count, closed_at, history_size)
                VALUES (?, 0, 'PHONE', 'INQUIRY', FALSE, '公积金怎么提取', 'NORMAL', ?, 'operator1', ?, ?, 0, 0, 0, 0, 0,
                  0, ?, 1)
                """, number, at, status, answer, answer == null ? null : at);
        jdbc.update("""
                INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_role, action, to_status,
                  detail)
                VALUES (?, 1, ?, 'operator1', 'OPERATOR', ?, ?, ?)
                """, number, at, action, status, answer);
    }

    /** The newest migration before V22, whatever was released before it. */
    private static String lastVersionBefore22(DataSource db, String vendor) {
        MigrationVersion v22 = MigrationVersion.fromVersion("22");
        return Arrays.stream(flyway(db, vendor, null).info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(v22) < 0).max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private static Flyway flyway(DataSource db, String vendor, String target) {
        var config = Flyway.configure().dataSource(db)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
