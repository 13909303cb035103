package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline.support.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link ChangeSignals} promises the caches of admin-edited data: a change is heard once its transaction
 * commits (never before, never after a rollback), at once on the instance that made it and within a second on
 * every other instance sharing the PostgreSQL database, even when a notification was lost or the listening
 * connection broke.
 */
class ChangeSignalsTest {

    private static final String TOPIC = "test.things";

    private final List<ChangeSignals> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ChangeSignals::stop);
    }

    @Nested
    class OnOneInstance {

        private final DataSource db = migrated(new DriverManagerDataSource("jdbc:h2:mem:signals-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
        private final ChangeSignals signals = start(new ChangeSignals(db, Duration.ofMillis(100)));
        private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db));
        private final AtomicInteger loads = new AtomicInteger();
        private final ChangeSignals.Snapshot<Integer> snapshot = signals.snapshot(loads::incrementAndGet, TOPIC);

        @Test
        void aSnapshotIsReadOnceUntilItsTopicChanges() {
            assertThat(snapshot.get()).isEqualTo(1);
            assertThat(snapshot.get()).isEqualTo(1);
            signals.changed("test.other-things");
            assertThat(snapshot.get()).isEqualTo(1);

            signals.changed(TOPIC);

            assertThat(snapshot.get()).isEqualTo(2);
        }

        @Test
        void aChangeIsHeardOnlyOnceItsTransactionCommits() {
            snapshot.get();
            transaction.executeWithoutResult(status -> {
                signals.changed(TOPIC);
                signals.changed(TOPIC);
                // a reader meanwhile must not keep what it reads as the new state: it is not committed
                assertThat(snapshot.get()).isEqualTo(1);
            });
            assertThat(snapshot.get()).isEqualTo(2);
            // one raise for the transaction, however many writes signalled it
            assertThat(version(db, TOPIC)).isEqualTo(1);
        }

        @Test
        void aRolledBackChangeIsNeverHeard() {
            snapshot.get();
            transaction.executeWithoutResult(status -> {
                signals.changed(TOPIC);
                status.setRollbackOnly();
            });
            assertThat(snapshot.get()).isEqualTo(1);
            assertThat(version(db, TOPIC)).isZero();
        }

        @Test
        void aChangeInATransactionOfItsOwnIsHeardAtItsOwnCommit() {
            snapshot.get();
            TransactionTemplate own = new TransactionTemplate(transaction.getTransactionManager());
            own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            transaction.executeWithoutResult(outer -> {
                own.executeWithoutResult(inner -> signals.changed(TOPIC));
                assertThat(snapshot.get()).isEqualTo(2);
                outer.setRollbackOnly();
            });
            assertThat(snapshot.get()).isEqualTo(2);
            assertThat(version(db, TOPIC)).isEqualTo(1);
        }

        @Test
        void aReadThatOverlapsAChangeIsUsedOnceButNotKept() {
            ChangeSignals.Snapshot<Integer> racing = signals.snapshot(() -> {
                int n = loads.incrementAndGet();
                if (n == 1) {
                    signals.changed(TOPIC); // committed while the first read was under way
                }
                return n;
            }, TOPIC);

            assertThat(racing.get()).isEqualTo(1);
            assertThat(racing.get()).isEqualTo(2);
            assertThat(racing.get()).isEqualTo(2);
        }

        @Test
        void aReactionThatFailsIsTriedAgain() {
            AtomicInteger calls = new AtomicInteger();
            signals.subscribe(TOPIC, () -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database is away for a moment");
                }
            });

            signals.changed(TOPIC);

            eventually(Duration.ofSeconds(5), () -> calls.get() == 2);
        }
    }

    @Nested
    class OnTwoInstancesSharingPostgres {

        private final String url = SharedPostgres.newDatabase("signals");
        private final DataSource databaseOfA = migrated(postgres("instance-a"));

        @Test
        void aChangeCommittedOnOneInstanceIsHeardOnTheOtherWithinASecond() {
            ChangeSignals a = start(new ChangeSignals(databaseOfA, Duration.ofHours(1)));
            // an hour between polls: only the notification can bring the change in time
            ChangeSignals b = start(new ChangeSignals(postgres("instance-b"), Duration.ofHours(1)));
            AtomicInteger heardOnB = new AtomicInteger();
            b.subscribe(TOPIC, heardOnB::incrementAndGet);
            ChangeSignals.Snapshot<Integer> onB = b.snapshot(new AtomicInteger()::incrementAndGet, TOPIC);
            onB.get();
            waitUntilListening("instance-b");

            new TransactionTemplate(new DataSourceTransactionManager(databaseOfA))
                    .executeWithoutResult(status -> a.changed(TOPIC));

            eventually(Duration.ofSeconds(1), () -> onB.get() == 2 && heardOnB.get() == 1);
        }

        @Test
        void aChangeWhoseNotificationWasLostIsHeardAtTheNextPoll() {
            ChangeSignals b = start(new ChangeSignals(postgres("instance-b"), Duration.ofMillis(200)));
            ChangeSignals.Snapshot<Integer> onB = b.snapshot(new AtomicInteger()::incrementAndGet, TOPIC);
            onB.get();
            waitUntilListening("instance-b");

            // the version row as a change leaves it, without the NOTIFY
            JdbcClient.create(databaseOfA).sql("INSERT INTO change_version (topic, version) VALUES (:t, 1)")
                    .param("t", TOPIC).update();

            eventually(Duration.ofSeconds(2), () -> onB.get() == 2);
        }

        @Test
        void theListenerReconnectsAndCatchesUpAfterItsConnectionIsKilled() {
            ChangeSignals a = start(new ChangeSignals(databaseOfA, Duration.ofHours(1)));
            ChangeSignals b = start(new ChangeSignals(postgres("instance-b"), Duration.ofHours(1)));
            ChangeSignals.Snapshot<Integer> onB = b.snapshot(new AtomicInteger()::incrementAndGet, TOPIC);
            onB.get();
            waitUntilListening("instance-b");

            terminate("instance-b");
            // made while B is not listening: no notification will ever reach B for it
            a.changed(TOPIC);

            eventually(Duration.ofSeconds(5), () -> onB.get() == 2);
            a.changed(TOPIC);
            eventually(Duration.ofSeconds(1), () -> onB.get() == 3);
        }

        private DataSource postgres(String applicationName) {
            return new DriverManagerDataSource(url + "&ApplicationName=" + applicationName, SharedPostgres.USER,
                    SharedPostgres.PASSWORD);
        }

        /** Until the listener has read the versions, which it does right after LISTEN. */
        private void waitUntilListening(String applicationName) {
            eventually(Duration.ofSeconds(5), () -> JdbcClient.create(databaseOfA).sql("""
                    SELECT COUNT(*) FROM pg_stat_activity
                    WHERE application_name = :name AND datname = current_database()
                      AND query LIKE 'SELECT topic, version FROM change_version%'""")
                    .param("name", applicationName).query(Long.class).single() > 0);
        }

        private void terminate(String applicationName) {
            JdbcClient.create(databaseOfA).sql("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = :name AND datname = current_database()""")
                    .param("name", applicationName).query((rs, row) -> rs.getBoolean(1)).list();
        }
    }

    private ChangeSignals start(ChangeSignals signals) {
        signals.start();
        started.add(signals);
        return signals;
    }

    private static DataSource migrated(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static long version(DataSource db, String topic) {
        return JdbcClient.create(db).sql("SELECT version FROM change_version WHERE topic = :t").param("t", topic)
                .query(Long.class).optional().orElse(0L);
    }

    private static void eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
