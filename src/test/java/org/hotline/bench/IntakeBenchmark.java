package org.hotline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.hotline.HotlineApplication;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How many appeals per second the intake API takes and keeps, on this machine.
 *
 * <p>Starts the whole application in this JVM on a random port, on an H2 file database in a temporary
 * directory (the embedded default) or on an embedded PostgreSQL (production), signs in as an operator, warms
 * up, and then lets {@code clients} concurrent HTTP clients register {@code orders} appeals through
 * {@code POST /api/v1/orders}, each with its own Idempotency-Key. It prints throughput and latency and then
 * checks durability: every 201 is exactly one stored order, none lost and none duplicated.
 *
 * <p>Not a JUnit test: it takes minutes and both cores. Run it with
 * {@code mvn -q -Pbench-intake -Dbench.db=postgres test-compile exec:exec} (or {@code -Dbench.db=h2}); the
 * arguments are {@code db clients orders warmup [key=value application properties...]}. With the system
 * property {@code bench.direct=N} (e.g. {@code -Dbench.jvm=-Dbench.direct=5000}) it then registers N more
 * appeals by calling the service in-process, to show what the web stack costs on top of the storage.
 */
public final class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        // application properties, each argument possibly several separated by spaces (Maven passes one, maybe empty)
        List<String> extra = Arrays.stream(args).skip(4).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toList();

        Path dir = Files.createTempDirectory("hotline-bench-");
        EmbeddedPostgres postgres = null;
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                // an empty database with the demo organisation (and its users) but no demo orders, no timers
                "hotline.demo.enabled=false",
                "hotline.scheduling.enabled=false",
                // spring-modulith-moments would enable scheduling anyway, and a sweep would run mid-benchmark
                "spring.modulith.moments.enabled=false"));
        if (db.equals("postgres")) {
            // production's commit durability: zonky's default (synchronous_commit=off) would flatter the figures
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "100").start();
            properties.add("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            properties.add("spring.datasource.username=postgres");
            properties.add("spring.datasource.password=postgres");
        } else if (db.equals("h2")) {
            properties.add("spring.datasource.url=jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + db);
        }
        properties.addAll(extra);

        System.out.printf(Locale.ROOT, "intake benchmark: %s, %d clients, %d orders after %d warm-up, %d cores, %s%n",
                db, clients, orders, warmup, Runtime.getRuntime().availableProcessors(), extra);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        boolean durable;
        try {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String token = token(http, base, "operator1", "demo123");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long before = count(jdbc, "work_order");

            Run warm = new Run(http, base, token, clients, warmup, new Appeals(1));
            warm.execute();
            System.out.printf(Locale.ROOT, "warm-up:  %s%n", warm.summary());
            Run measured = new Run(http, base, token, clients, orders, new Appeals(2));
            measured.execute();
            System.out.printf(Locale.ROOT, "measured: %s%n", measured.summary());
            measured.printErrors();
            // The same intake without HTTP, security, JSON and validation: what the service and the database
            // take alone, to tell the web stack's share of the time from the storage's.
            Direct direct = new Direct(app.getBean(WorkOrderService.class), clients, Integer.getInteger("bench.direct", 0),
                    new Appeals(3));
            if (direct.total > 0) {
                direct.execute();
                System.out.printf(Locale.ROOT, "service only (no HTTP): %s%n", direct.summary());
            }

            long created = warm.created.get() + measured.created.get() + direct.created.get();
            long stored = count(jdbc, "work_order") - before;
            long keys = count(jdbc, "idempotency_key");
            Set<String> numbers = ConcurrentHashMap.newKeySet();
            numbers.addAll(warm.numbers);
            numbers.addAll(measured.numbers);
            long failed = warm.errors.get() + measured.errors.get() + direct.errors.get();
            // every acknowledged order is stored exactly once; a request that failed after all retries may or may
            // not have created one (its outcome is unknown to the client), so it may add at most one row
            durable = stored >= created && stored <= created + failed && keys == stored
                    && numbers.size() + direct.created.get() == created;
            System.out.printf(Locale.ROOT,
                    "durability: %d orders acknowledged (201, or 200 on a retry), %d failed, %d rows in work_order,"
                            + " %d idempotency keys, %d distinct numbers -> %s%n",
                    created, failed, stored, keys, numbers.size() + direct.created.get(), durable ? "OK (none lost, none duplicated)" : "FAILED");
        } finally {
            app.close();
            if (postgres != null) {
                postgres.close();
            }
            delete(dir);
        }
        if (!durable) {
            throw new IllegalStateException("stored orders do not match the 201 responses");
        }
    }

    /** One timed batch of intake calls, spread over {@code clients} threads that each send one call at a time. */
    static class Run {
        final HttpClient http;
        final String base;
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

        Run(HttpClient http, String base, String token, int clients, int total, Appeals appeals) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.clients = clients;
            this.total = total;
            this.appeals = appeals;
            this.latencyNanos = new long[total];
        }

        void execute() throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        send(i);
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
         * Sends one appeal the way a careful client does: on a timeout or a 5xx it retries with the same body
         * and the same Idempotency-Key, so the order is created once however often it is sent. The latency is
         * that of the whole exchange, retries included.
         */
        void send(int i) {
            String key = UUID.randomUUID().toString();
            String body = appeals.body(i);
            long t0 = System.nanoTime();
            String failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                if (attempt > 0) {
                    retries.incrementAndGet();
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
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
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "interrupted";
                    break;
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

    /** Calls {@link WorkOrderService#register} in-process from {@code clients} threads, with idempotency keys. */
    static final class Direct extends Run {
        private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
        private final WorkOrderService service;

        Direct(WorkOrderService service, int clients, int total, Appeals appeals) {
            super(null, null, null, clients, total, appeals);
            this.service = service;
        }

        @Override
        void send(int i) {
            WorkOrder.Appeal appeal = appeals.appeal(i);
            long t0 = System.nanoTime();
            try {
                service.register(appeal, null, OPERATOR, UUID.randomUUID().toString(), Integer.toHexString(i));
                created.incrementAndGet();
            } catch (RuntimeException e) {
                error(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            latencyNanos[i] = System.nanoTime() - t0;
        }
    }

    private static String token(HttpClient http, String base, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static void delete(Path dir) throws IOException {
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

        @SuppressWarnings("unchecked")
        WorkOrder.Appeal appeal(int i) {
            Map<String, Object> m = map(i);
            Map<String, Object> c = (Map<String, Object>) m.get("citizen");
            Map<String, Object> l = (Map<String, Object>) m.get("location");
            return new WorkOrder.Appeal(Channel.valueOf((String) m.get("channel")),
                    AppealType.valueOf((String) m.get("appealType")),
                    new Citizen((String) c.get("name"), (String) c.get("phone"), (Boolean) c.get("confidential")),
                    (String) m.get("content"),
                    new Location((String) l.get("address"), (Double) l.get("latitude"), (Double) l.get("longitude")),
                    (String) m.get("categoryCode"), Urgency.valueOf((String) m.get("urgency")));
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
