package org.hotline.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many Open311 requests per second the server takes and keeps, on this machine: {@link LoadHarness}'s method
 * (the server in a process of its own, warm-up rounds until no gain, a measured run, then SIGKILL and a count in the
 * database) with what an Open311 client sends: {@code POST /open311/v2/requests.json} (or {@code .xml} with
 * {@code -Dbench.format=xml}, as FixMyStreet does), a form body without a charset, an API key, the client's own id as
 * {@code attribute[fixmystreet_id]} (a retry of a failed call sends the same, so it is filed once), a mix of specific
 * and general services, coordinates or addresses, and Chinese names whole in first_name.
 *
 * <p>Not a JUnit test. Run it with {@code mvn -q -Pbench-open311 -Dbench.db=h2 test-compile exec:exec}; the
 * arguments are {@code db clients requests warmupRound [key=value application properties...]}.
 */
public final class Open311Benchmark implements LoadHarness.Workload {

    private static final String KEY = "bench-open311-key";
    private static final String[][] MATTERS = { { "09.05.01", "%s的路灯坏了好几天，晚上一片漆黑" },
            { "09.02.01", "%s的垃圾三天没人清运，气味很大" }, { "09.01.01", "%s门口占道经营，行人只能走机动车道" },
            { "09", "%s的井盖缺失，已经有人差点掉下去" }, { "05", "%s附近的饭店油烟直排，熏得开不了窗" },
            { "15", "建议在%s增设一个公交站点" } };
    private static final String[] PLACES = { "古楼街道东关街", "柳园街道振兴路", "新区街道花园北路", "湖西街道湖滨路" };
    private static final String[] NAMES = { "王秀英", "李建国", "张伟", "刘芳", "陈静" };
    private static final Pattern XML_ID = Pattern.compile("<service_request_id>([^<]+)</service_request_id>");

    private final String format;

    Open311Benchmark(String format) {
        if (!format.equals("json") && !format.equals("xml")) {
            throw new IllegalArgumentException("bench.format must be json or xml, not " + format);
        }
        this.format = format;
    }

    public static void main(String[] args) throws Exception {
        LoadHarness.run("open311", LoadHarness.Options.parse(args),
                new Open311Benchmark(System.getProperty("bench.format", "json")));
    }

    @Override
    public String unit() {
        return "requests";
    }

    @Override
    public List<String> serverProperties() {
        // the client is the benchmark: no rate limit in its way
        return List.of("hotline.open311.api-keys=" + KEY, "hotline.open311.rate-per-minute=1000000");
    }

    @Override
    public void ready(int port) {
        // the API key is the only credential, sent with every request
    }

    @Override
    public LoadHarness.Request request(long seed, int i) {
        byte[] body = body(seed, i).getBytes(StandardCharsets.US_ASCII);
        String path = "/open311/v2/requests." + format;
        return http -> http.send("POST", path, null, null, "application/x-www-form-urlencoded", body);
    }

    @Override
    public String acknowledged(LoadHarness.Exchange.Response response) throws IOException {
        if (format.equals("xml")) {
            Matcher m = XML_ID.matcher(response.body());
            if (!m.find()) {
                throw new IOException("no service_request_id in " + response.body());
            }
            return m.group(1);
        }
        return LoadHarness.JSON.readTree(response.body()).get(0).get("service_request_id").asText();
    }

    @Override
    public String storedIdsQuery() {
        return "SELECT order_number FROM open311_request";
    }

    /** One work order with its Open311 record per acknowledged request (a failed one may have left one). */
    @Override
    public boolean countsMatch(Statement st, long created, long failed) throws SQLException {
        long orders = LoadHarness.count(st, "work_order");
        long requests = LoadHarness.count(st, "open311_request");
        System.out.printf(Locale.ROOT, "%d work orders, %d Open311 requests%n", orders, requests);
        return requests == orders && orders >= created && orders <= created + failed;
    }

    static String body(long seed, int i) {
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
}
