package org.hotline.workorder.internal;

import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.internal.ContractOrders.appeal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline.platform.JdbcBatches;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.WorkOrder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own (H2 in memory, migrated as the application migrates it) with orders in it, and search
 * indexes over it as the application makes them: for tests of the index's life (built, read again, rebuilt) that a
 * shared application context would disturb.
 */
final class OrderSearchIndexFixture {

    static final Instant MARCH_2 = Instant.parse("2026-03-02T01:00:00Z");

    final JdbcClient jdbc;
    final JdbcBatches batches;
    final Clock clock = Clock.systemUTC();
    private final List<OrderSearchIndex> started = new ArrayList<>();

    OrderSearchIndexFixture() {
        DataSource db = new DriverManagerDataSource("jdbc:h2:mem:order-search-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        this.jdbc = JdbcClient.create(db);
        this.batches = new JdbcBatches(new NamedParameterJdbcTemplate(db));
    }

    /** {@code n} orders about a burst pipe, registered a minute apart from 2 March 2026 on, written to the table. */
    List<WorkOrder> orders(int n, String word) {
        return orders(n, word, MARCH_2);
    }

    /** {@code n} orders about a burst pipe, registered a minute apart from {@code from} on. */
    List<WorkOrder> orders(int n, String word, Instant from) {
        List<WorkOrder> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WorkOrder o = ContractOrders.registered(appeal(Channel.PHONE, AppealType.HELP_REQUEST,
                    word + " 水管爆裂 " + i, "古楼街道东关街 " + i + " 号", null), from.plusSeconds(60L * i));
            table().add(o);
            made.add(o);
        }
        return made;
    }

    /** An index as the application makes it, in {@code dir} (null: in memory); not started. */
    OrderSearchIndex index(Path dir) {
        OrderSearchIndex index = new OrderSearchIndex(jdbc, clock, true, dir == null ? "" : dir.toString(), "", 2000,
                Duration.ofMinutes(10));
        started.add(index);
        return index;
    }

    /** The index started, once it has compared itself with the table (in the background, as at a start). */
    OrderSearchIndex ready(Path dir) {
        return started(index(dir));
    }

    /** Starts the index and waits until it has compared itself with the table (in the background, as at a start). */
    static OrderSearchIndex started(OrderSearchIndex index) {
        index.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (index.state() != OrderSearchIndex.State.READY) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the index was not ready within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return index;
    }

    JdbcWorkOrders table() {
        return new JdbcWorkOrders(jdbc, batches, DEADLINES);
    }

    JdbcWorkOrders searchingWith(OrderSearchIndex index) {
        return new JdbcWorkOrders(jdbc, batches, DEADLINES, index);
    }

    static OrderQuery keyword(String keyword) {
        return new OrderQuery(java.util.Set.of(), null, null, null, null, null, null, null, keyword, null, 0, 20);
    }

    OrderPage search(JdbcWorkOrders orders, String keyword) {
        return orders.search(keyword(keyword), MARCH_2);
    }

    void stopAll() {
        started.forEach(OrderSearchIndex::stop);
    }
}
