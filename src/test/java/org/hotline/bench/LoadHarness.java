package org.hotline.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hotline.HotlineApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How many appeals per second an intake road takes and keeps, on this machine: the method the intake benchmarks
 * share ({@link IntakeBenchmark} for the REST intake, {@link Open311Benchmark} for Open311), each of which says only
 * what its client sends and where its acknowledged requests are stored.
 *
 * <p>Starts the server as its own process, as it runs in production (the application's main class on the
 * application's class path), on an H2 file database in a temporary directory (the embedded default) or on an
 * embedded PostgreSQL with synchronous commits (production); waits for the first dispatch model, warms up, and
 * then lets {@code clients} concurrent clients, each on its own keep-alive connection, send {@code total}
 * requests. It prints throughput, latency and the CPU each request cost. Then it kills the server (SIGKILL: a
 * crash, not a shutdown) and checks durability in the database: every acknowledged request is stored exactly
 * once, none lost and none duplicated.
 *
 * <p>Warm-up matters on two cores: the JIT compiles the web stack for minutes while taking a core of its own, and
 * a server in service is warm. The warm-up runs in rounds until three rounds in a row are no faster than the best
 * before them and the server's JIT compilers used under 3% of its CPU in the last round.
 *
 * <p>System properties: {@code bench.serverjvm} adds options to the server's JVM (with
 * {@code -XX:StartFlightRecording=name=bench,settings=profile} and {@code bench.jfr=/tmp/x.jfr} the recording is
 * saved before the kill), {@code bench.pgstats=true} prints PostgreSQL's time per request by statement,
 * {@code bench.h2settings} adds H2 URL settings.
 */
final class LoadHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What one benchmark sends, and where what it was acknowledged is stored. */
    interface Workload {

        /** What is sent, in the plural: "orders", "requests". */
        String unit();

        /** Application properties the server needs for this workload (keys, limits). */
        List<String> serverProperties();

        /** Once the server is up and serving a model: sign in, or whatever the client does first. */
        void ready(int port) throws Exception;

        /** Request {@code i} of the round with this seed; the same for every attempt of it (a retry). */
        Request request(long seed, int i);

        /** The id of what a 200 or 201 acknowledged, as the client keeps it. */
        String acknowledged(Exchange.Response response) throws IOException;

        /** The ids of what is stored, to find acknowledged ones missing. */
        String storedIdsQuery();

        /**
         * Whether the stored rows match what was acknowledged ({@code created} answers, {@code failed} requests whose
         * outcome the client does not know, so each may have left at most one row); prints what it counted.
         */
        boolean countsMatch(Statement st, long created, long failed) throws SQLException;
    }

    /** One request, sent once per attempt. */
    interface Request {
        Exchange.Response send(Exchange http) throws IOException;
    }

    /** The command's arguments: {@code db clients total warmupRound [key=value application properties...]}. */
    record Options(String db, int clients, int total, int warmup, List<String> properties) {

        static Options parse(String[] args) {
            // application properties, each argument possibly several separated by spaces (Maven passes one, maybe
            // empty)
            return new Options(args.length > 0 ? args[0] : "h2", args.length > 1 ? Integer.parseInt(args[1]) : 16,
                    args.length > 2 ? Integer.parseInt(args[2]) : 20_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5_000,
                    Arrays.stream(args).skip(4).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                            .filter(a -> !a.isEmpty()).toList());
        }
    }

    /** -Dbench.pgstats=true: PostgreSQL's statement statistics for the measured run (time inside the database). */
    private static final boolean PG_STATS = Boolean.getBoolean("bench.pgstats");

    private LoadHarness() {
    }

    static void run(String name, Options options, Workload workload) throws Exception {
        Path dir = Files.createTempDirectory("hotline-bench-");
        EmbeddedPostgres postgres = null;
        int port = freePort();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                // an empty database with the demo organisation (and its users) but no demo orders, no timers
                "hotline.demo.enabled=false",
                "hotline.scheduling.enabled=false"));
        properties.addAll(workload.serverProperties());
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        if (options.db().equals("postgres")) {
            // production's commit durability: zonky's default (synchronous_commit=off) would flatter the figures
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(true).setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100");
            if (PG_STATS) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            postgres = builder.start();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            jdbcUser = "postgres";
            jdbcPassword = "postgres";
        } else if (options.db().equals("h2")) {
            jdbcUrl = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0"
                    // more H2 settings to try, e.g. -Dbench.h2settings=";PAGE_SIZE=2048"
                    + System.getProperty("bench.h2settings", "");
            jdbcUser = "sa";
            jdbcPassword = "";
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + options.db());
        }
        properties.add("spring.datasource.url=" + jdbcUrl);
        properties.add("spring.datasource.username=" + jdbcUser);
        properties.add("spring.datasource.password=" + jdbcPassword);
        properties.addAll(options.properties());

        String unit = workload.unit();
        System.out.printf(Locale.ROOT, "%s benchmark: %s, %d clients, %d %s after warm-up rounds of %d, %d cores,"
                + " server in its own process, %s%n", name, options.db(), options.clients(), options.total(), unit,
                options.warmup(), Runtime.getRuntime().availableProcessors(), options.properties());
        Process server = startServer(dir, properties);
        List<Run> runs = new ArrayList<>();
        boolean durable;
        try {
            waitUntilUp(server, port);
            waitForFirstModel(port, token(port, "admin"));
            workload.ready(port);

            double best = 0;
            int roundsWithoutGain = 0;
            double jitShare = 1;
            // Warm when three rounds in a row were no faster than the best before them and the JIT compilers
            // used under 3% of the server's CPU in the last round: on two cores C2 competes with the requests
            // for minutes, and a plateau while it still compiles is not the server in service.
            for (int round = 1; round <= 40 && (roundsWithoutGain < 3 || jitShare >= 0.03); round++) {
                Run warm = new Run(workload, port, options.clients(), options.warmup(), 100 + round);
                CpuTime serverBefore = CpuTime.read(server.pid());
                double jitBefore = CpuTime.compilerMillis(server.pid());
                warm.execute();
                double serverSpent = CpuTime.read(server.pid()).minus(serverBefore).processMillis();
                jitShare = serverSpent > 0 ? (CpuTime.compilerMillis(server.pid()) - jitBefore) / serverSpent : 0;
                runs.add(warm);
                System.out.printf(Locale.ROOT, "warm-up %2d: %s; JIT %.0f%% of the server's CPU%n", round,
                        warm.summary(), 100 * jitShare);
                double rate = warm.rate();
                roundsWithoutGain = rate < best * 1.03 ? roundsWithoutGain + 1 : 0;
                best = Math.max(best, rate);
            }
            Run measured = new Run(workload, port, options.clients(), options.total(), 2);
            if (PG_STATS && postgres != null) {
                statements(postgres, "SELECT pg_stat_statements_reset()", 0);
            }
            CpuTime before = CpuTime.read(server.pid());
            CpuTime generatorBefore = CpuTime.read(ProcessHandle.current().pid());
            double[] load = loadAverage();
            measured.execute();
            CpuTime spent = CpuTime.read(server.pid()).minus(before);
            CpuTime generator = CpuTime.read(ProcessHandle.current().pid()).minus(generatorBefore);
            runs.add(measured);
            long n = measured.created.get();
            System.out.printf(Locale.ROOT, "measured: %s%n", measured.summary());
            // where the cores went: the server process (with H2, the database too), and everything else (PostgreSQL,
            // this load generator, other processes: on a shared machine the first figure is the one to compare)
            System.out.printf(Locale.ROOT, "server cpu per request: %.2f ms%n", spent.processMillis() / n);
            System.out.printf(Locale.ROOT, "cpu per request: %.2f ms in all (%.0f%% of %d cores busy), %.2f ms in"
                    + " this load generator, %.2f ms elsewhere (PostgreSQL, other processes); load average %.1f at the"
                    + " start, %.1f at the end%n", spent.machineMillis() / n,
                    100.0 * spent.machineMillis() / (measured.elapsedNanos / 1e6)
                            / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), generator.processMillis() / n,
                    (spent.machineMillis() - spent.processMillis() - generator.processMillis()) / n, load[0],
                    loadAverage()[0]);
            measured.printErrors();
            if (PG_STATS && postgres != null) {
                statements(postgres, """
                        SELECT round(total_exec_time::numeric / %d * 1000, 1) AS us_per_request,
                          round(calls::numeric / %d, 2) AS calls_per_request,
                          round(mean_exec_time::numeric * 1000, 1) AS us_per_call,
                          left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
                        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15""".formatted(n, n), 15);
            }
            dumpFlightRecording(server);
        } finally {
            // a crash, not a shutdown: what was acknowledged must already be on disk
            server.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        try {
            Set<String> acknowledged = new HashSet<>();
            long failed = 0;
            for (Run r : runs) {
                acknowledged.addAll(r.ids);
                failed += r.errors.get();
            }
            long created = runs.stream().mapToLong(r -> r.created.get()).sum();
            try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                    Statement st = c.createStatement()) {
                Set<String> stored = new HashSet<>();
                try (ResultSet rs = st.executeQuery(workload.storedIdsQuery())) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                long rows = count(st, "work_order");
                System.out.printf(Locale.ROOT, "rows per order: %.2f history, %.2f dispatch records, %.2f triage"
                        + " records, %.2f notifications, %.2f hot-issue members, %.2f event publications%n",
                        count(st, "work_order_history") / (double) rows, count(st, "dispatch_record") / (double) rows,
                        count(st, "triage_record") / (double) rows, count(st, "notification") / (double) rows,
                        count(st, "hot_issue_member") / (double) rows, count(st, "event_publication") / (double) rows);
                long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
                boolean countsMatch = workload.countsMatch(st, created, failed);
                durable = lost == 0 && acknowledged.size() == created && countsMatch;
                System.out.printf(Locale.ROOT, "durability after kill -9: %d %s acknowledged (201, or 200 on a"
                        + " retry), %d failed, %d distinct ids, %d acknowledged but missing -> %s%n", created, unit,
                        failed, acknowledged.size(), lost, durable ? "OK (none lost, none duplicated)" : "FAILED");
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            delete(dir);
        }
        if (!durable) {
            throw new IllegalStateException("stored " + unit + " do not match the acknowledged ones");
        }
    }

    /** The 1-minute load average, from /proc/loadavg (zero elsewhere): how shared the machine was. */
    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] { Double.parseDouble(f[0]) };
        } catch (IOException | RuntimeException e) {
            return new double[] { 0 };
        }
    }

    /**
     * Busy CPU time from Linux's /proc: of the whole machine (all processes, so the database and this load
     * generator too) and of one process. Elsewhere both read as zero.
     */
    record CpuTime(double machineMillis, double processMillis) {

        static CpuTime read(long pid) {
            try {
                // cpu  user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
                }
                return new CpuTime(busy * TICK_MILLIS, statMillis(Path.of("/proc/" + pid + "/stat")));
            } catch (IOException | RuntimeException e) {
                return new CpuTime(0, 0);
            }
        }

        /** USER_HZ is 100 on Linux. */
        private static final double TICK_MILLIS = 1000.0 / 100;

        /** The CPU a process or thread has used, from its /proc stat file. */
        private static double statMillis(Path stat) throws IOException {
            // after the command name in parentheses: fields 14 and 15 (utime, stime), in clock ticks
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        }

        /** CPU used so far by the process's JIT compiler threads (named "C1/C2 CompilerThread<n>"). */
        static double compilerMillis(long pid) {
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                return tasks.mapToDouble(task -> {
                    try {
                        if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            return 0;
                        }
                        return statMillis(task.resolve("stat"));
                    } catch (IOException | RuntimeException gone) {
                        return 0; // a thread that ended meanwhile
                    }
                }).sum();
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(machineMillis - earlier.machineMillis, processMillis - earlier.processMillis);
        }
    }

    private static void statements(EmbeddedPostgres postgres, String sql, int rows) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = st.executeQuery(sql)) {
                if (rows > 0) {
                    System.out.println("database time per request (pg_stat_statements): us/request calls/request"
                            + " us/call query");
                }
                while (rows > 0 && rs.next()) {
                    System.out.printf(Locale.ROOT, "  %8s %6s %8s  %s%n", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4));
                }
            }
        }
    }

    /**
     * With a flight recording started through bench.serverjvm, saves it before the kill (a killed JVM writes
     * none): {@code -Dbench.serverjvm=-XX:StartFlightRecording=name=bench,settings=profile} and
     * {@code -Dbench.jfr=/tmp/intake.jfr}.
     */
    private static void dumpFlightRecording(Process server) throws IOException, InterruptedException {
        String file = System.getProperty("bench.jfr", "");
        if (!file.isBlank()) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "JFR.dump", "name=bench", "filename=" + file).inheritIO().start();
            jcmd.waitFor(2, TimeUnit.MINUTES);
        }
    }

    /** The application's main class on this JVM's class path, minus the test classes (they hold test beans). */
    private static Process startServer(Path dir, List<String> properties) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g"));
        // e.g. -Dbench.serverjvm="-XX:StartFlightRecording=name=bench,settings=profile" to profile the server
        Arrays.stream(System.getProperty("bench.serverjvm", "").trim().split("\\s+")).filter(o -> !o.isEmpty())
                .forEach(command::add);
        command.addAll(List.of("-cp", classPath, HotlineApplication.class.getName()));
        properties.forEach(p -> command.add("--" + p));
        Path log = dir.resolve("server.log");
        System.out.println("server log: " + log);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitUntilUp(Process server, int port) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped while starting, exit " + server.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health")
                        .toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    System.out.printf(Locale.ROOT, "server up after %.1f s%n", (System.nanoTime() - t0) / 1e9);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("the server did not come up in 3 minutes");
            }
            Thread.sleep(250);
        }
    }

    /**
     * A server in service has a trained model; the first start trains one in the background from the demo
     * history, and measuring intake while that training takes a core would measure the training.
     */
    private static void waitForFirstModel(int port, String adminToken) throws Exception {
        long t0 = System.nanoTime();
        try (Exchange http = new Exchange("localhost", port)) {
            while (true) {
                Exchange.Response r = http.send("GET", "/api/v1/admin/dispatch/models", "Bearer " + adminToken, null,
                        null);
                if (r.status() == 200) {
                    for (JsonNode model : JSON.readTree(r.body())) {
                        if (model.path("served").asBoolean(false)) {
                            System.out.printf(Locale.ROOT, "first dispatch model served after %.1f s%n",
                                    (System.nanoTime() - t0) / 1e9);
                            return;
                        }
                    }
                }
                if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("no dispatch model after 10 minutes");
                }
                Thread.sleep(500);
            }
        }
    }

    /** A bearer token for a demo user. */
    static String token(int port, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
        try (Exchange http = new Exchange("localhost", port)) {
            Exchange.Response r = http.send("POST", "/api/v1/auth/token", "Basic " + basic, null, null);
            if (r.status() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + r.status() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("access_token").asText();
        }
    }

    static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One timed batch of requests, spread over {@code clients} threads that each send one request at a time. */
    static final class Run {
        final Workload workload;
        final int port;
        final int clients;
        final int total;
        final long seed;
        final long[] latencyNanos;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong created = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        long elapsedNanos;

        Run(Workload workload, int port, int clients, int total, long seed) {
            this.workload = workload;
            this.port = port;
            this.clients = clients;
            this.total = total;
            this.seed = seed;
            this.latencyNanos = new long[total];
        }

        double rate() {
            return created.get() / (elapsedNanos / 1e9);
        }

        void execute() throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    Exchange http = new Exchange("localhost", port);
                    try {
                        start.await();
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            send(http, i);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        http.close();
                    }
                }, "client-" + c);
                threads.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            elapsedNanos = System.nanoTime() - t0;
        }

        /**
         * Sends one request the way a careful client does: on a broken connection or a 5xx it sends the same again
         * (the same body and the same key or client id), so it is filed once however often it is sent. The latency
         * is that of the whole exchange, retries included.
         */
        void send(Exchange http, int i) {
            Request request = workload.request(seed, i);
            long t0 = System.nanoTime();
            String failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                if (attempt > 0) {
                    retries.incrementAndGet();
                }
                try {
                    Exchange.Response response = request.send(http);
                    int status = response.status();
                    if (status == 201 || status == 200) {
                        // 200: an earlier attempt created it, this one got it back
                        latencyNanos[i] = System.nanoTime() - t0;
                        created.incrementAndGet();
                        ids.add(workload.acknowledged(response));
                        return;
                    }
                    failure = status + " " + abbreviate(response.body());
                    if (status < 500) {
                        break;
                    }
                } catch (IOException e) {
                    http.close();
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            latencyNanos[i] = System.nanoTime() - t0;
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
        }

        String summary() {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            String unit = workload.unit();
            return String.format(Locale.ROOT,
                    "%d %s in %.2f s = %.0f %s/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f;"
                            + " created %d, retried %d, failed %d",
                    total, unit, seconds, total == 0 ? 0 : created.get() / seconds, unit, ms(sorted, 0.50),
                    ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, created.get(), retries.get(),
                    errors.get());
        }

        void printErrors() {
            errorKinds.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
                    .limit(5).forEach(e -> System.out.printf("  error x%d: %s%n", e.getValue().get(), e.getKey()));
        }

        private static double ms(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        private static String abbreviate(String s) {
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }

    /**
     * A minimal HTTP/1.1 client on one keep-alive connection: the load generator shares the two cores with the
     * server, and a general-purpose client (the JDK's took a fifth of the CPU) would measure itself. It speaks
     * just what the server answers here: a status line, headers, and a Content-Length or chunked body.
     */
    static final class Exchange implements AutoCloseable {
        record Response(int status, String body) {
        }

        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Exchange(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Response send(String method, String path, String authorization, String idempotencyKey, byte[] body)
                throws IOException {
            return send(method, path, authorization, idempotencyKey, "application/json", body);
        }

        /** The same with another body type (Open311's forms) and, with null, no Authorization. */
        Response send(String method, String path, String authorization, String idempotencyKey, String contentType,
                byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 10_000);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append("Accept: application/json\r\n");
            if (idempotencyKey != null) {
                head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body;
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + content.length);
            request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(content);
            out.write(request.toByteArray());
            out.flush();

            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream(Math.max(length, 1024));
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    received.writeBytes(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                received.writeBytes(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Response(status, received.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }
        }
    }
}
