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
import java.util.SplittableRandom;
import java.util.UUID;
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
 * How many appeals per second the intake API takes and keeps, on this machine.
 *
 * <p>Starts the server as its own process, as it runs in production (the application's main class on the
 * application's class path), on an H2 file database in a temporary directory (the embedded default) or on an
 * embedded PostgreSQL with synchronous commits (production). It signs in as an operator, waits for the first
 * dispatch model, warms up, and then lets {@code clients} concurrent clients, each on its own keep-alive
 * connection, register {@code orders} appeals through {@code POST /api/v1/orders} with an Idempotency-Key
 * each. It prints throughput and latency. Then it kills the server (SIGKILL: a crash, not a shutdown) and
 * checks durability in the database: every acknowledged order is stored exactly once, none lost and none
 * duplicated.
 *
 * <p>Warm-up matters on two cores: the JIT compiles the web stack for minutes while taking a core of its own,
 * and a server in service is warm. The warm-up runs in rounds until three rounds in a row are no faster than the best before them and the
 * server's JIT compilers used under 3% of its CPU in the last round.
 *
 * <p>Not a JUnit test: it takes minutes and both cores. Run it with
 * {@code mvn -q -Pbench-intake -Dbench.db=postgres test-compile exec:exec} (or {@code -Dbench.db=h2}); the
 * arguments are {@code db clients orders warmupRound [key=value application properties...]}.
 */
public final class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        // application properties, each argument possibly several separated by spaces (Maven passes one, maybe empty)
        List<String> extra = Arrays.stream(args).skip(4).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toList();

        Path dir = Files.createTempDirectory("hotline-bench-");
        EmbeddedPostgres postgres = null;
        int port = freePort();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                // an empty database with the demo organisation (and its users) but no demo orders, no timers
                "hotline.demo.enabled=false",
                "hotline.scheduling.enabled=false"));
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        if (db.equals("postgres")) {
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
        } else if (db.equals("h2")) {
            jdbcUrl = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0"
                    // more H2 settings to try, e.g. -Dbench.h2settings=";PAGE_SIZE=2048"
                    + System.getProperty("bench.h2settings", "");
            jdbcUser = "sa";
            jdbcPassword = "";
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + db);
        }
        properties.add("spring.datasource.url=" + jdbcUrl);
        properties.add("spring.datasource.username=" + jdbcUser);
        properties.add("spring.datasource.password=" + jdbcPassword);
        properties.addAll(extra);

        System.out.printf(Locale.ROOT, "intake benchmark: %s, %d clients, %d orders after warm-up rounds of %d,"
                + " %d cores, server in its own process, %s%n",
                db, clients, orders, warmup, Runtime.getRuntime().availableProcessors(), extra);
        Process server = startServer(dir, properties);
        List<Run> runs = new ArrayList<>();
        boolean durable;
        try {
            String host = "localhost";
            waitUntilUp(server, port);
            String token = token(port, "operator1");
            waitForFirstModel(port, token(port, "admin"));

            double best = 0;
            int roundsWithoutGain = 0;
            double jitShare = 1;
            // Warm when three rounds in a row were no faster than the best before them and the JIT compilers
            // used under 3% of the server's CPU in the last round: on two cores C2 competes with the requests
            // for minutes, and a plateau while it still compiles is not the server in service.
            for (int round = 1; round <= 40 && (roundsWithoutGain < 3 || jitShare >= 0.03); round++) {
                Run warm = new Run(host, port, token, clients, warmup, new Appeals(100 + round));
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
            Run measured = new Run(host, port, token, clients, orders, new Appeals(2));
            if (PG_STATS && postgres != null) {
                statements(postgres, "SELECT pg_stat_statements_reset()", 0);
            }
            CpuTime before = CpuTime.read(server.pid());
            CpuTime generatorBefore = CpuTime.read(ProcessHandle.current().pid());
            measured.execute();
            CpuTime spent = CpuTime.read(server.pid()).minus(before);
            CpuTime generator = CpuTime.read(ProcessHandle.current().pid()).minus(generatorBefore);
            runs.add(measured);
            System.out.printf(Locale.ROOT, "measured: %s%n", measured.summary());
            // where the cores went: the server process, and everything else (database, this load generator)
            System.out.printf(Locale.ROOT, "cpu per order: %.2f ms in all (%.0f%% of %d cores busy), %.2f ms in the"
                    + " server process, %.2f ms in this load generator, %.2f ms elsewhere (the database, other"
                    + " processes)%n", spent.machineMillis() / measured.created.get(),
                    100.0 * spent.machineMillis() / (measured.elapsedNanos / 1e6)
                            / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), spent.processMillis() / measured.created.get(),
                    generator.processMillis() / measured.created.get(),
                    (spent.machineMillis() - spent.processMillis() - generator.processMillis())
                            / measured.created.get());
            measured.printErrors();
            if (PG_STATS && postgres != null) {
                statements(postgres, """
                        SELECT round(total_exec_time::numeric / %d * 1000, 1) AS us_per_order,
                          round(calls::numeric / %d, 2) AS calls_per_order, round(mean_exec_time::numeric * 1000, 1)
                          AS us_per_call, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
                        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"""
                        .formatted(measured.created.get(), measured.created.get()), 15);
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
                acknowledged.addAll(r.numbers);
                failed += r.errors.get();
            }
            long created = runs.stream().mapToLong(r -> r.created.get()).sum();
            try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                    Statement st = c.createStatement()) {
                Set<String> stored = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT number FROM work_order")) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                long rows = count(st, "work_order");
                long keys = count(st, "idempotency_key");
                System.out.printf(Locale.ROOT, "rows per order: %.2f history, %.2f dispatch records, %.2f event"
                        + " publications%n", count(st, "work_order_history") / (double) rows,
                        count(st, "dispatch_record") / (double) rows, count(st, "event_publication") / (double) rows);
                long lost = acknowledged.stream().filter(n -> !stored.contains(n)).count();
                // every acknowledged order is stored exactly once; a request that failed after all retries may or
                // may not have created one (its outcome is unknown to the client), so it may add at most one row
                durable = lost == 0 && acknowledged.size() == created && rows >= created && rows <= created + failed
                        && keys == rows;
                System.out.printf(Locale.ROOT,
                        "durability after kill -9: %d orders acknowledged (201, or 200 on a retry), %d failed, %d"
                                + " rows in work_order, %d idempotency keys, %d distinct numbers, %d acknowledged"
                                + " but missing -> %s%n",
                        created, failed, rows, keys, acknowledged.size(), lost,
                        durable ? "OK (none lost, none duplicated)" : "FAILED");
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            delete(dir);
        }
        if (!durable) {
            throw new IllegalStateException("stored orders do not match the acknowledged ones");
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

    /** -Dbench.pgstats=true: PostgreSQL's statement statistics for the measured run (time inside the database). */
    private static final boolean PG_STATS = Boolean.getBoolean("bench.pgstats");

    private static void statements(EmbeddedPostgres postgres, String sql, int rows) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = st.executeQuery(sql)) {
                if (rows > 0) {
                    System.out.println("database time per order (pg_stat_statements): us/order calls/order us/call query");
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
    static Process startServer(Path dir, List<String> properties) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g"));
        // e.g. -Dbench.serverjvm="-XX:StartFlightRecording=filename=/tmp/intake.jfr" to profile the server
        Arrays.stream(System.getProperty("bench.serverjvm", "").trim().split("\\s+")).filter(o -> !o.isEmpty())
                .forEach(command::add);
        command.addAll(List.of("-cp", classPath, HotlineApplication.class.getName()));
        properties.forEach(p -> command.add("--" + p));
        Path log = dir.resolve("server.log");
        System.out.println("server log: " + log);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitUntilUp(Process server, int port) throws Exception {
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
    static void waitForFirstModel(int port, String adminToken) throws Exception {
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

    /** One timed batch of intake calls, spread over {@code clients} threads that each send one call at a time. */
    static final class Run {
        final String host;
        final int port;
        final String token;
        final int clients;
        final int total;
        final Appeals appeals;
        final long[] latencyNanos;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong created = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final Set<String> numbers = ConcurrentHashMap.newKeySet();
        long elapsedNanos;

        Run(String host, int port, String token, int clients, int total, Appeals appeals) {
            this.host = host;
            this.port = port;
            this.token = token;
            this.clients = clients;
            this.total = total;
            this.appeals = appeals;
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
                    Exchange http = new Exchange(host, port);
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
         * Sends one appeal the way a careful client does: on a broken connection or a 5xx it retries with the
         * same body and the same Idempotency-Key, so the order is created once however often it is sent. The
         * latency is that of the whole exchange, retries included.
         */
        void send(Exchange http, int i) {
            String key = UUID.randomUUID().toString();
            byte[] body = appeals.body(i).getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            String failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                if (attempt > 0) {
                    retries.incrementAndGet();
                }
                try {
                    Exchange.Response response = http.send("POST", "/api/v1/orders", "Bearer " + token, key, body);
                    int status = response.status();
                    if (status == 201 || status == 200) {
                        // 200: an earlier attempt created the order, this one got it back
                        latencyNanos[i] = System.nanoTime() - t0;
                        created.incrementAndGet();
                        numbers.add(JSON.readTree(response.body()).get("number").asText());
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
            error(failure);
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        String summary() {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            return String.format(Locale.ROOT,
                    "%d orders in %.2f s = %.0f orders/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f;"
                            + " created %d, retried %d, failed %d",
                    total, seconds, total == 0 ? 0 : created.get() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, created.get(), retries.get(), errors.get());
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

        /** The same with another body type (the Open311 benchmark's forms) and, with null, no Authorization. */
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

    static long count(Statement st, String table) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Appeals as a 12345 operator types them: a mix of channels, appeal types, categories, places and callers.
     * The same index always gives the same appeal, so runs are comparable.
     */
    static final class Appeals {

        private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
                "马", "朱", "胡", "郭", "何", "高", "林", "罗" };
        private static final String[] STREETS = { "古楼街道东关街", "柳园街道振兴路", "新区街道花园北路", "湖西街道湖滨路",
                "道口铺街道商业街", "阎寺街道阎寺村", "古楼街道楼西大街", "柳园街道建设路", "新区街道东昌东路" };
        private static final String[] PLACES = { "小区", "菜市场", "公交站", "学校门口", "十字路口", "商铺", "工地", "公园" };

        /** Category code and what a citizen says about it; {@code %s} is the place. */
        private static final String[][] MATTERS = {
                { "01.02.01", "%s附近工地夜间施工到凌晨一点，噪音很大，老人孩子无法休息，希望尽快处理。" },
                { "01.02.02", "%s旁边的工地渣土没有覆盖，刮风时扬尘严重，路过的人都睁不开眼。" },
                { "01.01.01", "%s物业长期不打扫楼道，垃圾堆了一个星期没人清运，多次找物业没有回应。" },
                { "01.01.02", "%s顶楼房屋漏水，雨天屋里滴水，已经影响正常居住，开发商一直推脱。" },
                { "01.04.02", "想咨询%s所在老旧小区加装电梯需要哪些手续，费用怎么分摊。" },
                { "02.01.01", "在%s附近一家饭店打工三个月，老板一直拖欠工资共计六千元，要求帮助讨薪。" },
                { "02.02.01", "咨询退休后养老保险待遇怎么领取，在%s社区办理还是去区里办理。" },
                { "02.04.01", "在%s附近诊所看病不能用医保报销，想问一下是什么原因。" },
                { "03.01.01", "孩子今年三岁，想了解%s附近公办幼儿园的报名时间和需要的材料。" },
                { null, "%s的路灯坏了好几天，晚上一片漆黑，行人走路很不安全。" },
                { null, "%s的下水道井盖缺失，已经有人差点掉下去，请尽快补上。" },
                { null, "建议在%s增设一个公交站点，附近居民出行很不方便。" },
                { null, "%s门口的商户占道经营，把人行道全占了，行人只能走机动车道。" },
                { null, "%s停水已经一整天了，没有接到任何通知，想问什么时候恢复供水。" } };
        private static final String[] CHANNELS = { "PHONE", "PHONE", "PHONE", "PHONE", "WEB", "APP" };

        private final long seed;

        Appeals(long seed) {
            this.seed = seed;
        }

        String body(int i) {
            try {
                return JSON.writeValueAsString(map(i));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private Map<String, Object> map(int i) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
            String[] matter = MATTERS[r.nextInt(MATTERS.length)];
            String street = STREETS[r.nextInt(STREETS.length)];
            String place = street.substring(street.indexOf("街道") + 2) + PLACES[r.nextInt(PLACES.length)];
            String content = String.format(matter[1], place) + (r.nextInt(4) == 0 ? "来电人情绪比较激动。" : "");
            String type = content.startsWith("咨询") || content.startsWith("想") ? "INQUIRY"
                    : content.startsWith("建议") ? "SUGGESTION" : r.nextInt(3) == 0 ? "REPORT" : "COMPLAINT";
            String name = SURNAMES[r.nextInt(SURNAMES.length)] + (r.nextBoolean() ? "先生" : "女士");
            String phone = r.nextInt(5) == 0
                    ? String.format(Locale.ROOT, "0635-%07d", 8_000_000 + r.nextInt(2_000_000))
                    : String.format(Locale.ROOT, "1%d%09d", 3 + r.nextInt(7), r.nextLong(1_000_000_000L));
            Map<String, Object> citizen = Map.of("name", name, "phone", phone, "confidential", r.nextInt(10) == 0);
            Map<String, Object> location = r.nextBoolean()
                    ? Map.of("address", street + (1 + r.nextInt(200)) + "号")
                    : Map.of("address", street + (1 + r.nextInt(200)) + "号",
                            "latitude", 36.40 + r.nextDouble() * 0.12, "longitude", 115.92 + r.nextDouble() * 0.12);
            java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("channel", CHANNELS[r.nextInt(CHANNELS.length)]);
            body.put("appealType", type);
            body.put("citizen", citizen);
            body.put("content", content);
            body.put("location", location);
            if (matter[0] != null) {
                body.put("categoryCode", matter[0]);
            }
            body.put("urgency", r.nextInt(20) == 0 ? "URGENT" : "NORMAL");
            return body;
        }
    }
}
