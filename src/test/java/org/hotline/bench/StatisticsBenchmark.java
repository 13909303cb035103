package org.hotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;

import org.hotline.HotlineApplication;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.OverdueKind;
import org.hotline.statistics.Period;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How long the main statistics take on 150,000 orders, on this machine.
 *
 * <p>Starts the application in this JVM on a fresh H2 file database (the embedded default) or an embedded
 * PostgreSQL (production), writes {@code orders} orders spread over 2024 and 2025 (random level-3 categories,
 * lead units, channels and appeal types of the demo organisation; mostly closed, some closed late, some still
 * open past their deadline) and a callback for about 80% of the closed ones, then runs each report
 * {@code rounds} times after a warm-up and prints the median and the slowest run. A figure, not a test:
 * nothing is asserted, and the times depend on the machine and what else runs on it.
 *
 * <p>Run it with
 * {@code mvn -o -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Xmx1g -cp %classpath org.hotline.bench.StatisticsBenchmark postgres 150000 15"}
 * (or {@code h2}); the arguments are {@code db orders rounds}.
 */
public final class StatisticsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Actor DIRECTOR = new Actor("director1", "主任", Role.DIRECTOR, null);

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;

        Path dir = Files.createTempDirectory("hotline-stats-bench-");
        EmbeddedPostgres postgres = null;
        String url;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                    .start();
            url = postgres.getJdbcUrl("postgres", "postgres");
        } else {
            url = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        }
        // command-line arguments: they win over application.yml (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineApplication.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (postgres == null ? "sa" : "postgres"),
                "--spring.datasource.password=" + (postgres == null ? "" : "postgres"), "--server.port=0",
                "--hotline.demo.enabled=false", "--hotline.scheduling.enabled=false",
                "--hotline.dispatch.automatic=false", "--hotline.dispatch.train-at-first-start=false",
                "--spring.modulith.moments.enabled=false", "--logging.level.root=WARN");

        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            System.out.println("database: " + jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL()));
            long t0 = System.nanoTime();
            int callbacks = write(jdbc, new TransactionTemplate(app.getBean(PlatformTransactionManager.class)),
                    app.getBean(Units.class), app.getBean(Categories.class), orders);
            if (postgres != null) {
                jdbc.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "%s: wrote %,d orders and %,d callbacks in %.1f s%n", db, orders, callbacks,
                    (System.nanoTime() - t0) / 1e9);
            measure(app.getBean(Statistics.class), rounds);
        } finally {
            app.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * Runs each report; round {@code i} ends its range {@code i % 7} days earlier, so that no database can hand
     * back the previous run's result (H2 reuses the result of an identical query on unchanged tables).
     */
    private static void measure(Statistics statistics, int rounds) {
        List<Task> tasks = List.of(
                new Task("volumes by category, level 1, one year", i -> statistics.volumes(DIRECTOR, year(i),
                        Dimension.CATEGORY, 1).total()),
                new Task("volumes by category, level 3, one year", i -> statistics.volumes(DIRECTOR, year(i),
                        Dimension.CATEGORY, 3).total()),
                new Task("volumes by lead unit, one year", i -> statistics.volumes(DIRECTOR, year(i),
                        Dimension.UNIT, 1).total()),
                new Task("volumes by lead unit, one month", i -> statistics.volumes(DIRECTOR, march(i),
                        Dimension.UNIT, 1).total()),
                new Task("volume trend per day, one year", i -> statistics.volumeTrend(DIRECTOR, year(i), Period.DAY)
                        .total()),
                new Task("volume trend per ISO week, one year", i -> statistics.volumeTrend(DIRECTOR, year(i),
                        Period.WEEK).total()),
                new Task("satisfaction trend per month, one year", i -> statistics.satisfactionTrend(DIRECTOR,
                        year(i), Period.MONTH).total().rated()),
                new Task("satisfaction trend per day, one month", i -> statistics.satisfactionTrend(DIRECTOR,
                        march(i), Period.DAY).total().rated()),
                new Task("overdue open, page of 20, all time", i -> statistics.overdue(DIRECTOR,
                        OverdueKind.OPEN, ALL_TIME, i % 7, 20).total()),
                new Task("closed late, page of 20, all time", i -> statistics.overdue(DIRECTOR,
                        OverdueKind.CLOSED_LATE, ALL_TIME, i % 7, 20).total()),
                new Task("year over year by category, one year", i -> statistics.yearOverYear(DIRECTOR, year(i),
                        Dimension.CATEGORY, 1).total().current()));
        for (Task task : tasks) {
            long result = 0;
            for (int i = 0; i < 3; i++) {
                result = task.run.applyAsLong(i + 3);
            }
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                task.run.applyAsLong(i);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-42s median %8.1f ms   max %8.1f ms   (%,d)%n", task.name,
                    ms[rounds / 2], ms[rounds - 1], result);
        }
    }

    private static final ReportFilter ALL_TIME = new ReportFilter(null, null, null);

    private static ReportFilter year(int round) {
        return ALL_TIME.withRange(new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31 - round % 7)));
    }

    private static ReportFilter march(int round) {
        return ALL_TIME.withRange(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31 - round % 7)));
    }

    private record Task(String name, IntToLongFunction run) {
    }

    /** Writes the orders and callbacks in batches; returns the number of callback attempts. */
    private static int write(JdbcTemplate jdbc, TransactionTemplate tx, Units units, Categories categories,
            int orders) {
        SplittableRandom random = new SplittableRandom(42);
        List<String> leaves = categories.all().stream().filter(c -> c.level() == 3).map(Category::code).toList();
        List<String> unitIds = units.all().stream().map(Unit::id).map(u -> u.value()).toList();
        String[] channels = { "PHONE", "PHONE", "PHONE", "PHONE", "WEB", "APP", "APP", "PATROL", "OTHER" };
        String[] types = { "COMPLAINT", "COMPLAINT", "HELP_REQUEST", "INQUIRY", "REPORT", "SUGGESTION" };
        String[] answers = { "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED",
                "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED" };
        Instant first = LocalDateTime.of(2024, 1, 1, 0, 0).atZone(ZONE).toInstant();
        long span = Duration.between(first, LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZONE).toInstant()).toSeconds();
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> callbackRows = new ArrayList<>();
        int callbacks = 0;
        for (int i = 0; i < orders; i++) {
            Instant registered = first.plusSeconds(random.nextLong(span));
            String number = "B" + LocalDate.ofInstant(registered, ZONE).toString().replace("-", "") + "-" + i;
            String unit = unitIds.get(random.nextInt(unitIds.size()));
            Instant deadline = registered.plus(Duration.ofDays(7));
            double fate = random.nextDouble();
            String status;
            Instant replied = null;
            Instant closed = null;
            if (fate < 0.01) {
                status = "IN_PROGRESS";
            } else if (fate < 0.015) {
                status = "DISPATCHED";
            } else {
                status = "CLOSED";
                // most replies in time, about 8% late
                replied = registered.plus(Duration.ofHours(fate < 0.095 ? 170 + random.nextInt(200)
                        : 4 + random.nextInt(160)));
                closed = replied.plus(Duration.ofHours(24 + random.nextInt(48)));
            }
            orderRows.add(new Object[] { number, channels[random.nextInt(channels.length)],
                    types[random.nextInt(types.length)], "1380000" + String.format("%04d", i % 10_000),
                    time(registered), random.nextInt(50) == 0 ? null : leaves.get(random.nextInt(leaves.size())),
                    status, unit, time(registered), time(deadline), time(replied), time(closed) });
            if (closed != null && random.nextDouble() < 0.8) {
                Instant called = replied.plus(Duration.ofHours(2 + random.nextInt(20)));
                int attempt = 1;
                if (random.nextDouble() < 0.15) {
                    callbackRows.add(new Object[] { number, unit, attempt++, time(called), false, null, null });
                    called = called.plus(Duration.ofHours(3));
                }
                callbackRows.add(new Object[] { number, unit, attempt, time(called), true,
                        random.nextDouble() < 0.9, answers[random.nextInt(answers.length)] });
                callbacks += attempt;
            }
            if (orderRows.size() == 2_000 || i == orders - 1) {
                tx.executeWithoutResult(done -> insert(jdbc, orderRows, callbackRows));
                orderRows.clear();
                callbackRows.clear();
            }
        }
        return callbacks;
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> orderRows, List<Object[]> callbackRows) {
                jdbc.batchUpdate("""
                        INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                          confidential, content, urgency, registered_at, registered_by, category_code, status,
                          lead_unit_id, dispatched_at, handle_deadline, returns_requested, extension_days_used,
                          pending_extension_days, redo_count, supervision_count, merged_count, replied_at, closed_at,
                          history_size)
                        VALUES (?, 1, ?, ?, '王女士', ?, FALSE, '基准测试工单', 'NORMAL', ?, 'operator1', ?, ?, ?, ?, ?,
                          0, 0, 0, 0, 0, 0, ?, ?, 0)
                        """, orderRows);
                jdbc.batchUpdate("""
                        INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent,
                          reached, resolved, satisfaction)
                        VALUES (?, ?, 1, ?, ?, 'reviewer1', ?, ?, ?)
                        """, callbackRows);
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
