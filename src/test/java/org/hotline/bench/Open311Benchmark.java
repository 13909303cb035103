package org.hotline.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How many Open311 requests per second the server takes and keeps, on this machine: the intake benchmark's method
 * ({@link IntakeBenchmark}: the server in a process of its own, warm-up rounds until no gain, a measured run, then
 * SIGKILL and a count in the database) with what an Open311 client sends: {@code POST /open311/v2/requests.json},
 * a form body without a charset, an API key, the client's own id as {@code attribute[fixmystreet_id]} (a retry of
 * a failed call sends the same, so it is filed once), a mix of specific and general services, coordinates or
 * addresses, and Chinese names whole in first_name.
 *
 * <p>Not a JUnit test. Run it with {@code mvn -q -Pbench-open311 -Dbench.db=h2 test-compile exec:exec}; the
 * arguments are {@code db clients requests warmupRound [key=value application properties...]}.
 */
public final class Open311Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "bench-open311-key";

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        List<String> extra = Arrays.stream(args).skip(4).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toList();

        Path dir = Files.createTempDirectory("hotline-open311-bench-");
        EmbeddedPostgres postgres = null;
        int port = IntakeBenchmark.freePort();
        List<String> properties = new ArrayList<>(List.of("server.port=" + port, "hotline.demo.enabled=false",
                "hotline.scheduling.enabled=false", "hotline.open311.api-keys=" + KEY,
                // the client is the benchmark: no rate limit in its way
                "hotline.open311.rate-per-minute=1000000"));
        String jdbcUrl;
        String user;
        String password;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "100").start();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        } else if (db.equals("h2")) {
            jdbcUrl = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0";
            user = "sa";
            password = "";
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + db);
        }
        properties.add("spring.datasource.url=" + jdbcUrl);
        properties.add("spring.datasource.username=" + user);
        properties.add("spring.datasource.password=" + password);
        properties.addAll(extra);

        System.out.printf(Locale.ROOT, "open311 benchmark: %s, %d clients, %d requests after warm-up rounds of %d,"
                + " %d cores, server in its own process, %s%n", db, clients, total, warmup,
                Runtime.getRuntime().availableProcessors(), extra);
        Process server = IntakeBenchmark.startServer(dir, properties);
        List<Run> runs = new ArrayList<>();
        try {
            IntakeBenchmark.waitUntilUp(server, port);
            IntakeBenchmark.waitForFirstModel(port, IntakeBenchmark.token(port, "admin"));
            double best = 0;
            int roundsWithoutGain = 0;
            double jitShare = 1;
            for (int round = 1; round <= 40 && (roundsWithoutGain < 3 || jitShare >= 0.03); round++) {
                Run warm = new Run(port, clients, warmup, 100 + round);
                IntakeBenchmark.CpuTime before = IntakeBenchmark.CpuTime.read(server.pid());
                double jitBefore = IntakeBenchmark.CpuTime.compilerMillis(server.pid());
                warm.execute();
                double spent = IntakeBenchmark.CpuTime.read(server.pid()).minus(before).processMillis();
                jitShare = spent > 0 ? (IntakeBenchmark.CpuTime.compilerMillis(server.pid()) - jitBefore) / spent : 0;
                runs.add(warm);
                System.out.printf(Locale.ROOT, "warm-up %2d: %s; JIT %.0f%% of the server's CPU%n", round,
                        warm.summary(), 100 * jitShare);
                roundsWithoutGain = warm.rate() < best * 1.03 ? roundsWithoutGain + 1 : 0;
                best = Math.max(best, warm.rate());
            }
            Run measured = new Run(port, clients, total, 2);
            IntakeBenchmark.CpuTime before = IntakeBenchmark.CpuTime.read(server.pid());
            measured.execute();
            IntakeBenchmark.CpuTime spent = IntakeBenchmark.CpuTime.read(server.pid()).minus(before);
            runs.add(measured);
            System.out.printf(Locale.ROOT, "measured: %s%n", measured.summary());
            System.out.printf(Locale.ROOT, "cpu per request: %.2f ms in all, %.2f ms in the server process%n",
                    spent.machineMillis() / measured.created.get(), spent.processMillis() / measured.created.get());
            measured.errorKinds.forEach((kind, n) -> System.out.printf("  error x%d: %s%n", n.get(), kind));
        } finally {
            server.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        boolean durable;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            Set<String> acknowledged = new HashSet<>();
            long created = 0;
            long failed = 0;
            for (Run r : runs) {
                acknowledged.addAll(r.ids);
                created += r.created.get();
                failed += r.errors.get();
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT order_number FROM open311_request")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            long orders = IntakeBenchmark.count(st, "work_order");
            long requests = IntakeBenchmark.count(st, "open311_request");
            long lost = acknowledged.stream().filter(n -> !stored.contains(n)).count();
            durable = lost == 0 && acknowledged.size() == created && requests == orders && orders >= created
                    && orders <= created + failed;
            System.out.printf(Locale.ROOT, "durability after kill -9: %d requests acknowledged, %d failed, %d work"
                    + " orders, %d Open311 requests, %d acknowledged but missing -> %s%n", created, failed, orders,
                    requests, lost, durable ? "OK (none lost, none duplicated)" : "FAILED");
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            IntakeBenchmark.delete(dir);
        }
        if (!durable) {
            throw new IllegalStateException("stored requests do not match the acknowledged ones");
        }
    }

    /** One timed batch of Open311 POSTs over {@code clients} keep-alive connections. */
    static final class Run {
        private static final String[][] MATTERS = { { "09.05.01", "%s的路灯坏了好几天，晚上一片漆黑" },
                { "09.02.01", "%s的垃圾三天没人清运，气味很大" }, { "09.01.01", "%s门口占道经营，行人只能走机动车道" },
                { "09", "%s的井盖缺失，已经有人差点掉下去" }, { "05", "%s附近的饭店油烟直排，熏得开不了窗" },
                { "15", "建议在%s增设一个公交站点" } };
        private static final String[] PLACES = { "古楼街道东关街", "柳园街道振兴路", "新区街道花园北路", "湖西街道湖滨路" };
        private static final String[] NAMES = { "王秀英", "李建国", "张伟", "刘芳", "陈静" };

        final int port;
        final int clients;
        final int total;
        final long seed;
        final long[] latencyNanos;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong created = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentHashMap<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        long elapsedNanos;

        Run(int port, int clients, int total, long seed) {
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
                    IntakeBenchmark.Exchange http = new IntakeBenchmark.Exchange("localhost", port);
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
                });
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

        String body(int i) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
            String[] matter = MATTERS[r.nextInt(MATTERS.length)];
            String place = PLACES[r.nextInt(PLACES.length)] + (1 + r.nextInt(200)) + "号";
            StringBuilder form = new StringBuilder();
            add(form, "jurisdiction_id", "dongchangfu");
            add(form, "api_key", KEY);
            add(form, "service_code", matter[0]);
            if (r.nextBoolean()) {
                add(form, "lat", String.format(Locale.ROOT, "%.5f", 36.40 + r.nextDouble() * 0.12));
                add(form, "long", String.format(Locale.ROOT, "%.5f", 115.92 + r.nextDouble() * 0.12));
            } else {
                add(form, "address_string", place);
            }
            add(form, "description", String.format(matter[1], place));
            add(form, "first_name", NAMES[r.nextInt(NAMES.length)]);
            add(form, "last_name", "");
            if (r.nextInt(3) > 0) {
                add(form, "phone", String.format(Locale.ROOT, "1%d%09d", 3 + r.nextInt(7), r.nextLong(1_000_000_000L)));
            }
            add(form, "attribute[fixmystreet_id]", seed + "-" + i);
            return form.toString();
        }

        private static void add(StringBuilder form, String name, String value) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }

        /** Sends one request; on a broken connection or a 5xx it sends the same again (same client id). */
        void send(IntakeBenchmark.Exchange http, int i) {
            byte[] body = body(i).getBytes(StandardCharsets.US_ASCII);
            long t0 = System.nanoTime();
            String failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    IntakeBenchmark.Exchange.Response response = http.send("POST", "/open311/v2/requests.json", null,
                            null, "application/x-www-form-urlencoded", body);
                    if (response.status() == 201 || response.status() == 200) {
                        latencyNanos[i] = System.nanoTime() - t0;
                        created.incrementAndGet();
                        ids.add(JSON.readTree(response.body()).get(0).get("service_request_id").asText());
                        return;
                    }
                    failure = response.status() + " " + response.body();
                    if (response.status() < 500) {
                        break;
                    }
                } catch (IOException e) {
                    http.close();
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            latencyNanos[i] = System.nanoTime() - t0;
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(failure.length() > 200 ? failure.substring(0, 200) : failure,
                    k -> new AtomicLong()).incrementAndGet();
        }

        String summary() {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            return String.format(Locale.ROOT, "%d requests in %.2f s = %.0f requests/s; latency ms p50 %.1f,"
                    + " p95 %.1f, p99 %.1f; created %d, failed %d", total, seconds, created.get() / seconds,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), created.get(), errors.get());
        }

        private static double ms(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }
}
