package org.hotline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.hotline.HotlineApplication;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.internal.Assessments;
import org.hotline.deadline.CalendarDeadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.Decision;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Reply;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The assessment at the scale of a large district: a year (2025) of 150,000 orders over the demo
 * organisation's 45 units, each with its full history as the work order writes it (registered, dispatched,
 * acknowledged on time or late, some returned and re-dispatched, co-units that deliver, deliver late,
 * decline or miss their deadline, extensions, replies on time or late, callbacks with retries, redos,
 * closes), and the quality module's rows (callback attempts, the leaders' daily samples).
 *
 * <p>The orders are built through the {@link WorkOrder} aggregate itself on the real 2025 calendar, so their
 * records are exactly what production writes, and then stored with batched JDBC inserts (their time is printed
 * separately). Then it measures, in the application's own beans:
 * <ul>
 *   <li>the whole year from scratch: every unit's daily scores of 2025 and all twelve monthly rankings (with
 *       the accountability cases they open), the stored scores and cases deleted before each run;</li>
 *   <li>one month's ranking (warm, the median of several);</li>
 *   <li>one night's job (yesterday and the seven days before it).</li>
 * </ul>
 * Goals on a 2-core machine: the year under 5 s, a month's ranking under 200 ms, on H2 and on PostgreSQL.
 *
 * <p>Not a JUnit test: {@code mvn -q -Pbench-assessment -Dbench.db=h2 test-compile exec:exec} (or
 * {@code -Dbench.db=postgres}); arguments {@code db orders runs [h2UrlSettings]}. The first run of the year
 * includes the JIT's warm-up and cold caches; the runs after it show a server in service. With
 * {@code -Dbench.keep=true} (a JVM property of the benchmark's own process) the database (H2's file or PostgreSQL's
 * data directory) is kept, and {@code -Dbench.reuse=DIR} measures it again without generating.
 */
public final class AssessmentBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2025;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // further H2 settings for the URL, e.g. ";CACHE_SIZE=1048576" (H2's page cache, 64 MB by default)
        String h2Settings = args.length > 3 ? args[3].trim() : "";

        // -Dbench.reuse=DIR: a database kept by an earlier run (-Dbench.keep=true), to measure without generating
        String reuse = System.getProperty("bench.reuse");
        Path dir = reuse != null ? Path.of(reuse) : Files.createTempDirectory("hotline-assessment-bench-");
        EmbeddedPostgres postgres = null;
        String url;
        String user;
        String password;
        String bulkUrl;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on").start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            bulkUrl = url + "&reWriteBatchedInserts=true";
        } else if (db.equals("h2")) {
            url = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0"
                    + h2Settings;
            user = "sa";
            password = "";
            bulkUrl = url;
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + db);
        }
        System.out.printf(Locale.ROOT, "assessment benchmark: %s%s, %d orders in %d, %d cores, max heap %d MB%n", db,
                db.equals("h2") ? h2Settings : "", orders, YEAR, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        ConfigurableApplicationContext app = null;
        try {
            long t0 = System.nanoTime();
            app = new SpringApplicationBuilder(HotlineApplication.class).run(Arrays.stream(new String[] {
                    "spring.datasource.url=" + url, "spring.datasource.username=" + user,
                    "spring.datasource.password=" + password, "server.port=0", "hotline.demo.enabled=false",
                    "hotline.scheduling.enabled=false", "hotline.dispatch.automatic=false",
                    "hotline.dispatch.train-at-first-start=false", "spring.modulith.moments.enabled=false",
                    "logging.level.root=WARN", "logging.level.org.hotline.assessment=INFO", "spring.main.banner-mode=off",
                    // a kept database may have been migrated by an earlier version of the migrations
                    "spring.flyway.validate-on-migrate=" + (reuse == null) })
                    .map(p -> "--" + p).toArray(String[]::new));
            System.out.printf(Locale.ROOT, "application started in %.1f s%n", seconds(t0));
            List<Unit> units = app.getBean(Units.class).all().stream().filter(Unit::active)
                    .sorted(Comparator.comparing(u -> u.id().value())).toList();

            if (reuse != null) {
                System.out.println("reusing the database in " + dir);
            } else {
                long g0 = System.nanoTime();
                Generator.Counts counts;
                try (Connection c = DriverManager.getConnection(bulkUrl, user, password)) {
                    counts = new Generator(units, new Random(12345)).write(c, orders);
                    try (Statement st = c.createStatement()) {
                        c.setAutoCommit(true);
                        st.execute(db.equals("postgres") ? "VACUUM ANALYZE" : "ANALYZE");
                    }
                }
                System.out.printf(Locale.ROOT, "generated %s in %.1f s (batched JDBC inserts, then ANALYZE)%n", counts,
                        seconds(g0));
            }

            Assessments assessments = app.getBean(Assessments.class);
            List<Double> years = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            Assessments.Recomputed last = null;
            for (int run = 1; run <= runs; run++) {
                clear(url, user, password);
                String load = loadAverage();
                double jvm0 = jvmCpu();
                double jit0 = jitSeconds();
                double gc0 = gcSeconds();
                double server0 = serverCpu(postgres, dir);
                long y0 = System.nanoTime();
                last = assessments.recompute(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
                double s = seconds(y0);
                double jvm = jvmCpu() - jvm0;
                double jit = jitSeconds() - jit0;
                double gc = gcSeconds() - gc0;
                double server = serverCpu(postgres, dir) - server0;
                years.add(s);
                cpus.add(jvm + server);
                System.out.printf(Locale.ROOT, "year from scratch, run %d: %.2f s (%d unit-days, %d months ranked,"
                        + " %d cases opened); CPU used: %.1f s in this JVM (JIT compiling %.1f s, GC %.1f s)%s;"
                        + " load average before: %s%n", run, s, last.unitDays(), last.monthsEvaluated().size(),
                        last.casesOpened().size(), jvm, jit, gc,
                        postgres == null ? "" : String.format(Locale.ROOT, " + %.1f s in PostgreSQL", server), load);
            }

            YearMonth june = YearMonth.of(YEAR, 6);
            for (int i = 0; i < 5; i++) {
                assessments.ranking(june);
            }
            List<Double> rankings = new ArrayList<>();
            Ranking ranking = null;
            for (int i = 0; i < 15; i++) {
                long r0 = System.nanoTime();
                ranking = assessments.ranking(june);
                rankings.add((System.nanoTime() - r0) / 1e6);
            }
            System.out.printf(Locale.ROOT, "one month's ranking (%s, %d territorial + %d industry units ranked), warm:"
                    + " median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n", june,
                    ranking.group(RankingGroup.TERRITORIAL).size(), ranking.group(RankingGroup.INDUSTRY).size(),
                    median(rankings), rankings.stream().min(Double::compare).orElseThrow(),
                    rankings.stream().max(Double::compare).orElseThrow(), rankings.size());

            List<Double> nights = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                LocalDate yesterday = LocalDate.of(YEAR, 6, 10).plusDays(i);
                long n0 = System.nanoTime();
                assessments.recompute(yesterday.minusDays(7), yesterday);
                nights.add((System.nanoTime() - n0) / 1e6);
            }
            System.out.printf(Locale.ROOT, "one night's job (8 days recomputed), median %.0f ms over %d nights%n",
                    median(nights), nights.size());
            System.out.printf(Locale.ROOT, "RESULT db=%s orders=%d year_s_median=%.2f year_s_first=%.2f"
                    + " year_s_best=%.2f year_cpu_s_median=%.1f month_ranking_ms_median=%.1f night_ms_median=%.0f%n",
                    db, orders, median(years), years.get(0), years.stream().min(Double::compare).orElseThrow(),
                    median(cpus), median(rankings), median(nights));
        } finally {
            if (app != null) {
                app.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (Boolean.getBoolean("bench.keep") || reuse != null) {
                System.out.println("database kept in " + dir);
            } else {
                delete(dir);
            }
        }
    }

    private static void clear(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DELETE FROM accountability_case_order");
            st.execute("DELETE FROM accountability_case_score");
            st.execute("DELETE FROM accountability_case");
            st.execute("DELETE FROM unit_daily_score");
        }
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on the two cores shows in the times. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** CPU seconds this JVM has used so far (all its threads: the readers, the JIT, the GC, H2). */
    static double jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Seconds the JIT compilers have spent so far (on two cores, time the application does not get). */
    static double jitSeconds() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    /** Seconds the garbage collectors have spent so far (pauses and concurrent work as the JVM counts it). */
    static double gcSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum() / 1e3;
    }

    /**
     * CPU seconds the PostgreSQL server has used so far: the postmaster with the processes it has reaped, and
     * its live ones (Linux {@code /proc}; 0 for H2, which runs in this JVM, and where {@code /proc} is missing).
     */
    static double serverCpu(EmbeddedPostgres postgres, Path dir) {
        if (postgres == null) {
            return 0;
        }
        long pid;
        try {
            // pg_ctl starts the postmaster and exits; the postmaster writes its pid first in this file
            pid = Long.parseLong(Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long ticks = ticks(pid, true);
        for (ProcessHandle p : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            ticks += ticks(p.pid(), false);
        }
        return ticks / 100.0;
    }

    /** utime + stime (+ cutime + cstime) from {@code /proc/PID/stat}, in clock ticks (100 a second). */
    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid ... utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withReapedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException e) {
            return 0; // the process has just ended, or this is not Linux
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A year of orders, built through the aggregate and written in batches. Units differ in load (a few busy
     * street offices and departments, a long tail) and in quality (how often they are late, how satisfied their
     * citizens are), so that the rankings have something to rank.
     */
    static final class Generator {

        private static final int BATCH = 2_000;
        private static final String[] CONTENT = {"小区路灯不亮，夜间出行不便", "东关街排水口堵塞，雨后积水",
                "超市价格欺诈，要求处理", "工地夜间施工扰民", "拖欠工资三个月未发", "楼道堆放杂物存在消防隐患",
                "公交站牌损坏", "占道经营影响通行"};

        record Counts(long orders, long history, long replies, long coUnits, long callbacks, long samples) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%d orders, %d history entries, %d replies, %d co-unit parts,"
                        + " %d callback attempts, %d leader samples", orders, history, replies, coUnits, callbacks,
                        samples);
            }
        }

        private final List<Unit> units;
        private final double[] load;
        private final double[] quality;
        private final Random random;
        private final CalendarDeadlines deadlines = CalendarDeadlines.chinaDefaults(ZONE);
        private final WorkingCalendar calendar = deadlines.calendar();
        private final Actor operator = new Actor("operator1", "话务员", Role.OPERATOR, null);
        private final Actor dispatcher = new Actor("dispatcher1", "派单员", Role.DISPATCHER, null);
        private final Actor reviewer = new Actor("reviewer1", "审核员", Role.REVIEWER, null);
        private final Map<UnitId, Actor> handlers = new HashMap<>();
        private final Map<UnitId, Integer> unitIndex = new HashMap<>();
        /** Replies per unit and day, for the leaders' samples: unit -> day -> order numbers. */
        private final Map<UnitId, Map<LocalDate, java.util.LinkedHashSet<String>>> repliedByDay = new HashMap<>();

        Generator(List<Unit> units, Random random) {
            this.units = units;
            this.random = random;
            this.load = new double[units.size()];
            this.quality = new double[units.size()];
            double total = 0;
            for (int i = 0; i < units.size(); i++) {
                load[i] = 1 / Math.pow(1 + random.nextInt(units.size()), 0.7);
                total += load[i];
                quality[i] = 0.7 + 0.6 * random.nextDouble();
                UnitId id = units.get(i).id();
                unitIndex.put(id, i);
                handlers.put(id, new Actor(id.value() + "-handler", id.value() + " 承办人", Role.UNIT_HANDLER, id));
            }
            for (int i = 0; i < load.length; i++) {
                load[i] /= total;
            }
        }

        private long buildNanos;
        /** Appeal texts of a citizen's length and an address; without them, one of eight short sentences. */
        private OrderTexts texts;

        /** The same orders with texts and addresses of the lengths citizens write ({@link OrderTexts}). */
        Generator withTexts(OrderTexts texts) {
            this.texts = texts;
            return this;
        }

        Counts write(Connection c, int orders) throws SQLException {
            c.setAutoCommit(false);
            Writer w = new Writer(c);
            List<LocalDate> days = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double totalWeight = 0;
            for (LocalDate d = LocalDate.of(YEAR, 1, 1); d.getYear() == YEAR; d = d.plusDays(1)) {
                double weight = calendar.isWorkingDay(d) ? 1.0 : 0.35;
                days.add(d);
                weights.add(weight);
                totalWeight += weight;
            }
            int written = 0;
            for (int i = 0; i < days.size(); i++) {
                int target = (int) Math.round(orders * weights.get(i) / totalWeight);
                if (i == days.size() - 1) {
                    target = orders - written;
                }
                for (int k = 0; k < target; k++) {
                    long b0 = System.nanoTime();
                    Built built = order(days.get(i), k + 1);
                    buildNanos += System.nanoTime() - b0;
                    w.add(built);
                }
                written += target;
            }
            w.flushOrders();
            long samples = samples(w);
            w.flushAll();
            c.commit();
            System.out.printf(Locale.ROOT, "  (building the orders through the aggregate took %.1f s, writing %.1f s)%n",
                    buildNanos / 1e9, w.writeNanos / 1e9);
            return new Counts(w.orders, w.historyRows, w.replies, w.coUnits, w.callbacks, samples);
        }

        /** One order's whole life, as the aggregate records it, plus its callbacks. */
        private Built order(LocalDate day, int sequence) {
            int lead = pickUnit(-1);
            double q = quality[lead];
            Instant registered = day.atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant()
                    .plusSeconds(random.nextInt(15 * 3600));
            WorkOrder o = WorkOrder.register(OrderNumber.of(day, sequence), new WorkOrder.Appeal(Channel.PHONE,
                    AppealType.COMPLAINT, new Citizen("市民", "138" + String.format("%08d", random.nextInt(100_000_000)),
                            false), texts == null ? CONTENT[random.nextInt(CONTENT.length)] : texts.content(),
                    texts == null ? Location.none() : texts.location(), null, Urgency.NORMAL),
                    operator, registered);
            Instant t = registered.plusSeconds(300 + random.nextInt(2400));
            List<UnitId> co = random.nextDouble() < 0.15 ? List.of(units.get(pickUnit(lead)).id()) : List.of();
            require(o.dispatch(units.get(lead).id(), co, null, null, dispatcher, t, deadlines));

            // 3% are returned within the window: mostly approved and re-dispatched, some rejected
            if (random.nextDouble() < 0.03) {
                Instant asked = min(work(t, 30 + random.nextInt(240)), o.clock().returnRequestDeadline());
                UnitId other = units.get(pickUnit(lead)).id();
                if (!co.contains(other)) {
                    require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, other, "不属于本单位职责",
                            handler(o.leadUnit()), asked, deadlines));
                    t = work(asked, 60 + random.nextInt(180));
                    if (random.nextDouble() < 0.8) {
                        require(o.approveReturn(null, "同意改派", dispatcher, t, deadlines));
                    } else {
                        require(o.rejectReturn("属于本单位职责", dispatcher, t, deadlines));
                    }
                }
            }
            if (o.clock().acknowledgedAt() == null) {
                t = random.nextDouble() < 0.9 * Math.min(1.05, q) ? work(t, 5 + random.nextInt(100))
                        : o.clock().acknowledgeDeadline().plusSeconds(3600 + random.nextInt(5 * 3600));
                require(o.acknowledge(handler(o.leadUnit()), t));
            }
            // co-units: deliver, deliver late, decline, or let the deadline pass (written off at the reply)
            Instant lastCoEvent = t;
            for (CoUnit part : o.coUnits()) {
                // the co-unit's own quality decides how often it fails its part: 2-6% decline or miss it
                double coQuality = quality[unitIndex.get(part.unit())];
                double declines = 0.02 / coQuality;
                double misses = 0.015 / coQuality;
                double r = random.nextDouble();
                if (r >= 0.06 + declines + misses) {
                    Instant at = min(work(part.addedAt(), 60 + random.nextInt(900)), part.deadline());
                    require(o.submitCoUnitPart("已配合处理", handler(part.unit()), at));
                    lastCoEvent = max(lastCoEvent, at);
                } else if (r < 0.06) {
                    Instant at = part.deadline().plusSeconds(3600 + random.nextInt(20 * 3600));
                    require(o.submitCoUnitPart("已配合处理（超时）", handler(part.unit()), at));
                    lastCoEvent = max(lastCoEvent, at);
                } else if (r < 0.06 + declines) {
                    Instant at = work(part.addedAt(), 30 + random.nextInt(200));
                    require(o.declineAsCoUnit("不属于本单位职责", handler(part.unit()), at));
                    lastCoEvent = max(lastCoEvent, at);
                } else {
                    lastCoEvent = max(lastCoEvent, part.deadline().plusSeconds(600));
                }
            }
            if (random.nextDouble() < 0.05) {
                Instant asked = work(t, 240 + random.nextInt(480));
                require(o.requestExtension(3, "需协调多部门", handler(o.leadUnit()), asked, deadlines));
                Instant decided = work(asked, 60 + random.nextInt(120));
                require(o.decideExtension(true, "同意", new Actor("supervisor1", "督办员", Role.SUPERVISOR, null),
                        decided, deadlines));
                lastCoEvent = max(lastCoEvent, decided);
            }
            Built built = new Built(o);
            if (random.nextDouble() < 0.004) {
                return built; // never answered: overdue and unanswered
            }
            int round = 0;
            while (true) {
                round++;
                Instant reply;
                boolean late = random.nextDouble() < 0.09 / q;
                if (late) {
                    reply = work(o.clock().handleDeadline(), 60 + random.nextInt(16 * 60));
                } else {
                    long available = calendar.workingTimeBetween(t, o.clock().handleDeadline()).toMinutes();
                    reply = work(t, (int) Math.max(10, available * (0.05 + 0.85 * random.nextDouble())));
                    reply = min(reply, o.clock().handleDeadline());
                }
                reply = max(reply, lastCoEvent.plusSeconds(600));
                boolean contacted = random.nextDouble() < 0.88 * Math.min(1.1, q);
                require(o.reply(new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已处理", null, null, contacted),
                        handler(o.leadUnit()), reply));
                repliedByDay.computeIfAbsent(o.leadUnit(), k -> new HashMap<>())
                        .computeIfAbsent(reply.atZone(ZONE).toLocalDate(), k -> new java.util.LinkedHashSet<>())
                        .add(o.number().value());
                // callbacks: up to three attempts a day apart
                Instant call = reply.plusSeconds(86400 + random.nextInt(86400));
                String satisfaction = null;
                for (int attempt = 1; attempt <= 3 && satisfaction == null; attempt++) {
                    boolean reached = random.nextDouble() < (attempt == 1 ? 0.82 : attempt == 2 ? 0.7 : 0.5);
                    if (reached) {
                        double u = random.nextDouble();
                        double unsatisfied = (late ? 0.20 : 0.08) / q;
                        double basically = late ? 0.25 : 0.14;
                        satisfaction = u < unsatisfied ? "UNSATISFIED"
                                : u < unsatisfied + basically ? "BASICALLY_SATISFIED" : "SATISFIED";
                        double resolvedChance = switch (satisfaction) {
                            case "SATISFIED" -> 0.95;
                            case "BASICALLY_SATISFIED" -> 0.75;
                            default -> 0.2;
                        };
                        built.callbacks.add(new Callback(o.leadUnit(), o.replies().size(), attempt, call, satisfaction,
                                random.nextDouble() < resolvedChance));
                    } else {
                        built.callbacks.add(new Callback(o.leadUnit(), o.replies().size(), attempt, call, null, null));
                        call = call.plusSeconds(86400);
                    }
                }
                if ("UNSATISFIED".equals(satisfaction) && round <= 2 && random.nextDouble() < 0.65) {
                    t = call.plusSeconds(7200);
                    require(o.redo("回访不满意", reviewer, t, deadlines));
                    t = work(t, 10 + random.nextInt(60));
                    require(o.acknowledge(handler(o.leadUnit()), t));
                    lastCoEvent = t;
                    continue;
                }
                require(o.close(org.hotline.workorder.WorkOrderFixture.passedTheLoop(o), null, reviewer,
                        satisfaction != null ? call.plusSeconds(3600) : reply.plusSeconds(3 * 86400)));
                return built;
            }
        }

        /** The leaders' daily draws: 10% of each unit's replies of the day, called back by the next evening. */
        private long samples(Writer w) throws SQLException {
            long n = 0;
            for (var byUnit : repliedByDay.entrySet()) {
                for (var byDay : byUnit.getValue().entrySet()) {
                    List<String> replied = new ArrayList<>(byDay.getValue());
                    int size = Math.max(1, (int) Math.ceil(replied.size() * 0.1));
                    Instant drawn = byDay.getKey().plusDays(1).atTime(8, 0).atZone(ZONE).toInstant();
                    Instant due = byDay.getKey().plusDays(1).atTime(17, 30).atZone(ZONE).toInstant();
                    w.draw(byDay.getKey(), byUnit.getKey(), replied.size(), size, drawn, due);
                    for (int i = 0; i < size; i++) {
                        String number = replied.get(i * replied.size() / size);
                        double r = random.nextDouble();
                        Instant done = r < 0.93 ? due.minusSeconds(600 + random.nextInt(6 * 3600))
                                : r < 0.97 ? due.plusSeconds(7200) : null;
                        w.sample(byDay.getKey(), byUnit.getKey(), number, done);
                        n++;
                    }
                }
            }
            return n;
        }

        private int pickUnit(int not) {
            while (true) {
                double r = random.nextDouble();
                int i = 0;
                while (i < load.length - 1 && r >= load[i]) {
                    r -= load[i];
                    i++;
                }
                if (i != not) {
                    return i;
                }
            }
        }

        private Actor handler(UnitId unit) {
            return handlers.get(unit);
        }

        private Instant work(Instant from, int workingMinutes) {
            return calendar.plusWorkingTime(from, Duration.ofMinutes(workingMinutes));
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static void require(Decision d) {
            if (!d.isAllowed()) {
                throw new IllegalStateException("generated step refused: " + d);
            }
        }
    }

    record Callback(UnitId unit, int replySeq, int attempt, Instant at, String satisfaction, Boolean resolved) {
    }

    static final class Built {
        final WorkOrder order;
        final List<Callback> callbacks = new ArrayList<>();

        Built(WorkOrder order) {
            this.order = order;
        }
    }

    /** Batched inserts of what the repositories would write, in the same columns. */
    static final class Writer {

        private final Connection c;
        private final PreparedStatement order;
        private final PreparedStatement history;
        private final PreparedStatement reply;
        private final PreparedStatement coUnit;
        private final PreparedStatement callback;
        private final PreparedStatement draw;
        private final PreparedStatement sample;
        private final List<Built> pending = new ArrayList<>();
        long orders;
        long historyRows;
        long replies;
        long coUnits;
        long callbacks;
        long writeNanos;

        Writer(Connection c) throws SQLException {
            this.c = c;
            order = c.prepareStatement("""
                    INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                      confidential, content, address, latitude, longitude, urgency, registered_at, registered_by,
                      category_code, status, intake_answer, lead_unit_id, dispatched_at, acknowledge_deadline,
                      acknowledged_at, handle_deadline, return_request_deadline, return_requested_at, return_reason,
                      return_suggested_unit, returns_requested, extension_days_used,
                      pending_extension_days, pending_extension_reason, redo_count, supervision_count,
                      last_supervised_at, master_number, merged_count, replied_at, closed_at, history_size)
                    VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?, ?, ?, 0, NULL, ?, 0, NULL, NULL, 0, ?, ?, ?)
                    """);
            history = c.prepareStatement("""
                    INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role,
                      actor_unit, action, from_status, to_status, reason, detail, unit_id, other_unit_id, late)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
            reply = c.prepareStatement("""
                    INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome,
                      public_reply, actions_taken, internal_note, citizen_contacted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)
                    """);
            coUnit = c.prepareStatement("""
                    INSERT INTO work_order_co_unit (order_number, unit_id, added_at, added_by, deadline,
                      acknowledged_at, submitted_at, contribution, non_cooperation_at, non_cooperation_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
            callback = c.prepareStatement("""
                    INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent,
                      reached, resolved, satisfaction)
                    VALUES (?, ?, ?, ?, ?, 'callback1', ?, ?, ?)
                    """);
            draw = c.prepareStatement("""
                    INSERT INTO leader_sample_draw (sample_day, unit_id, replied_count, sample_size, drawn_at, due_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """);
            sample = c.prepareStatement("""
                    INSERT INTO leader_sample (sample_day, unit_id, order_number, completed_at, leader, reached,
                      resolved, satisfaction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """);
        }

        void add(Built b) throws SQLException {
            pending.add(b);
            if (pending.size() >= Generator.BATCH) {
                flushOrders();
            }
        }

        /** Orders first (the children reference them), then their children, one commit per batch. */
        void flushOrders() throws SQLException {
            long w0 = System.nanoTime();
            try {
                flush();
            } finally {
                writeNanos += System.nanoTime() - w0;
            }
        }

        private void flush() throws SQLException {
            for (Built b : pending) {
                WorkOrder o = b.order;
                int i = 1;
                order.setString(i++, o.number().value());
                order.setString(i++, o.channel().name());
                order.setString(i++, o.appealType().name());
                order.setString(i++, o.citizen().name());
                order.setString(i++, o.citizen().phone());
                order.setBoolean(i++, o.citizen().confidential());
                order.setString(i++, o.content());
                order.setString(i++, o.location().address());
                order.setString(i++, o.urgency().name());
                order.setObject(i++, t(o.registeredAt()));
                order.setString(i++, o.registeredBy());
                order.setString(i++, o.status().name());
                order.setString(i++, o.leadUnit() == null ? null : o.leadUnit().value());
                order.setObject(i++, t(o.clock().dispatchedAt()));
                order.setObject(i++, t(o.clock().acknowledgeDeadline()));
                order.setObject(i++, t(o.clock().acknowledgedAt()));
                order.setObject(i++, t(o.clock().handleDeadline()));
                order.setObject(i++, t(o.clock().returnRequestDeadline()));
                order.setObject(i++, t(o.returnRequest().requestedAt()));
                order.setString(i++, o.returnRequest().reason());
                UnitId suggested = o.returnRequest().suggestedUnit();
                order.setString(i++, suggested == null ? null : suggested.value());
                order.setInt(i++, o.returnRequest().count());
                order.setInt(i++, o.extension().daysUsed());
                order.setInt(i++, o.redoCount());
                order.setObject(i++, t(o.repliedAt()));
                order.setObject(i++, t(o.closedAt()));
                order.setInt(i++, o.historySize());
                order.addBatch();
                orders++;
            }
            order.executeBatch();
            for (Built b : pending) {
                String n = b.order.number().value();
                for (HistoryEntry h : b.order.newHistory()) {
                    int i = 1;
                    history.setString(i++, n);
                    history.setInt(i++, h.seq());
                    history.setObject(i++, t(h.at()));
                    history.setString(i++, h.actor());
                    history.setString(i++, h.actorName());
                    history.setString(i++, h.actorRole());
                    history.setString(i++, h.actorUnit());
                    history.setString(i++, h.action().name());
                    history.setString(i++, h.fromStatus() == null ? null : h.fromStatus().name());
                    history.setString(i++, h.toStatus().name());
                    history.setString(i++, h.reason());
                    history.setString(i++, h.detail());
                    history.setString(i++, h.unit() == null ? null : h.unit().value());
                    history.setString(i++, h.otherUnit() == null ? null : h.otherUnit().value());
                    history.setObject(i++, h.late(), Types.BOOLEAN);
                    history.addBatch();
                    historyRows++;
                }
                for (Reply r : b.order.newReplies()) {
                    int i = 1;
                    reply.setString(i++, n);
                    reply.setInt(i++, r.seq());
                    reply.setString(i++, r.unit().value());
                    reply.setString(i++, r.repliedBy());
                    reply.setObject(i++, t(r.at()));
                    reply.setString(i++, r.outcome().name());
                    reply.setString(i++, r.publicReply());
                    reply.setBoolean(i++, r.citizenContacted());
                    reply.addBatch();
                    replies++;
                }
                for (CoUnit part : b.order.coUnits()) {
                    int i = 1;
                    coUnit.setString(i++, n);
                    coUnit.setString(i++, part.unit().value());
                    coUnit.setObject(i++, t(part.addedAt()));
                    coUnit.setString(i++, part.addedBy());
                    coUnit.setObject(i++, t(part.deadline()));
                    coUnit.setObject(i++, t(part.acknowledgedAt()));
                    coUnit.setObject(i++, t(part.submittedAt()));
                    coUnit.setString(i++, part.contribution());
                    coUnit.setObject(i++, t(part.nonCooperationAt()));
                    coUnit.setString(i++, part.nonCooperationReason());
                    coUnit.addBatch();
                    coUnits++;
                }
                for (Callback cb : b.callbacks) {
                    int i = 1;
                    callback.setString(i++, n);
                    callback.setString(i++, cb.unit().value());
                    callback.setInt(i++, cb.replySeq());
                    callback.setInt(i++, cb.attempt());
                    callback.setObject(i++, t(cb.at()));
                    callback.setBoolean(i++, cb.satisfaction() != null);
                    callback.setObject(i++, cb.resolved());
                    callback.setString(i++, cb.satisfaction());
                    callback.addBatch();
                    callbacks++;
                }
            }
            history.executeBatch();
            reply.executeBatch();
            coUnit.executeBatch();
            callback.executeBatch();
            c.commit();
            pending.clear();
        }

        void draw(LocalDate day, UnitId unit, int replied, int size, Instant drawn, Instant due) throws SQLException {
            draw.setObject(1, day);
            draw.setString(2, unit.value());
            draw.setInt(3, replied);
            draw.setInt(4, size);
            draw.setObject(5, t(drawn));
            draw.setObject(6, t(due));
            draw.addBatch();
        }

        void sample(LocalDate day, UnitId unit, String number, Instant done) throws SQLException {
            sample.setObject(1, day);
            sample.setString(2, unit.value());
            sample.setString(3, number);
            sample.setObject(4, t(done));
            sample.setString(5, done == null ? null : unit.value() + "-leader");
            sample.setObject(6, done == null ? null : Boolean.TRUE);
            sample.setObject(7, done == null ? null : Boolean.TRUE);
            sample.setString(8, done == null ? null : "SATISFIED");
            sample.addBatch();
        }

        void flushAll() throws SQLException {
            draw.executeBatch();
            sample.executeBatch();
        }

        private static java.time.OffsetDateTime t(Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }
}
