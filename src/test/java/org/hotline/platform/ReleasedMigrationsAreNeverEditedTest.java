package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.hotline.support.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A migration that has been released (merged to main) has run on real databases, and Flyway refuses to start
 * an application whose copy of it has a different checksum. So a released migration is never edited: a change
 * goes into a new one, which must upgrade a database migrated by the last release, on H2 and on PostgreSQL.
 */
class ReleasedMigrationsAreNeverEditedTest {

    /** The last released version; the migrations up to it are frozen. */
    static final String RELEASED = "13";

    /** The release the upgrade tests start from: the one before V11 rebuilt indexes in place. */
    static final String UPGRADE_FROM = "10";

    /** Flyway's checksums of the released migrations (the vendor ones per database). */
    static final Map<String, Integer> RELEASED_CHECKSUMS = Map.ofEntries(
            Map.entry("V1__platform.sql", 1395066001),
            Map.entry("V2__organization.sql", 1052907462),
            Map.entry("V3__workorder.sql", 1582060221),
            Map.entry("h2/V3_1__append_only_history.sql", 2088776353),
            Map.entry("postgresql/V3_1__append_only_history.sql", 1626140654),
            Map.entry("V4__security.sql", -721864384),
            Map.entry("V5__dispatch_learning.sql", 758604951),
            Map.entry("V6__dispatch_routing.sql", -875892439),
            Map.entry("V7__quality_contract.sql", 245236906),
            Map.entry("V8__quality.sql", -2077858137),
            Map.entry("V9__assessment.sql", 723125046),
            Map.entry("V10__statistics.sql", -2034563892),
            Map.entry("V11__assessment_indexes.sql", -1415173354),
            Map.entry("h2/V11_1__assessment_history_index.sql", 1854955105),
            Map.entry("postgresql/V11_1__assessment_history_index.sql", -1243935567),
            Map.entry("h2/V12__quality_append_only.sql", 1554045894),
            Map.entry("postgresql/V12__quality_append_only.sql", 1771180356),
            Map.entry("h2/V13__intake_writes_fewer_indexes.sql", -1858952491),
            Map.entry("postgresql/V13__intake_writes_fewer_indexes.sql", -1572298772));

    @Test
    void theReleasedMigrationsKeepTheirChecksums() {
        for (String vendor : List.of("h2", "postgresql")) {
            Map<String, Integer> found = new LinkedHashMap<>();
            for (MigrationInfo m : flyway(h2(), vendor, null).info().all()) {
                if (m.getVersion().compareTo(MigrationVersion.fromVersion(RELEASED)) <= 0) {
                    // the vendor's own migrations (db/vendor/<vendor>) differ between the databases
                    String key = m.getPhysicalLocation().contains("vendor") ? vendor + "/" + m.getScript() : m.getScript();
                    found.put(key, m.getChecksum());
                }
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            RELEASED_CHECKSUMS.forEach((script, checksum) -> {
                if (!script.contains("/") || script.startsWith(vendor + "/")) {
                    expected.put(script, checksum);
                }
            });
            assertThat(found).as("the released migrations for %s", vendor).isEqualTo(expected);
        }
    }

    @Test
    void aDatabaseOfTheLastReleaseUpgradesInPlaceOnH2() throws SQLException {
        upgradesInPlace(h2(), "h2");
    }

    @Test
    void aDatabaseOfTheLastReleaseUpgradesInPlaceOnPostgres() throws SQLException {
        upgradesInPlace(new DriverManagerDataSource(SharedPostgres.newDatabase("migrations"), SharedPostgres.USER,
                SharedPostgres.PASSWORD), "postgresql");
    }

    private static void upgradesInPlace(DataSource db, String vendor) throws SQLException {
        flyway(db, vendor, UPGRADE_FROM).migrate();
        assertThat(columns(db, "work_order_reply", "work_order_reply_by_time")).containsExactly("replied_at");
        assertThat(columns(db, "callback_attempt", "callback_attempt_by_time")).containsExactly("attempted_at");

        flyway(db, vendor, null).migrate();

        // V11: the indexes V8 and V9 created on the time alone now carry what the assessment reads
        assertThat(columns(db, "work_order_reply", "work_order_reply_by_time"))
                .containsExactly("replied_at", "order_number", "unit_id", "citizen_contacted");
        assertThat(columns(db, "callback_attempt", "callback_attempt_by_time")).containsExactly("attempted_at",
                "order_number", "reply_seq", "attempt", "unit_id", "reached", "resolved", "satisfaction");
        assertThat(columns(db, "work_order", "work_order_by_replied")).startsWith("replied_at");
        assertThat(columns(db, "work_order", "work_order_by_deadline_assessed")).startsWith("handle_deadline");
        // V11_1, rebuilt by V19_1: the history by action carries what the assessment reads, the entries' facts
        // rather than their text; on PostgreSQL for the actions it reads only
        if (vendor.equals("h2")) {
            assertThat(columns(db, "work_order_history", "work_order_history_by_action")).containsExactly("action",
                    "occurred_at", "order_number", "unit_id", "other_unit_id", "late");
        } else {
            assertThat(columns(db, "work_order_history", "work_order_history_by_action"))
                    .containsExactly("action", "occurred_at");
            assertThat(columns(db, "work_order_history", "work_order_history_assessed")).startsWith("action",
                    "occurred_at");
        }
        // V13: intake writes fewer indexes; the deadline ranges use V11's wider index
        assertThat(columns(db, "work_order", "work_order_by_deadline")).isEmpty();
        assertThat(columns(db, "work_order", "work_order_by_master")).containsExactly("master_number");
        // V14: trainings are jobs with their progress
        assertThat(columns(db, "dispatch_training", "dispatch_training_by_status")).containsExactly("status",
                "updated_at");
        assertThat(flyway(db, vendor, null).info().pending()).isEmpty();
    }

    private static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:migrations-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** The application's migrations as Spring Boot configures them (db/migration and db/vendor/{vendor}). */
    private static Flyway flyway(DataSource db, String vendor, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    /** The index's columns in order, as the database reports them. */
    private static List<String> columns(DataSource db, String table, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            Map<Integer, String> byPosition = new TreeMap<>();
            while (rs.next()) {
                if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    byPosition.put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            columns.addAll(byPosition.values());
        }
        return columns;
    }
}
