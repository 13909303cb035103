package org.hotline.dispatch.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.FakeClassifier;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * AI dispatch through the API, with a fake classifier standing in for the model: a confident order is
 * dispatched before the create call returns, an unsure one waits in the queue with its suggestions, a
 * dispatcher's override is recorded, and the admin's rule list is checked field by field.
 */
@HotlineIntegrationTest
// Its own database: the human dispatches made here become training examples, which must not reach the
// shared test database where another context trains its first model from the demo history.
@TestPropertySource(properties = { "hotline.dispatch.automatic=true", "hotline.dispatch.train-at-first-start=false",
        "spring.datasource.url=jdbc:h2:mem:hotline-ai-dispatch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(AiDispatchWorkflowIntegrationTest.FakeModel.class)
class AiDispatchWorkflowIntegrationTest {

    /** {@code @Primary}, so that it wins over the trained model's bean once that exists. */
    @TestConfiguration
    static class FakeModel {
        @Bean
        @Primary
        Classifier fakeClassifier() {
            return FakeClassifier.demo();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions put(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(path).with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo123")));
    }

    private String register(String content, String address) throws Exception {
        return post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
                 "content":"%s","location":{"address":"%s"}}
                """.formatted(content, address)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> record(String number) {
        return jdbc.queryForMap("SELECT * FROM dispatch_record WHERE order_number = ?", number);
    }

    @Test
    void aConfidentOrderIsDispatchedBeforeTheCreateCallReturns() throws Exception {
        String body = register("东关社区门口每天晚上有人占道摆摊卖烧烤", "古楼街道东关社区");
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("DISPATCHED");
        assertThat((String) JsonPath.read(body, "$.leadUnit")).isEqualTo("dcf-zhzfj");
        assertThat((List<String>) JsonPath.read(body, "$.coUnits[*].unit")).containsExactly("dcf-gulou");
        assertThat((String) JsonPath.read(body, "$.categoryCode")).isEqualTo("09.01.01");

        Map<String, Object> record = record(JsonPath.read(body, "$.number"));
        assertThat(record.get("automatic")).isEqualTo(true);
        assertThat(record.get("model_version")).isEqualTo(FakeClassifier.VERSION);
        assertThat(record.get("label_kind")).isEqualTo("CATEGORY");
        assertThat(record.get("suggested_lead")).isEqualTo("dcf-zhzfj");
        assertThat(record.get("territorial_unit")).isEqualTo("dcf-gulou");
        assertThat((String) record.get("rule_name")).contains("占道");
        assertThat((String) record.get("top3")).contains("09.01.01");
        assertThat(record.get("final_lead")).isNull();
    }

    @Test
    void anUnsureOrderWaitsInTheQueueWithRankedSuggestions() throws Exception {
        String number = JsonPath.read(register("楼上邻居噪音太大影响休息", "柳园街道龙湾社区"), "$.number");
        assertThat(jdbc.queryForObject("SELECT status FROM work_order WHERE number = ?", String.class, number))
                .isEqualTo("REGISTERED");
        assertThat(record(number).get("automatic")).isEqualTo(false);

        String queue = get("dispatcher1", "/api/v1/dispatch/queue?size=200").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String item = "$.items[?(@.number == '" + number + "')]";
        assertThat((List<String>) JsonPath.read(queue, item + ".advice.manualReason"))
                .singleElement().asString().contains("置信度 0.55");
        assertThat((List<String>) JsonPath.read(queue, item + ".advice.suggestions[0].leadUnit.id"))
                .containsExactly("dcf-gafj");
        assertThat((List<String>) JsonPath.read(queue, item + ".advice.suggestions[0].evidence[0]"))
                .containsExactly("噪音");
        assertThat((List<String>) JsonPath.read(queue, item + ".advice.territorialUnit.name"))
                .containsExactly("柳园街道");
        assertThat((List<Object>) JsonPath.read(queue, item + ".advice.suggestions[*]")).hasSize(3);
        // oldest first
        List<String> registeredAt = JsonPath.read(queue, "$.items[*].registeredAt");
        assertThat(registeredAt).isSorted();
    }

    @Test
    void aRuleSendsAnOrderToAPersonWhateverTheModelSays() throws Exception {
        String number = JsonPath.read(register("工地拖欠工资半年，我真的想轻生了", "古楼街道"), "$.number");
        assertThat(jdbc.queryForObject("SELECT status FROM work_order WHERE number = ?", String.class, number))
                .isEqualTo("REGISTERED");
        assertThat((String) record(number).get("manual_reason")).contains("自杀轻生风险转人工");
    }

    @Test
    void aDispatcherWhoChoosesAnotherLeadIsRecordedAsAHumanChange() throws Exception {
        String changed = JsonPath.read(register("楼上邻居噪音太大", "古楼街道"), "$.number");
        String agreed = JsonPath.read(register("隔壁装修噪音太大", "古楼街道"), "$.number");
        post("dispatcher1", "/api/v1/orders/" + changed + "/dispatch", "{\"leadUnit\":\"dcf-gulou\"}")
                .andExpect(status().isOk());
        post("dispatcher1", "/api/v1/orders/" + agreed + "/dispatch", "{\"leadUnit\":\"dcf-gafj\"}")
                .andExpect(status().isOk());
        awaitFinalLead(changed);
        awaitFinalLead(agreed);
        assertThat(record(changed).get("human_changed")).isEqualTo(true);
        assertThat(record(changed).get("final_lead")).isEqualTo("dcf-gulou");
        assertThat(record(changed).get("final_by")).isEqualTo("dispatcher1");
        assertThat(record(agreed).get("human_changed")).isEqualTo(false);
    }

    private void awaitFinalLead(String number) throws InterruptedException {
        for (int i = 0; i < 100 && record(number).get("final_lead") == null; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void freshAdviceIsForDispatchersAndSupervisorsOnly() throws Exception {
        String number = JsonPath.read(register("楼上邻居噪音太大", "古楼街道"), "$.number");
        get("dispatcher1", "/api/v1/orders/" + number + "/dispatch-advice").andExpect(status().isOk())
                .andExpect(jsonPath("$.automatic").value(false))
                .andExpect(jsonPath("$.suggestions[0].category.code").value("05.03.02"))
                .andExpect(jsonPath("$.territorialUnit.id").value("dcf-gulou"));
        get("supervisor1", "/api/v1/dispatch/queue").andExpect(status().isOk());
        get("operator1", "/api/v1/dispatch/queue").andExpect(status().isForbidden());
        get("zf-handler", "/api/v1/orders/" + number + "/dispatch-advice").andExpect(status().isForbidden());
        get("dispatcher1", "/api/v1/orders/20990101-000001/dispatch-advice").andExpect(status().isNotFound());
    }

    @Test
    void theDefaultRulesAreThereAndOnlyAdminsSeeThem() throws Exception {
        get("admin", "/api/v1/admin/dispatch/rules").andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[0].name").value("自杀轻生风险转人工"))
                .andExpect(jsonPath("$.rules[0].lead").value("MANUAL"));
        get("dispatcher1", "/api/v1/admin/dispatch/rules").andExpect(status().isForbidden());
    }

    @Test
    void aRuleListWithAnUnknownUnitIsRefusedNamingTheField() throws Exception {
        put("admin", "/api/v1/admin/dispatch/rules", """
                {"rules":[
                  {"name":"a","keywords":["欠薪"],"lead":"UNIT","leadUnit":"dcf-rsj"},
                  {"name":"b","keywords":["停电"],"lead":"CATEGORY_DEPARTMENT"},
                  {"name":"c","keywords":["停水"],"lead":"UNIT","leadUnit":"dcf-nowhere"}]}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[2].leadUnit"));
        put("admin", "/api/v1/admin/dispatch/rules", """
                {"rules":[{"name":"a","areas":["dcf-rsj"],"lead":"TERRITORIAL_UNIT"}]}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[0].areas[0]"));
        put("admin", "/api/v1/admin/dispatch/rules", """
                {"rules":[{"name":"a"}]}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[0].lead"));
        get("admin", "/api/v1/admin/dispatch/rules").andExpect(jsonPath("$.rules[0].name").value("自杀轻生风险转人工"));
    }

    @Test
    void theRuleListIsReplacedAsAWholeAndAStaleVersionIsAConflict() throws Exception {
        String current = get("admin", "/api/v1/admin/dispatch/rules").andReturn().getResponse().getContentAsString();
        Number version = JsonPath.read(current, "$.version");
        String rules = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                JsonPath.read(current, "$.rules"));
        put("admin", "/api/v1/admin/dispatch/rules", "{\"version\":%d,\"rules\":%s}".formatted(version.longValue(), rules))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version.longValue() + 1))
                .andExpect(jsonPath("$.updatedBy").value("admin"));
        put("admin", "/api/v1/admin/dispatch/rules", "{\"version\":%d,\"rules\":%s}".formatted(version.longValue(), rules))
                .andExpect(status().isConflict());
        get("admin", "/api/v1/admin/dispatch/rules").andExpect(jsonPath("$.rules.length()").value(
                ((List<?>) JsonPath.read(current, "$.rules")).size()));
    }
}
