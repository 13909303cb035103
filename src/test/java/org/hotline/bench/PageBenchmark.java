package org.hotline.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.HotlineApplication;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How long each console page takes with a year of data (150,000 orders with their whole histories, replies,
 * callbacks and leader samples, as {@link AssessmentBenchmark} builds them), on H2 or PostgreSQL.
 *
 * <p>Starts the application in this JVM, writes the year, then signs in through the login form as each role's
 * demo user and requests, over HTTP on this machine, every page that user's navigation links to (read from the
 * landing page, so a new page is measured as soon as it is in the menu), plus an order page, a second page of
 * the order list, a filtered list and the citizen lookup. Each page is requested {@code rounds} times after a
 * warm-up; the figure is the time from sending the request to the last byte of the page (the server's time plus
 * a local round trip), printed as p50 and p95 per page. A figure, not a test: nothing is asserted here; a page
 * over the 300 ms goal is marked.
 *
 * <p>The orders' texts are of a citizen's length ({@link OrderTexts}), so that the keyword searches find what they
 * would in service: {@link #KEYWORDS}, common and rare words, a phrase, one character, a place with its house number,
 * a word no order has and an order's number, as center users (the whole year) and as units' users (their own
 * orders). The keyword search's index ({@code hotline.order-search}) is given time to index the year first.
 *
 * <p>{@code mvn -q -Pbench-pages -Dbench.db=h2 test-compile exec:exec} (or {@code -Dbench.db=postgres});
 * {@code -Dbench.pages=search} times the keyword searches only (as two center users and two units' users), and
 * {@code -Dbench.search-index=false} switches the index off, for the figures before it.
 */
public final class PageBenchmark {

    private static final Pattern NAV_LINK = Pattern.compile("href=\"(/console[^\"?#]*)\"");
    private static final List<String> USERS = List.of("operator1", "dispatcher1", "reviewer1", "supervisor1",
            "director1", "admin", "zf-handler", "zf-leader", "gulou-handler");
    private static final Map<String, String> UNIT_OF = Map.of("zf-handler", "dcf-zhzfj", "zf-leader", "dcf-zhzfj",
            "gulou-handler", "dcf-gulou");
    private static final double GOAL_MS = 300;
    /**
     * The keyword searches: common two-character words (in 28% and 42% of the orders), a less common one (4%), a
     * rare one and a phrase (0.4%), one character (33%), a place with its house number (a handful), a word no order
     * has; the newest order's number is added.
     */
    static final List<String> KEYWORDS = List.of("小区", "问题", "积水", "裂缝", "墙体出现裂缝", "水", "光岳路17号", "火星");
    /** In {@code bench.pages=search}: the users whose searches are timed. */
    private static final List<String> SEARCH_USERS = List.of("supervisor1", "director1", "zf-handler", "gulou-handler");

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean searchOnly = "search".equals(System.getProperty("bench.pages", "all"));
        String searchIndex = System.getProperty("bench.search-index", "true");

        Path dir = Files.createTempDirectory("hotline-page-bench-");
        EmbeddedPostgres postgres = null;
        String url;
        String user;
        String password;
        String bulkUrl;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                    .start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            bulkUrl = url + "&reWriteBatchedInserts=true";
        } else if (db.equals("h2")) {
            url = "jdbc:h2:file:" + dir.resolve("hotline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
            user = "sa";
            password = "";
            bulkUrl = url;
        } else {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + db);
        }
        System.out.printf(Locale.ROOT, "page benchmark: %s, %d orders, %d rounds per page, %d cores%n", db, orders,
                rounds, Runtime.getRuntime().availableProcessors());

        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(HotlineApplication.class).run(Arrays.stream(new String[] {
                    "spring.datasource.url=" + url, "spring.datasource.username=" + user,
                    "spring.datasource.password=" + password, "server.port=0", "hotline.demo.enabled=false",
                    "hotline.scheduling.enabled=false", "hotline.dispatch.train-at-first-start=false",
                    "spring.modulith.moments.enabled=false", "logging.level.root=WARN", "spring.main.banner-mode=off",
                    "hotline.order-search.enabled=" + searchIndex,
                    // the index beside the benchmark's own database, not in ./data
                    "hotline.order-search.index-dir=" + dir.resolve("order-search") })
                    .map(p -> "--" + p).toArray(String[]::new));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<Unit> units = app.getBean(Units.class).all().stream().filter(Unit::active)
                    .sorted(Comparator.comparing(u -> u.id().value())).toList();
            long g0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(bulkUrl, user, password)) {
                AssessmentBenchmark.Generator.Counts counts = new AssessmentBenchmark.Generator(units,
                        new Random(12345)).withTexts(new OrderTexts(20261206)).write(c, orders);
                try (Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    st.execute(db.equals("postgres") ? "VACUUM ANALYZE" : "ANALYZE");
                }
                System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", counts, AssessmentBenchmark.seconds(g0));
            }
            // an order each user may open: the newest one, or the newest their unit leads
            Map<String, String> orderOf = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                String newest = single(st, "SELECT number FROM work_order ORDER BY number DESC LIMIT 1");
                for (String username : USERS) {
                    String unit = UNIT_OF.get(username);
                    orderOf.put(username, unit == null ? newest : single(st, "SELECT number FROM work_order"
                            + " WHERE lead_unit_id = '" + unit + "' ORDER BY number DESC LIMIT 1"));
                }
            }

            String base = "http://localhost:" + port;
            String newest = orderOf.get("supervisor1");
            if (Boolean.parseBoolean(searchIndex)) {
                waitForTheSearchIndex(app, base, orders);
            }
            List<Row> rows = new ArrayList<>();
            for (String username : searchOnly ? SEARCH_USERS : USERS) {
                Session session = Session.signIn(base, username);
                boolean center = !UNIT_OF.containsKey(username);
                if (searchOnly) {
                    for (String keyword : keywords(newest)) {
                        rows.add(measure(session, username, search(keyword), rounds));
                    }
                    continue;
                }
                Set<String> pages = new LinkedHashSet<>();
                pages.add("/console");
                String landing = session.get("/console").body();
                int navStart = landing.indexOf("<nav class=\"menu\"");
                String menu = navStart < 0 ? "" : landing.substring(navStart, landing.indexOf("</nav>", navStart));
                Matcher m = NAV_LINK.matcher(menu);
                while (m.find()) {
                    pages.add(m.group(1));
                }
                pages.remove("/console/logout");
                pages.add("/console/orders/" + orderOf.get(username));
                pages.add("/console/orders?page=3");
                for (String keyword : center ? keywords(newest) : List.of("小区", "裂缝")) {
                    pages.add(search(keyword));
                }
                for (String page : pages) {
                    rows.add(measure(session, username, page, rounds));
                }
            }
            if (!searchOnly) {
                Session anonymous = Session.anonymous(base);
                rows.add(measure(anonymous, "(citizen)", "/cases", rounds));
            }

            System.out.printf(Locale.ROOT, "%n%-14s %-48s %6s %9s %9s%n", "user", "page", "status", "p50 ms", "p95 ms");
            double worst = 0;
            for (Row r : rows) {
                worst = Math.max(worst, r.p95);
                System.out.printf(Locale.ROOT, "%-14s %-48s %6d %9.1f %9.1f%s%n", r.user,
                        URLDecoder.decode(r.page, StandardCharsets.UTF_8), r.status, r.p50, r.p95,
                        r.p95 > GOAL_MS ? "  over 300 ms" : "");
            }
            System.out.printf(Locale.ROOT, "RESULT db=%s orders=%d pages=%d worst_p95_ms=%.1f over_goal=%d%n", db,
                    orders, rows.size(), worst, rows.stream().filter(r -> r.p95 > GOAL_MS).count());
        } finally {
            if (app != null) {
                app.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            delete(dir);
        }
    }

    private record Row(String user, String page, int status, double p50, double p95) {
    }

    private static List<String> keywords(String orderNumber) {
        List<String> all = new ArrayList<>(KEYWORDS);
        all.add(orderNumber);
        return all;
    }

    private static String search(String keyword) {
        return "/console/orders?q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
    }

    /**
     * Waits until the keyword search's index holds the year written behind its back (it notices at the first
     * search and compares itself with the table, about a minute for 150,000 orders), as a server in service would
     * have it: the figures are then the index's, not the table's.
     */
    private static void waitForTheSearchIndex(ConfigurableApplicationContext app, String base, int orders)
            throws Exception {
        long t0 = System.nanoTime();
        HealthIndicator index = app.getBean("orderSearchHealthIndicator", HealthIndicator.class);
        Session searcher = Session.signIn(base, "supervisor1");
        for (int second = 0; ((Number) index.health().getDetails().get("orders")).intValue() < orders; second++) {
            if (second % 30 == 0) {
                // a search that finds the index short has it compared with the table (at most every 30 s)
                searcher.get(search("积水"));
            }
            if (second > 600) {
                throw new IllegalStateException("the search index did not catch up in 10 minutes: "
                        + index.health().getDetails());
            }
            Thread.sleep(1000);
        }
        // one more search: the index answers once the comparison has finished
        Thread.sleep(2000);
        System.out.printf(Locale.ROOT, "search index ready in %.1f s: %s%n", AssessmentBenchmark.seconds(t0),
                index.health().getDetails());
    }

    private static Row measure(Session session, String user, String page, int rounds) throws Exception {
        int status = 0;
        for (int i = 0; i < 3; i++) {
            status = session.get(page).statusCode();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            status = session.get(page).statusCode();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Row(user, page, status, percentile(ms, 0.50), percentile(ms, 0.95));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A browser's session: its cookie jar, signed in through the form as a person would. */
    private record Session(HttpClient http, String base) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        static Session anonymous(String base) {
            return new Session(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build(), base);
        }

        static Session signIn(String base, String username) throws IOException, InterruptedException {
            Session s = anonymous(base);
            Matcher token = CSRF.matcher(s.get("/login").body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", username);
            form.put("password", "demo123");
            form.put("_csrf", token.group(1));
            String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
            HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.uri().getPath().startsWith("/login")) {
                throw new IllegalStateException(username + " could not sign in");
            }
            return s;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
