package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.hotline.assessment.internal.AccountabilityCasesForTests;
import org.hotline.console.ConsoleSessions;
import org.hotline.organization.UnitId;
import org.hotline.platform.AdminAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every change an administrator (or the director, a supervisor acting on settings) makes outside the work orders is
 * recorded append-only with who, when, which object and what changed: one test per kind of change, each made through
 * the API or the console as people make it, then read back from the audit. The knowledge base and hot-issue tackling
 * keep their own append-only histories (V23_1, V36); their tests here read the change there.
 *
 * <p>{@link #everyAdministrativeEndpointIsOneOfTheChangesRecordedHere} keeps the list honest: a new endpoint that
 * changes something under {@code /api/v1/admin} or {@code /console/admin} fails it until its change is recorded and
 * listed here.
 */
@AuditedInstance
class EveryAdministrativeChangeIsRecordedWithItsChangeTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    // ---------------------------------------------------------------- users and roles

    @Test
    void aUserCreatedIsRecordedWithRoleAndUnitAndNeverThePassword() throws Exception {
        String u = name("u");
        api("admin", post("/api/v1/admin/users"), """
                {"username":"%s","displayName":"张审计","password":"audit-secret-1","role":"UNIT_HANDLER",
                 "unitId":"dcf-gulou","enabled":true}""".formatted(u)).andExpect(status().isCreated());

        AdminAudit.Entry line = latest(AdminAudit.USER, u);
        assertThat(line.action()).isEqualTo("CREATE");
        assertThat(line.actor()).isEqualTo("admin");
        assertThat(line.actorName()).isEqualTo("系统管理员");
        assertThat(line.actorRole()).isEqualTo("ADMIN");
        assertThat(line.detail()).contains("新建用户 " + u + "（张审计）", "承办人", "古楼街道（dcf-gulou）", "已设置初始密码")
                .doesNotContain("audit-secret-1");
        // the same line through the API a reader uses
        JsonNode page = read("admin", "/api/v1/admin/audit?kind=user&user=admin&action=CREATE");
        assertThat(page.path("items").findValuesAsText("objectId")).contains(u);
    }

    @Test
    void aUsersNameChangeIsRecordedBeforeAndAfter() throws Exception {
        String u = user();
        api("admin", put("/api/v1/admin/users/" + u), """
                {"displayName":"李审计","role":"OPERATOR","enabled":true}""").andExpect(status().isOk());

        AdminAudit.Entry line = latest(AdminAudit.USER, u);
        assertThat(line.action()).isEqualTo("UPDATE");
        assertThat(line.detail()).contains("姓名：「测试用户」 → 「李审计」").doesNotContain("角色");
    }

    @Test
    void aRoleChangeIsRecordedAsARoleChange() throws Exception {
        String u = user();
        api("admin", put("/api/v1/admin/users/" + u), """
                {"displayName":"测试用户","role":"UNIT_LEADER","unitId":"dcf-zhzfj","enabled":true}""")
                .andExpect(status().isOk());

        AdminAudit.Entry line = latest(AdminAudit.USER, u);
        assertThat(line.action()).isEqualTo("ROLE");
        assertThat(line.detail()).contains("角色：「话务员」 → 「单位负责人」",
                "单位：「受理中心」 → 「区综合行政执法局（dcf-zhzfj）」");
    }

    @Test
    void aUserDisabledAndEnabledOnThePageIsRecordedEachTime() throws Exception {
        String u = user();
        MockHttpSession admin = ConsoleSessions.signIn(mvc, "admin");
        mvc.perform(post("/console/admin/users/" + u + "/enabled").session(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(latest(AdminAudit.USER, u).action()).isEqualTo("DISABLE");
        assertThat(latest(AdminAudit.USER, u).detail()).contains("状态：「启用」 → 「停用」");

        mvc.perform(post("/console/admin/users/" + u + "/enabled").session(admin).with(csrf()).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(latest(AdminAudit.USER, u).action()).isEqualTo("ENABLE");
    }

    @Test
    void aPasswordResetIsRecordedWithoutThePassword() throws Exception {
        String u = user();
        api("admin", post("/api/v1/admin/users/" + u + "/password"), "{\"password\":\"reset-secret-9\"}")
                .andExpect(status().isNoContent());

        AdminAudit.Entry line = latest(AdminAudit.USER, u);
        assertThat(line.action()).isEqualTo("PASSWORD");
        assertThat(line.detail()).isEqualTo("重置用户 " + u + "（测试用户）的密码");
    }

    // ---------------------------------------------------------------- units

    @Test
    void aUnitCreatedEditedAndDisabledIsRecordedEachTime() throws Exception {
        String id = name("unit");
        api("admin", post("/api/v1/admin/units"), """
                {"id":"%s","name":"审计测试局","kind":"INDUSTRY","contactPhone":"0635-1234567"}""".formatted(id))
                .andExpect(status().isCreated());
        assertThat(latest(AdminAudit.UNIT, id).detail()).contains("新建承办单位「审计测试局」", "行业主管部门",
                "0635-1234567");

        MockHttpSession admin = ConsoleSessions.signIn(mvc, "admin");
        mvc.perform(post("/console/admin/units/" + id).session(admin).with(csrf()).param("name", "审计测试中心")
                .param("kind", "TERRITORIAL").param("contactPhone", "0635-1234567").param("parentId", "dcf-gulou")
                .param("active", "true")).andExpect(status().is3xxRedirection());
        AdminAudit.Entry edited = latest(AdminAudit.UNIT, id);
        assertThat(edited.action()).isEqualTo("UPDATE");
        assertThat(edited.detail()).contains("名称：「审计测试局」 → 「审计测试中心」", "类型：「行业主管部门」 → 「属地」",
                "上级单位：无 → 「古楼街道（dcf-gulou）」").doesNotContain("联系电话");

        api("admin", put("/api/v1/admin/units/" + id), """
                {"name":"审计测试中心","kind":"TERRITORIAL","contactPhone":"0635-1234567","parentId":"dcf-gulou",
                 "active":false}""").andExpect(status().isOk());
        assertThat(latest(AdminAudit.UNIT, id).action()).isEqualTo("DISABLE");
    }

    // ---------------------------------------------------------------- categories

    @Test
    void aCategoryAndItsDefaultUnitAreRecorded() throws Exception {
        String code = category();
        assertThat(latest(AdminAudit.CATEGORY, code).detail()).contains("新建分类「审计测试分类」", "1 级",
                "默认承办单位：「区住房和城乡建设局（dcf-zjj）」");

        api("admin", put("/api/v1/admin/categories/" + code), """
                {"name":"审计测试分类","defaultUnitId":"dcf-zhzfj","active":true}""").andExpect(status().isOk());
        assertThat(latest(AdminAudit.CATEGORY, code).detail())
                .contains("默认承办单位：「区住房和城乡建设局（dcf-zjj）」 → 「区综合行政执法局（dcf-zhzfj）」");

        api("admin", put("/api/v1/admin/categories/" + code), """
                {"name":"审计测试分类","defaultUnitId":"dcf-zhzfj","active":false}""").andExpect(status().isOk());
        assertThat(latest(AdminAudit.CATEGORY, code).action()).isEqualTo("DISABLE");
    }

    // ---------------------------------------------------------------- places

    @Test
    void aPlaceOfTheGazetteerIsRecorded() throws Exception {
        String id = name("place");
        api("admin", post("/api/v1/admin/places"), """
                {"id":"%s","name":"审计社区","kind":"COMMUNITY","parentId":"gulou","unitId":"dcf-gulou",
                 "aliases":["审计小区"]}""".formatted(id)).andExpect(status().isCreated());
        assertThat(latest(AdminAudit.PLACE, id).detail()).contains("新建地名「审计社区」", "社区", "审计小区");

        api("admin", put("/api/v1/admin/places/" + id), """
                {"name":"审计社区","kind":"COMMUNITY","parentId":"gulou","unitId":"dcf-gulou",
                 "aliases":["审计小区","审计新村"],"active":true}""").andExpect(status().isOk());
        assertThat(latest(AdminAudit.PLACE, id).detail()).contains("别名：「审计小区」 → 「审计小区、审计新村」");
    }

    // ---------------------------------------------------------------- routing rules and the dispatch directory

    @Test
    void aRoutingRuleListReplacedIsRecordedRuleByRule() throws Exception {
        JsonNode current = read("admin", "/api/v1/admin/dispatch/rules");
        ObjectNode change = json.createObjectNode();
        change.put("version", current.path("version").asLong());
        ArrayNode rules = change.putArray("rules");
        current.path("rules").forEach(rules::add);
        rules.addObject().put("name", "审计测试规则").put("lead", "MANUAL").putArray("keywords").add("审计测试");
        api("admin", put("/api/v1/admin/dispatch/rules"), json.writeValueAsString(change)).andExpect(status().isOk());

        AdminAudit.Entry added = latest(AdminAudit.ROUTING_RULES, "rules");
        assertThat(added.action()).isEqualTo("REPLACE");
        assertThat(added.detail()).contains("新增「审计测试规则」").doesNotContain("删除");

        // the list as it was, for the tests that route orders
        change.put("version", current.path("version").asLong() + 1);
        rules.remove(rules.size() - 1);
        api("admin", put("/api/v1/admin/dispatch/rules"), json.writeValueAsString(change)).andExpect(status().isOk());
        assertThat(latest(AdminAudit.ROUTING_RULES, "rules").detail()).contains("删除「审计测试规则」");
    }

    @Test
    void aDirectoryEntryAddedChangedAndRemovedIsRecordedEachTime() throws Exception {
        String code = category();
        MvcResult created = api("admin", post("/api/v1/admin/dispatch/directory"), """
                {"categoryCode":"%s","unitId":"dcf-zjj","duty":"审计测试职责","phrases":["审计"]}""".formatted(code))
                .andExpect(status().isCreated()).andReturn();
        String id = json.readTree(created.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("id").asText();
        assertThat(latest(AdminAudit.DIRECTORY_ENTRY, id).detail()).contains("新增派单目录条目", code, "审计测试职责");

        MockHttpSession admin = ConsoleSessions.signIn(mvc, "admin");
        mvc.perform(post("/console/admin/directory/" + id).session(admin).with(csrf()).param("categoryCode", code)
                .param("owner", "territorial").param("duty", "审计测试职责").param("phrases", "审计\n审核")
                .param("active", "true")).andExpect(status().is3xxRedirection());
        assertThat(latest(AdminAudit.DIRECTORY_ENTRY, id).detail())
                .contains("主办单位：「区住房和城乡建设局（dcf-zjj）」 → 「属地（按地址确定镇街）」", "常用说法：「审计」 → 「审计、审核」");

        api("admin", delete("/api/v1/admin/dispatch/directory/" + id), null).andExpect(status().isNoContent());
        AdminAudit.Entry removed = latest(AdminAudit.DIRECTORY_ENTRY, id);
        assertThat(removed.action()).isEqualTo("DELETE");
        assertThat(removed.detail()).contains("删除派单目录条目", "审计测试职责");
    }

    // ---------------------------------------------------------------- dispatch learning

    @Test
    void aHistoryImportIsRecordedWithItsMappingAndItsCounts() throws Exception {
        StringBuilder csv = new StringBuilder("分类编码,标题,内容\n");
        for (int i = 0; i < 12; i++) {
            csv.append("01.02.01,夜间施工噪音,工地凌晨施工噪音很大第").append(i).append("次\n");
        }
        csv.append(",路灯不亮,柳园路路灯不亮\n");
        MvcResult started = mvc.perform(multipart("/api/v1/admin/dispatch/imports")
                .file(new MockMultipartFile("file", "审计历史.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .param("labelColumn", "分类编码").param("subjectColumn", "标题").param("bodyColumn", "内容")
                .with(httpBasic("admin", "demo123"))).andExpect(status().isAccepted()).andReturn();
        String id = json.readTree(started.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("id").asText();
        AdminAudit.Entry start = audit.recent(AdminAudit.HISTORY_IMPORT, id, 10).get(
                audit.recent(AdminAudit.HISTORY_IMPORT, id, 10).size() - 1);
        assertThat(start.action()).isEqualTo("START");
        assertThat(start.detail()).contains("审计历史.csv", "标签列：「分类编码」", "标题列：「标题」", "正文列：「内容」",
                "字符集：「UTF-8」");

        Awaitility.await("the import ends").atMost(Duration.ofSeconds(60)).until(() -> audit
                .recent(AdminAudit.HISTORY_IMPORT, id, 10).size() == 2);
        AdminAudit.Entry done = latest(AdminAudit.HISTORY_IMPORT, id);
        assertThat(done.action()).isEqualTo("DONE");
        assertThat(done.actor()).isEqualTo("admin");
        assertThat(done.detail()).contains("读取 13 行，导入 12 行，拒绝 1 行");
    }

    @Test
    void aTrainingAndTheActivationAndRollbackOfItsModelAreRecorded() throws Exception {
        Awaitility.await("the first model is served").atMost(Duration.ofSeconds(180)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM dispatch_model WHERE active = TRUE").query(Long.class).single() == 1);
        int served = jdbc.sql("SELECT version FROM dispatch_model WHERE active = TRUE").query(Integer.class).single();
        MvcResult started = api("admin", post("/api/v1/admin/dispatch/models"),
                "{\"note\":\"审计测试训练\",\"activate\":false}").andExpect(status().isAccepted()).andReturn();
        String id = json.readTree(started.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("id").asText();
        assertThat(audit.recent(AdminAudit.DISPATCH_TRAINING, id, 10)).last()
                .satisfies(l -> assertThat(l.action()).isEqualTo("START"))
                .satisfies(l -> assertThat(l.detail()).contains("审计测试训练", "不自动启用"));

        Awaitility.await("the training ends").atMost(Duration.ofSeconds(300)).until(() -> audit
                .recent(AdminAudit.DISPATCH_TRAINING, id, 10).size() == 2);
        AdminAudit.Entry done = latest(AdminAudit.DISPATCH_TRAINING, id);
        assertThat(done.action()).isEqualTo("DONE");
        int version = jdbc.sql("SELECT version FROM dispatch_training WHERE id = :id").param("id", Long.parseLong(id))
                .query(Integer.class).single();
        assertThat(done.detail()).contains("生成模型版本 " + version);

        api("admin", post("/api/v1/admin/dispatch/models/" + version + "/activate"), null).andExpect(status().isOk());
        assertThat(latest(AdminAudit.DISPATCH_MODEL, Integer.toString(version)).action()).isEqualTo("ACTIVATE");
        api("admin", post("/api/v1/admin/dispatch/models/" + served + "/activate"), null).andExpect(status().isOk());
        AdminAudit.Entry back = latest(AdminAudit.DISPATCH_MODEL, Integer.toString(served));
        assertThat(back.action()).isEqualTo("ROLLBACK");
        assertThat(back.detail()).contains("版本 " + version + " → 版本 " + served);
    }

    // ---------------------------------------------------------------- Open311 keys

    @Test
    void anOpen311KeyIssuedAndRevokedIsRecordedWithoutItsSecret() throws Exception {
        MvcResult issued = api("admin", post("/api/v1/admin/open311/keys"), "{\"name\":\"" + name("key") + "\"}")
                .andExpect(status().isCreated()).andReturn();
        JsonNode key = json.readTree(issued.getResponse().getContentAsString(StandardCharsets.UTF_8));
        String id = key.path("key").path("id").asText();
        String secret = key.path("apiKey").asText();
        assertThat(secret).startsWith("o311_");
        assertThat(latest(AdminAudit.OPEN311_KEY, id).action()).isEqualTo("CREATE");

        api("admin", post("/api/v1/admin/open311/keys/" + id + "/revoke"), null).andExpect(status().isOk());
        assertThat(latest(AdminAudit.OPEN311_KEY, id).action()).isEqualTo("REVOKE");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, id, 10)).extracting(AdminAudit.Entry::detail)
                .noneMatch(d -> d.contains(secret));
    }

    // ---------------------------------------------------------------- assessment and quality

    @Test
    void anAccountabilityCaseConcludedIsRecordedWithTheDecision() throws Exception {
        long id = AccountabilityCasesForTests.open(context, new UnitId("dcf-gulou"), "古楼街道", YearMonth.of(2025, 10));
        String url = "/api/v1/assessment/cases/" + id;
        api("gulou-leader", post(url + "/explanation"), "{\"explanation\":\"十月协办任务集中\"}")
                .andExpect(status().isOk());
        api("director1", post(url + "/conclusion"), "{\"conclusion\":\"约谈单位负责人，限期整改\"}")
                .andExpect(status().isOk());

        AdminAudit.Entry line = latest(AdminAudit.ACCOUNTABILITY_CASE, Long.toString(id));
        assertThat(line.action()).isEqualTo("CONCLUDE");
        assertThat(line.actor()).isEqualTo("director1");
        assertThat(line.actorRole()).isEqualTo("DIRECTOR");
        assertThat(line.detail()).contains("古楼街道", "2025-10", "约谈单位负责人，限期整改");
    }

    @Test
    void aRecomputeOfTheAssessmentIsRecordedWithWhatItDid() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String range = yesterday.minusDays(2) + ".." + yesterday;
        api("director1", post("/api/v1/assessment/recompute"), "{\"from\":\"" + yesterday.minusDays(2) + "\",\"to\":\""
                + yesterday + "\"}").andExpect(status().isOk());

        AdminAudit.Entry line = latest(AdminAudit.ASSESSMENT, range);
        assertThat(line.action()).isEqualTo("RECOMPUTE");
        assertThat(line.detail()).contains("重新计算 " + yesterday.minusDays(2) + " 至 " + yesterday, "单位日考核");
    }

    @Test
    void aLeaderSampleDrawAskedForByHandIsRecorded() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        api("admin", post("/api/v1/admin/quality/leader-samples/draws?day=" + day), null).andExpect(status().isOk());

        AdminAudit.Entry line = latest(AdminAudit.LEADER_SAMPLES, day.toString());
        assertThat(line.action()).isEqualTo("DRAW");
        assertThat(line.detail()).contains("手动抽取 " + day, "个单位");
    }

    // ---------------------------------------------------------------- kept in their own append-only histories

    @Test
    void aKnowledgeEntryIsRecordedInItsOwnAppendOnlyHistory() throws Exception {
        MvcResult created = api("supervisor1", post("/api/v1/knowledge"), """
                {"title":"审计测试条目","answer":"审计测试答复","keywords":["审计"]}""").andExpect(status().isCreated())
                .andReturn();
        String id = json.readTree(created.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("id").asText();

        JsonNode history = read("supervisor1", "/api/v1/knowledge/" + id + "/history");
        assertThat(history.findValuesAsText("action")).contains("CREATED");
        assertThat(history.toString()).contains("supervisor1");
    }

    @Test
    void aHotIssuesTacklingIsRecordedInItsOwnAppendOnlyHistory() throws Exception {
        String place = "审计" + UUID.randomUUID().toString().substring(0, 6) + "花园";
        MvcResult order = api("operator1", post("/api/v1/orders"), """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"市民","phone":"13800000091"},
                 "content":"%s门口垃圾堆积没人清运","location":{"address":"%s"}}""".formatted(place, place))
                .andExpect(status().isCreated()).andReturn();
        String number = json.readTree(order.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("number")
                .asText();
        Awaitility.await("the order joins a hot issue").atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Integer.class).single() == 1);
        long issue = read("dispatcher1", "/api/v1/hot-issues/orders/" + number).path("issueId").asLong();

        api("supervisor1", post("/api/v1/hot-issues/" + issue + "/tackling"), "{\"reason\":\"审计测试提名\"}")
                .andExpect(status().isOk());
        JsonNode history = read("supervisor1", "/api/v1/hot-issues/" + issue).path("history");
        assertThat(history.findValuesAsText("action")).contains("PROPOSE");
        assertThat(history.toString()).contains("supervisor1", "审计测试提名");
    }

    // ---------------------------------------------------------------- the list stays whole

    /**
     * Every endpoint that changes something under {@code /api/v1/admin} or {@code /console/admin}, and what records
     * it. A new one fails this test until its service method records its change and it is listed here.
     */
    static final Set<String> RECORDED = Set.of(
            // organisation: OrganizationAdmin (users, units, categories, places)
            "POST /api/v1/admin/users", "PUT /api/v1/admin/users/{username}",
            "POST /api/v1/admin/users/{username}/password", "POST /api/v1/admin/units", "PUT /api/v1/admin/units/{id}",
            "POST /api/v1/admin/categories", "PUT /api/v1/admin/categories/{code}", "POST /api/v1/admin/places",
            "PUT /api/v1/admin/places/{id}",
            "POST /console/admin/users", "POST /console/admin/users/{username}",
            "POST /console/admin/users/{username}/enabled", "POST /console/admin/users/{username}/password",
            "POST /console/admin/units", "POST /console/admin/units/{id}", "POST /console/admin/categories",
            "POST /console/admin/categories/{code}",
            // dispatch: RuleEditing, DirectoryEditing
            "PUT /api/v1/admin/dispatch/rules", "POST /console/admin/rules/{index}", "POST /console/admin/rules/new",
            "POST /console/admin/rules/{index}/move", "POST /console/admin/rules/{index}/delete",
            "POST /api/v1/admin/dispatch/directory", "PUT /api/v1/admin/dispatch/directory/{id}",
            "DELETE /api/v1/admin/dispatch/directory/{id}", "POST /console/admin/directory",
            "POST /console/admin/directory/{id}", "POST /console/admin/directory/{id}/delete",
            // dispatch learning: HistoryImports, TrainingRuns, ModelVersions
            "POST /api/v1/admin/dispatch/imports", "POST /console/admin/imports/start",
            "POST /api/v1/admin/dispatch/models", "POST /console/admin/models/train",
            "POST /api/v1/admin/dispatch/models/{version}/activate", "POST /console/admin/models/{version}/activate",
            // Open311: ApiKeys
            "POST /api/v1/admin/open311/keys", "PATCH /api/v1/admin/open311/keys/{id}",
            "POST /api/v1/admin/open311/keys/{id}/revoke", "POST /console/admin/open311-keys",
            "POST /console/admin/open311-keys/{id}/name", "POST /console/admin/open311-keys/{id}/rate",
            "POST /console/admin/open311-keys/{id}/revoke",
            // quality: LeaderSamplingService
            "POST /api/v1/admin/quality/leader-samples/draws");

    /** Endpoints under the admin paths that change nothing worth a line, and why. */
    static final Set<String> NOT_CHANGES = Set.of(
            // keeps the uploaded file in the session for the mapping step; the import itself is /start
            "POST /console/admin/imports/upload");

    @Test
    void everyAdministrativeEndpointIsOneOfTheChangesRecordedHere() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/v1/admin") && !path.startsWith("/console/admin")) {
                    continue;
                }
                for (var m : info.getMethodsCondition().getMethods()) {
                    if (m != org.springframework.web.bind.annotation.RequestMethod.GET) {
                        found.add(m.name() + " " + path);
                    }
                }
            }
        });
        Set<String> listed = new TreeSet<>(RECORDED);
        listed.addAll(NOT_CHANGES);
        assertThat(found).as("the endpoints that change something under the admin paths").isEqualTo(listed);
    }

    // ---------------------------------------------------------------- helpers

    private org.springframework.test.web.servlet.ResultActions api(String user, MockHttpServletRequestBuilder request,
            String body) throws Exception {
        request.with(httpBasic(user, "demo123"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private JsonNode read(String user, String path) throws Exception {
        String body = mvc.perform(get(path).with(httpBasic(user, "demo123"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private AdminAudit.Entry latest(String kind, String target) {
        List<AdminAudit.Entry> lines = audit.recent(kind, target, 1);
        assertThat(lines).as("a line of " + kind + " " + target).isNotEmpty();
        return lines.get(0);
    }

    /** A fresh operator made by the admin, whose later changes the tests record. */
    private String user() throws Exception {
        String u = name("u");
        ConsoleSessions.createUser(mvc, u, "OPERATOR", null);
        return u;
    }

    /** A fresh top-level category, defaulting to the housing bureau. */
    private String category() throws Exception {
        String code = String.valueOf(60 + SEQ.incrementAndGet());
        api("admin", post("/api/v1/admin/categories"), """
                {"code":"%s","name":"审计测试分类","defaultUnitId":"dcf-zjj"}""".formatted(code))
                .andExpect(status().isCreated());
        return code;
    }

    private static String name(String prefix) {
        return prefix + "-audit-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4);
    }
}
