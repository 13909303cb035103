package org.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.dispatch.internal.model.TrainingExample;
import org.hotline.support.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two servers share one PostgreSQL, as behind a load balancer in production. What an administrator changes on
 * one (a user, a unit, the routing rules, the model in service) holds on the other from its next request on,
 * within a second. The safety poll is set to an hour here, so only the notification can bring a change in time.
 */
class AnAdminsChangeReachesEveryInstanceWithinASecondTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String DEMO_PASSWORD = "demo123";
    private static final String ACCOUNT_NO_LONGER_VALID =
            "账号已停用或已不存在，登录已失效；如有疑问请联系系统管理员";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ConfigurableApplicationContext> SERVERS = new ArrayList<>();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static int cityManagementModel;
    private static int utilitiesModel;

    @BeforeAll
    static void twoServersOnOneDatabaseServingAModel() throws Exception {
        String database = SharedPostgres.newDatabase("two_instances");
        // one after the other: the first migrates the schema and loads the organisation, the second finds both
        a = start(database);
        b = start(database);
        cityManagementModel = storeModel("09", "13.02");
        utilitiesModel = storeModel("13.01", "07.01");
        activate(a, cityManagementModel);
        String number = register(b, "路灯不亮");
        eventually("B serves the first model", Duration.ofSeconds(10),
                () -> String.valueOf(cityManagementModel).equals(advice(b, number).path("modelVersion").asText()));
    }

    @AfterAll
    static void stopServers() {
        SERVERS.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aDisabledUserIsRefusedOnTheNextRequestOnEveryInstance() throws Exception {
        createUser(a, "two-operator", "OPERATOR", null);
        String token = token(b, "two-operator", "long-enough-1");
        assertThat(call(b, "GET", "/api/v1/units", bearer(token), null).statusCode()).isEqualTo(200);

        changeUser(a, "two-operator", "OPERATOR", null, false);

        // on the instance that made the change, at once; on the other within a second
        assertThat(refusedAsNoLongerValid(call(a, "GET", "/api/v1/units", bearer(token), null))).isTrue();
        eventually("B refuses the disabled user's token", WITHIN,
                () -> refusedAsNoLongerValid(call(b, "GET", "/api/v1/units", bearer(token), null)));
        assertThat(call(b, "GET", "/api/v1/units", basic("two-operator", "long-enough-1"), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aUserMovedToAnotherUnitActsForItOnTheNextRequestOnEveryInstance() throws Exception {
        String number = register(a, "东关街的下水道堵了，污水漫到路上");
        dispatch(a, number, "dcf-liuyuan");
        createUser(a, "two-mover", "UNIT_HANDLER", "dcf-gulou");
        String token = token(b, "two-mover", "long-enough-1");
        // another unit's order does not exist for a unit's user
        assertThat(call(b, "GET", "/api/v1/orders/" + number, bearer(token), null).statusCode()).isEqualTo(404);

        changeUser(a, "two-mover", "UNIT_HANDLER", "dcf-liuyuan", true);

        eventually("B lets the moved user act for the new unit", WITHIN,
                () -> call(b, "GET", "/api/v1/orders/" + number, bearer(token), null).statusCode() == 200);
        HttpResponse<String> acknowledged = call(b, "POST", "/api/v1/orders/" + number + "/acknowledge",
                bearer(token), null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(acknowledged.body()).path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aRoutingRuleEditedOnOneInstanceRoutesTheNextOrderOnTheOther() throws Exception {
        String number = register(b, "小区里有人摆摊卖两实例测试货，请处理");
        assertThat(advice(b, number).path("rule").asText()).isNotEqualTo("两实例测试规则");

        JsonNode rules = JSON.readTree(call(a, "GET", "/api/v1/admin/dispatch/rules", admin(a), null).body());
        List<Object> edited = new ArrayList<>();
        edited.add(Map.of("name", "两实例测试规则", "keywords", List.of("两实例测试货"), "lead", "UNIT",
                "leadUnit", "dcf-power"));
        rules.path("rules").forEach(rule -> edited.add(JSON.convertValue(rule, Map.class)));
        HttpResponse<String> saved = call(a, "PUT", "/api/v1/admin/dispatch/rules", admin(a),
                JSON.writeValueAsString(Map.of("version", rules.path("version").asLong(), "rules", edited)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        eventually("B routes by the edited rule", WITHIN, () -> {
            JsonNode advice = advice(b, number);
            return advice.path("rule").asText().equals("两实例测试规则")
                    && advice.path("suggestions").path(0).path("leadUnit").path("id").asText().equals("dcf-power");
        });
    }

    @Test
    void aUnitRenamedOrDeactivatedOnOneInstanceIsSeenOnTheOther() throws Exception {
        HttpResponse<String> created = call(a, "POST", "/api/v1/admin/units", admin(a), """
                {"id": "two-bureau", "name": "两实例测试局", "kind": "INDUSTRY"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        eventually("B knows the new unit", WITHIN,
                () -> unit(b, "two-bureau").path("name").asText().equals("两实例测试局"));

        HttpResponse<String> changed = call(a, "PUT", "/api/v1/admin/units/two-bureau", admin(a), """
                {"name": "两实例改名局", "kind": "INDUSTRY", "active": false}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        eventually("B has the unit renamed and inactive", WITHIN, () -> {
            JsonNode unit = unit(b, "two-bureau");
            return unit.path("name").asText().equals("两实例改名局") && !unit.path("active").asBoolean(true);
        });
        // and no new order can be sent to it there
        String number = register(b, "两实例测试：单位停用后不能再派单");
        assertThat(call(b, "POST", "/api/v1/orders/" + number + "/dispatch", dispatcher(b),
                "{\"leadUnit\":\"two-bureau\"}").statusCode()).isBetween(400, 499);
    }

    @Test
    void aModelActivatedOnOneInstanceIsServedByTheOther() throws Exception {
        String number = register(b, "柳园路的路灯这几天都不亮，晚上走路很危险。");
        activate(a, utilitiesModel);

        eventually("B serves the model activated on A", WITHIN,
                () -> String.valueOf(utilitiesModel).equals(advice(b, number).path("modelVersion").asText()));

        activate(a, cityManagementModel); // roll back, for the other tests
        eventually("B serves the model rolled back to on A", WITHIN,
                () -> String.valueOf(cityManagementModel).equals(advice(b, number).path("modelVersion").asText()));
    }

    @Test
    void aKnowledgeEntryPublishedOnOneInstanceIsSuggestedByTheOtherAndRetiredFromIt() throws Exception {
        String appeal = "{\"content\":\"想问一下双胞胎家庭的育儿补贴去哪里申请\"}";
        HttpResponse<String> draft = call(a, "POST", "/api/v1/knowledge", admin(a),
                "{\"title\":\"双胞胎育儿补贴申请\",\"answer\":\"双胞胎家庭的育儿补贴向户籍所在地街道申请。\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String entry = "/api/v1/knowledge/" + JSON.readTree(draft.body()).path("id").asText();
        assertThat(call(a, "POST", entry + "/submit", admin(a), "{}").statusCode()).isEqualTo(200);
        assertThat(call(a, "POST", entry + "/review", director(a), "{\"approve\":true}").statusCode()).isEqualTo(200);

        eventually("B suggests the entry published on A", WITHIN,
                () -> suggested(b, appeal).contains("双胞胎育儿补贴申请"));

        assertThat(call(a, "POST", entry + "/retire", director(a), "{\"reason\":\"政策调整\"}").statusCode())
                .isEqualTo(200);
        eventually("B no longer suggests the entry retired on A", WITHIN,
                () -> !suggested(b, appeal).contains("双胞胎育儿补贴申请"));
    }

    private static String suggested(ConfigurableApplicationContext server, String json) throws Exception {
        return call(server, "POST", "/api/v1/knowledge/suggest", operator(server), json).body();
    }

    private static String director(ConfigurableApplicationContext server) throws Exception {
        return bearer(TOKENS.computeIfAbsent("director1", name -> uncheckedToken(server, name)));
    }

    // --- the servers ---

    private static ConfigurableApplicationContext start(String databaseUrl) {
        // as command-line arguments: they outrank application.yml (builder properties() would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HotlineApplication.class)
                .run(Arrays.asList(
                        "spring.datasource.url=" + databaseUrl,
                        "spring.datasource.username=" + SharedPostgres.USER,
                        "spring.datasource.password=" + SharedPostgres.PASSWORD,
                        "spring.datasource.hikari.maximum-pool-size=6",
                        "server.port=0",
                        "hotline.demo.enabled=false",
                        "hotline.scheduling.enabled=false",
                        "hotline.dispatch.automatic=false",
                        "hotline.dispatch.train-at-first-start=false",
                        // only the notification can make a change arrive within the second
                        "hotline.changes.poll-interval=PT1H",
                        "spring.modulith.moments.enabled=false").stream().map(p -> "--" + p).toArray(String[]::new));
        SERVERS.add(context);
        return context;
    }

    /** A small model trained on the demo history's messages of some categories, stored as a new version. */
    private static int storeModel(String... labelPrefixes) throws IOException {
        List<TrainingExample> examples = new ArrayList<>();
        try (Reader in = new InputStreamReader(new ClassPathResource("dispatch/demo-history.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String label = row.get("label");
                if (Arrays.stream(labelPrefixes).anyMatch(label::startsWith)) {
                    examples.add(new TrainingExample(row.get("subject"), row.get("subject") + row.get("detail"), label));
                }
            }
        }
        LinearTextModel model = new Trainer(FeatureSettings.defaults(), 0).train(examples);
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO dispatch_model (created_at, created_by, label_kind, examples, labels, last_example_id, note,
                    metric_method, training_millis, settings, data)
                VALUES (?, 'test', 'CATEGORY', ?, ?, 0, 'two instances', 'NONE', 1, ?, ?)""",
                Timestamp.from(Instant.now()), examples.size(), model.labels().length,
                ModelFiles.settingsJson(model.settings()), ModelFiles.write(model));
        return jdbc.queryForObject("SELECT MAX(version) FROM dispatch_model", Integer.class);
    }

    private static void activate(ConfigurableApplicationContext server, int version) throws Exception {
        HttpResponse<String> activated = call(server, "POST", "/api/v1/admin/dispatch/models/" + version + "/activate",
                admin(server), null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    // --- what the test does through the API ---

    private static void createUser(ConfigurableApplicationContext server, String username, String role, String unit)
            throws Exception {
        HttpResponse<String> created = call(server, "POST", "/api/v1/admin/users", admin(server), JSON.writeValueAsString(
                user(username, role, unit, true, "long-enough-1")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void changeUser(ConfigurableApplicationContext server, String username, String role, String unit,
            boolean enabled) throws Exception {
        HttpResponse<String> changed = call(server, "PUT", "/api/v1/admin/users/" + username, admin(server),
                JSON.writeValueAsString(user(null, role, unit, enabled, null)));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    private static Map<String, Object> user(String username, String role, String unit, boolean enabled,
            String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        if (username != null) {
            user.put("username", username);
            user.put("password", password);
        }
        user.put("displayName", "两实例测试用户");
        user.put("role", role);
        if (unit != null) {
            user.put("unitId", unit);
        }
        user.put("enabled", enabled);
        return user;
    }

    private static String register(ConfigurableApplicationContext server, String content) throws Exception {
        HttpResponse<String> created = call(server, "POST", "/api/v1/orders", operator(server), """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
                 "content":"%s","location":{"address":"古楼街道东关街"}}""".formatted(content));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("number").asText();
    }

    private static void dispatch(ConfigurableApplicationContext server, String number, String lead) throws Exception {
        HttpResponse<String> dispatched = call(server, "POST", "/api/v1/orders/" + number + "/dispatch",
                dispatcher(server), "{\"leadUnit\":\"" + lead + "\"}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
    }

    private static JsonNode advice(ConfigurableApplicationContext server, String number) throws Exception {
        HttpResponse<String> advice = call(server, "GET", "/api/v1/orders/" + number + "/dispatch-advice",
                dispatcher(server), null);
        assertThat(advice.statusCode()).as(advice.body()).isEqualTo(200);
        return JSON.readTree(advice.body());
    }

    private static JsonNode unit(ConfigurableApplicationContext server, String id) throws Exception {
        HttpResponse<String> unit = call(server, "GET", "/api/v1/units/" + id, operator(server), null);
        return unit.statusCode() == 200 ? JSON.readTree(unit.body()) : JSON.createObjectNode();
    }

    private static boolean refusedAsNoLongerValid(HttpResponse<String> response) throws IOException {
        return response.statusCode() == 401
                && ACCOUNT_NO_LONGER_VALID.equals(JSON.readTree(response.body()).path("detail").asText());
    }

    // --- signing in: tokens, so that waiting does not pay for a password hash on every try ---

    private static String admin(ConfigurableApplicationContext server) throws Exception {
        return bearer(TOKENS.computeIfAbsent("admin", name -> uncheckedToken(server, name)));
    }

    private static String operator(ConfigurableApplicationContext server) throws Exception {
        return bearer(TOKENS.computeIfAbsent("operator1", name -> uncheckedToken(server, name)));
    }

    private static String dispatcher(ConfigurableApplicationContext server) throws Exception {
        return bearer(TOKENS.computeIfAbsent("dispatcher1", name -> uncheckedToken(server, name)));
    }

    private static String uncheckedToken(ConfigurableApplicationContext server, String demoUser) {
        try {
            return token(server, demoUser, DEMO_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(ConfigurableApplicationContext server, String username, String password)
            throws Exception {
        HttpResponse<String> issued = call(server, "POST", "/api/v1/auth/token", basic(username, password), null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body()).path("access_token").asText();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext server, String method, String path,
            String authorization, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + server.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Checks until the condition holds or the time is up; the time runs from the change, not from a fixed sleep. */
    private static void eventually(String what, Duration within, Check condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
