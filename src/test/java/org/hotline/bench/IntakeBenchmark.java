package org.hotline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * How many appeals per second the REST intake takes and keeps, on this machine: {@link LoadHarness}'s method (the
 * server in a process of its own, warm-up rounds until no gain, a measured run, then SIGKILL and a count in the
 * database) with what an operator's client sends: it signs in as an operator and registers appeals through
 * {@code POST /api/v1/orders}, each with an Idempotency-Key (a retry sends the same key and body).
 *
 * <p>Not a JUnit test: it takes minutes and both cores. Run it with
 * {@code mvn -q -Pbench-intake -Dbench.db=postgres test-compile exec:exec} (or {@code -Dbench.db=h2}); the
 * arguments are {@code db clients orders warmupRound [key=value application properties...]}.
 */
public final class IntakeBenchmark implements LoadHarness.Workload {

    private String token;

    public static void main(String[] args) throws Exception {
        LoadHarness.run("intake", LoadHarness.Options.parse(args), new IntakeBenchmark());
    }

    @Override
    public String unit() {
        return "orders";
    }

    @Override
    public List<String> serverProperties() {
        return List.of();
    }

    @Override
    public void ready(int port) throws Exception {
        token = LoadHarness.token(port, "operator1");
    }

    @Override
    public LoadHarness.Request request(long seed, int i) {
        String key = UUID.randomUUID().toString();
        byte[] body = new Appeals(seed).body(i).getBytes(StandardCharsets.UTF_8);
        return http -> http.send("POST", "/api/v1/orders", "Bearer " + token, key, body);
    }

    @Override
    public String acknowledged(LoadHarness.Exchange.Response response) throws IOException {
        return LoadHarness.JSON.readTree(response.body()).get("number").asText();
    }

    @Override
    public String storedIdsQuery() {
        return "SELECT number FROM work_order";
    }

    /** One order per acknowledged call (a failed call may have left one), and one idempotency key per order. */
    @Override
    public boolean countsMatch(Statement st, long created, long failed) throws SQLException {
        long rows = LoadHarness.count(st, "work_order");
        long keys = LoadHarness.count(st, "idempotency_key");
        System.out.printf(Locale.ROOT, "%d rows in work_order, %d idempotency keys%n", rows, keys);
        return rows >= created && rows <= created + failed && keys == rows;
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
                return LoadHarness.JSON.writeValueAsString(map(i));
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
