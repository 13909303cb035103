package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.HotlineApplication;
import org.hotline.support.SharedPostgres;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two servers share one PostgreSQL database, as in production, and both fire the deadline sweep at the same
 * moment. ShedLock must let exactly one of them write off the overdue co-unit: a second run would record the
 * same non-cooperation twice (or fail on the order's version), and assessment would count it twice.
 */
class ADeadlineSweepRunsOnceAcrossInstancesTest {

    private final List<ConfigurableApplicationContext> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoServersSweepingAtOnceRecordANonCooperationOnlyOnce() throws Exception {
        String database = SharedPostgres.newDatabase("sweep");
        // one after the other: the first migrates the schema and loads the organisation, the second finds both
        ConfigurableApplicationContext server1 = start(database);
        ConfigurableApplicationContext server2 = start(database);

        // Gulou was co-unit from 2 March 2026 and never answered: long past its deadline on the real clock
        WorkOrder order = ContractOrders.dispatched(WorkOrderFixture.at("2026-03-02T09:00"));
        server1.getBean(WorkOrders.class).add(order);
        DeadlineSweep sweep1 = server1.getBean(DeadlineSweep.class);
        DeadlineSweep sweep2 = server2.getBean(DeadlineSweep.class);
        List<DeadlineSweep> sweeps = List.of(sweep1, sweep2);
        AtomicInteger next = new AtomicInteger();

        List<Integer> results = WorkOrdersContract.concurrently(2,
                () -> sweeps.get(next.getAndIncrement()).recordNonCooperation());

        // the one that got the lock did the work; the other found the lock taken and returned null
        assertThat(results).containsOnlyOnce((Integer) null);
        assertThat(results.stream().filter(r -> r != null).toList()).containsExactly(1);
        List<HistoryEntry> history = server2.getBean(WorkOrders.class).history(order.number());
        assertThat(history).filteredOn(h -> h.action() == OrderAction.RECORD_NON_COOPERATION).singleElement()
                .satisfies(h -> assertThat(h.detail()).contains(WorkOrderFixture.GULOU.value()));
        assertThat(server1.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'deadline-sweep'", Integer.class))
                .isEqualTo(1);
    }

    private ConfigurableApplicationContext start(String databaseUrl) {
        // as command-line arguments: they outrank application.yml (builder properties() would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HotlineApplication.class)
                .run(Arrays.asList(
                        "spring.datasource.url=" + databaseUrl,
                        "spring.datasource.username=" + SharedPostgres.USER,
                        "spring.datasource.password=" + SharedPostgres.PASSWORD,
                        "spring.datasource.hikari.maximum-pool-size=4",
                        // random ports: the security chains need a servlet web application
                        "server.port=0",
                        "hotline.demo.enabled=false",
                        "hotline.scheduling.enabled=false",
                        // without this, spring-modulith-moments enables scheduling and the timer may sweep first
                        "spring.modulith.moments.enabled=false").stream().map(p -> "--" + p).toArray(String[]::new));
        servers.add(context);
        return context;
    }
}
