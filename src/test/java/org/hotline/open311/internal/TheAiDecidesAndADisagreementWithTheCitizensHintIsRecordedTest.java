package org.hotline.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.FakeClassifier;
import org.hotline.open311.Open311Http;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The AI dispatches Open311 requests like any order: a general service is classified from the text alone, and a
 * specific one is the citizen's hint, never a verdict: the AI's dispatch decides the unit, and whether it agreed
 * with the hint is recorded with the request, listed for the administrator. This server also answers a POST with
 * a token (hotline.open311.respond-with-token), which GET tokens/{token} turns into the request's id.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.dispatch.automatic=true", "hotline.dispatch.train-at-first-start=false",
        "hotline.open311.respond-with-token=true",
        "spring.datasource.url=jdbc:h2:mem:hotline-open311-ai;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(TheAiDecidesAndADisagreementWithTheCitizensHintIsRecordedTest.FakeModel.class)
class TheAiDecidesAndADisagreementWithTheCitizensHintIsRecordedTest {

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

    @Autowired
    ApiKeys keys;

    final ObjectMapper json = new ObjectMapper();
    String key;

    @BeforeEach
    void key() {
        if (key == null) {
            key = keys.issue("智能派单测试客户端-" + System.nanoTime(), null, null,
                    new org.hotline.organization.Actor("admin", "管理员", org.hotline.organization.Role.ADMIN, null))
                    .secret();
        }
    }

    /** Files a request and follows its token to the id. */
    private String file(String serviceCode, String description, String... attributes) throws Exception {
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("api_key", key, "service_code",
                serviceCode, "address_string", "柳园街道振兴路", "description", description));
        fields.addAll(java.util.List.of(attributes));
        String body = Open311Http.form(fields.toArray(String[]::new));
        String answer = mvc.perform(post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode filed = json.readTree(answer).get(0);
        assertThat(filed.has("service_request_id")).as(answer).isFalse();
        String token = filed.path("token").asText();
        String byToken = mvc.perform(get("/open311/v2/tokens/" + token + ".json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(byToken).get(0).path("service_request_id").asText();
    }

    private Map<String, Object> order(String number) {
        return jdbc.queryForMap("SELECT o.status, o.lead_unit_id, o.category_code, r.hint_category,"
                + " r.dispatched_category, r.hint_agrees FROM work_order o JOIN open311_request r"
                + " ON r.order_number = o.number WHERE o.number = ?", number);
    }

    @Test
    void aGeneralServiceIsClassifiedFromTheTextAlone() throws Exception {
        Map<String, Object> order = order(file("09", "振兴路口有人占道摆摊卖菜"));
        assertThat(order.get("status")).isEqualTo("DISPATCHED");
        assertThat(order.get("category_code")).isEqualTo("09.01.01");
        assertThat(order.get("hint_category")).isNull();
        assertThat(order.get("hint_agrees")).isNull();
    }

    @Test
    void aHintTheAiSharesIsRecordedAsAgreeing() throws Exception {
        Map<String, Object> order = order(file("02.01.01", "饭店老板拖欠工资三个月，要求帮助讨薪",
                "attribute[employer]", "振兴路某饭店", "attribute[amount]", "6000"));
        assertThat(order.get("status")).isEqualTo("DISPATCHED");
        assertThat(order.get("hint_agrees")).isEqualTo(true);
    }

    @Test
    void aHintTheAiOverrulesDispatchesAsTheAiDecidedAndIsListedAsADisagreement() throws Exception {
        // the citizen chose "路灯不亮", the text is about unpaid wages
        String number = file("09.05.01", "工地老板欠薪两个月不给工资");
        Map<String, Object> order = order(number);
        assertThat(order.get("status")).isEqualTo("DISPATCHED");
        assertThat(order.get("category_code")).isEqualTo("02.01.01");
        assertThat(order.get("lead_unit_id")).isEqualTo("dcf-rsj");
        assertThat(order.get("hint_category")).isEqualTo("09.05.01");
        assertThat(order.get("dispatched_category")).isEqualTo("02.01.01");
        assertThat(order.get("hint_agrees")).isEqualTo(false);
        String listed = mvc.perform(get("/api/v1/admin/open311/disagreements").with(httpBasic("admin", "demo123")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains(number).contains("\"hintCategory\":\"09.05.01\"");
    }
}
