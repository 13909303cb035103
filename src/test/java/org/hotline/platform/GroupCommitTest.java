package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake's group commit keeps each caller's promise: its work is committed when the call returns, and a
 * failure belongs to the work that caused it, never to the others that shared its commit.
 */
class GroupCommitTest {

    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private GroupCommit group;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE item (id INT PRIMARY KEY, note VARCHAR(20))");
        transactions = new DataSourceTransactionManager(ds);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (group != null) {
            group.close();
        }
    }

    @Test
    void oneFailingWorkInAGroupFailsOnlyItsCaller() throws Exception {
        group = new GroupCommit(transactions, "test", 1, 32);
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        jdbc.update("INSERT INTO item VALUES (7, 'before')");
        // the only writer is held on a first work, so that the next ones queue up and form one group
        Future<Integer> blocker = callers.submit(() -> group.execute(() -> {
            writerBusy.countDown();
            await(release);
            return jdbc.update("INSERT INTO item VALUES (100, 'blocker')");
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> good = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            int i = id;
            good.add(callers.submit(() -> group.execute(() -> jdbc.update("INSERT INTO item VALUES (?, 'good')", i))));
        }
        Future<Integer> bad = callers.submit(() -> group.execute(() -> jdbc.update("INSERT INTO item VALUES (7, 'dup')")));
        waitUntil(() -> group.waiting() == 6);
        release.countDown();

        assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> f : good) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForList("SELECT id FROM item ORDER BY id", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 7, 100);
        assertThat(jdbc.queryForObject("SELECT note FROM item WHERE id = 7", String.class)).isEqualTo("before");
    }

    @Test
    void aCallerReturnsOnlyAfterTheCommitThatHoldsItsWork() throws Exception {
        group = new GroupCommit(transactions, "test", 2, 32);
        AtomicInteger seenByOthersWhenReturned = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            calls.add(callers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    int id = thread * 1000 + i;
                    group.execute(() -> jdbc.update("INSERT INTO item VALUES (?, 'x')", id));
                    // another connection (no transaction of ours is open here) must see it at once
                    seenByOthersWhenReturned.addAndGet(
                            jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE id = ?", Integer.class, id));
                }
                return null;
            }));
        }
        for (Future<?> f : calls) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(seenByOthersWhenReturned.get()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isEqualTo(400);
    }

    @Test
    void aCallerInsideATransactionRunsItsWorkInThatTransaction() {
        group = new GroupCommit(transactions, "test", 2, 32);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(tx -> {
            group.execute(() -> jdbc.update("INSERT INTO item VALUES (1, 'inner')"));
            // the work is visible inside the caller's transaction, before any commit
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isEqualTo(1);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isZero();
    }

    @Test
    void aFailingWorkCommitsNothingOfItsOwn() {
        group = new GroupCommit(transactions, "test", 1, 32);
        assertThatThrownBy(() -> group.execute(() -> {
            jdbc.update("INSERT INTO item VALUES (1, 'half')");
            throw new IllegalStateException("refused after its first write");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused after its first write");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isZero();
    }

    @Test
    void closingCommitsTheWorkAlreadyHandedIn() throws Exception {
        group = new GroupCommit(transactions, "test", 1, 4);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            int i = id;
            calls.add(callers.submit(() -> group.execute(() -> jdbc.update("INSERT INTO item VALUES (?, 'x')", i))));
        }
        group.close();
        for (Future<Integer> f : calls) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class)).isEqualTo(40);
        // after closing, work still commits, in the caller's thread
        assertThat(group.execute(() -> jdbc.update("INSERT INTO item VALUES (41, 'late')"))).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
