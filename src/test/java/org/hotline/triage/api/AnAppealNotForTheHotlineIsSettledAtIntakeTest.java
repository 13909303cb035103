package org.hotline.triage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.triage.api.TriageApi.body;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Triage at intake through the API: the create response shows the advice, the operator's decision settles the
 * order at once (referred, redirected, invalid, answered from the knowledge base) with who and when in its
 * history, and every decision is recorded with its evidence and the rules' version.
 */
@HotlineIntegrationTest
class AnAppealNotForTheHotlineIsSettledAtIntakeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TriageApi api;

    @BeforeEach
    void api() {
        api = new TriageApi(mvc);
    }

    @Test
    void anEmergencyTheOperatorTransferredIsClosedAsReferredAndNeverDispatched() throws Exception {
        String body = body(api.register("PHONE", "HELP_REQUEST", "东关街三号楼着火了，楼上还有人",
                "{\"decision\":\"EMERGENCY\",\"service\":\"119\",\"note\":\"已转接 119\"}", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.leadUnit").doesNotExist())
                .andExpect(jsonPath("$.intakeOutcome.outcome").value("EMERGENCY"))
                .andExpect(jsonPath("$.intakeOutcome.route").value("FIRE"))
                .andExpect(jsonPath("$.intakeOutcome.routeLabel").value("119 消防救援"))
                .andExpect(jsonPath("$.triage.advice.outcome").value("EMERGENCY"))
                .andExpect(jsonPath("$.triage.advice.serviceNumber").value("119"))
                .andExpect(jsonPath("$.triage.advice.instruction").value(org.hamcrest.Matchers.containsString("119")))
                .andExpect(jsonPath("$.triage.advice.evidence[0].rule").value("fire-now"))
                .andExpect(jsonPath("$.triage.decision").value("EMERGENCY"))
                .andExpect(jsonPath("$.triage.decidedBy").value("operator1"))
                .andExpect(jsonPath("$.triage.awaitingDecision").value(false)));
        String number = JsonPath.read(body, "$.number");

        api.get("supervisor1", "/api/v1/orders/" + number + "/history").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("REGISTER", "REFER")))
                .andExpect(jsonPath("$[1].actor").value("operator1"))
                .andExpect(jsonPath("$[1].detail").value("已转 119（消防救援）"))
                .andExpect(jsonPath("$[1].reason").value("已转接 119"));
        Map<String, Object> record = jdbc.queryForMap("SELECT * FROM triage_record WHERE order_number = ?", number);
        assertThat(record).containsEntry("suggested", "EMERGENCY").containsEntry("suggested_route", "FIRE")
                .containsEntry("final_outcome", "EMERGENCY").containsEntry("final_route", "FIRE")
                .containsEntry("final_by", "operator1").containsEntry("channel", "PHONE");
        assertThat((String) record.get("rules_version")).startsWith("triage-rules-");
        assertThat((String) record.get("evidence")).contains("fire-now").contains("着火");
        api.post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"dcf-zhzfj\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("status-forbids"));
    }

    @Test
    void anAppealInAnotherProcedureIsClosedWithWhatTheCitizenWasTold() throws Exception {
        String told = "您的劳动争议已申请仲裁，请关注仲裁委员会的审理进度。";
        api.register("PHONE", "HELP_REQUEST", "我已经申请了劳动仲裁，公司还是不给工资",
                "{\"decision\":\"OTHER_CHANNEL\",\"route\":\"ARBITRATION\",\"explanation\":\"" + told + "\"}", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.intakeAnswer").value(told))
                .andExpect(jsonPath("$.intakeOutcome.outcome").value("OTHER_CHANNEL"))
                .andExpect(jsonPath("$.intakeOutcome.routeLabel").value("仲裁（仲裁委员会）"))
                .andExpect(jsonPath("$.triage.advice.outcome").value("OTHER_CHANNEL"))
                .andExpect(jsonPath("$.triage.advice.route").value("ARBITRATION"))
                .andExpect(jsonPath("$.triage.advice.explanation")
                        .value(org.hamcrest.Matchers.containsString("仲裁委员会")));
    }

    @Test
    void anInvalidCallIsRecordedAsSuchAndNeverDispatched() throws Exception {
        api.register("PHONE", "COMPLAINT", "来电无声，多次询问无回应",
                "{\"decision\":\"INVALID\",\"invalidReason\":\"SILENT\"}", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.intakeOutcome.outcome").value("INVALID"))
                .andExpect(jsonPath("$.intakeOutcome.routeLabel").value("无声电话"))
                .andExpect(jsonPath("$.triage.advice.outcome").value("INVALID"))
                .andExpect(jsonPath("$.triage.advice.invalidReason").value("SILENT"));
    }

    @Test
    void anInquiryAnsweredFromTheKnowledgeBaseRecordsItsEntry() throws Exception {
        String body = body(api.register("PHONE", "INQUIRY", "公积金怎么提取",
                "{\"decision\":\"KNOWLEDGE\",\"knowledgeEntry\":\"K-17\"}", "可携带身份证到公积金中心办理提取")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.intakeAnswer").value("可携带身份证到公积金中心办理提取"))
                .andExpect(jsonPath("$.intakeOutcome.outcome").value("KNOWLEDGE"))
                .andExpect(jsonPath("$.intakeOutcome.route").value("K-17"))
                .andExpect(jsonPath("$.triage.decision").value("KNOWLEDGE")));

        assertThat(jdbc.queryForObject("SELECT final_route FROM triage_record WHERE order_number = ?", String.class,
                (String) JsonPath.read(body, "$.number"))).isEqualTo("K-17");
    }

    @Test
    void theOperatorMaySendAnAppealTheNormalPathWhateverTriageSuggested() throws Exception {
        api.register("PHONE", "COMPLAINT", "楼下饭店着火了", "{\"decision\":\"DISPATCH\"}", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.intakeOutcome").doesNotExist())
                .andExpect(jsonPath("$.triage.advice.outcome").value("EMERGENCY"))
                .andExpect(jsonPath("$.triage.decision").value("DISPATCH"))
                .andExpect(jsonPath("$.triage.awaitingDecision").value(false));
    }

    @Test
    void anEmergencyOnTheWebFormWarnsTheCitizenAndWaitsForAPerson() throws Exception {
        String body = body(api.register("WEB", "HELP_REQUEST", "小区里有人拿刀追人", null, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.triage.advice.outcome").value("EMERGENCY"))
                .andExpect(jsonPath("$.triage.advice.warning").value(org.hamcrest.Matchers.containsString("110")))
                .andExpect(jsonPath("$.triage.decision").doesNotExist())
                .andExpect(jsonPath("$.triage.awaitingDecision").value(true)));
        String number = JsonPath.read(body, "$.number");

        String held = body(api.get("dispatcher1", "/api/v1/triage/held?size=200").andExpect(status().isOk()));
        assertThat((List<String>) JsonPath.read(held, "$.items[*].number")).contains(number);
        assertThat((List<String>) JsonPath.read(held, "$.items[?(@.number == '" + number + "')].advice.outcome"))
                .containsExactly("EMERGENCY");

        // the dispatcher called 110 and records the referral; the order is no longer held
        api.post("dispatcher1", "/api/v1/orders/" + number + "/triage-decision",
                "{\"decision\":\"EMERGENCY\",\"service\":\"POLICE\",\"note\":\"已电话联系 110\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.intakeOutcome.routeLabel").value("110 公安报警"));
        assertThat((List<String>) JsonPath.read(body(api.get("dispatcher1", "/api/v1/triage/held?size=200")),
                "$.items[*].number")).doesNotContain(number);
        TriageApi.awaitUntil("the held order's triage record is completed", () -> "dispatcher1".equals(
                jdbc.queryForObject("SELECT final_by FROM triage_record WHERE order_number = ?", String.class, number)));
        assertThat(jdbc.queryForMap("SELECT final_outcome, final_route FROM triage_record WHERE order_number = ?",
                number)).containsEntry("final_outcome", "EMERGENCY").containsEntry("final_route", "POLICE");
        api.get("supervisor1", "/api/v1/orders/" + number).andExpect(jsonPath("$.triage.decidedBy").value("dispatcher1"));
    }

    @Test
    void aHeldOrderADispatcherDispatchesIsRecordedAsDispatched() throws Exception {
        String number = JsonPath.read(body(api.register("WEB", "COMPLAINT", "测试", null, null)
                .andExpect(jsonPath("$.triage.advice.outcome").value("INVALID"))
                .andExpect(jsonPath("$.status").value("REGISTERED"))), "$.number");

        api.post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"dcf-zhzfj\"}")
                .andExpect(status().isOk());

        TriageApi.awaitUntil("the held order's triage record is completed", () -> "DISPATCH".equals(
                jdbc.queryForObject("SELECT final_outcome FROM triage_record WHERE order_number = ?", String.class,
                        number)));
    }

    @Test
    void aUnitSeesTheOrderButNotItsTriage() throws Exception {
        String number = JsonPath.read(body(api.register("PHONE", "COMPLAINT", "东关街路灯不亮", null, null)), "$.number");
        api.post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"dcf-zhzfj\"}")
                .andExpect(status().isOk());

        api.get("dispatcher1", "/api/v1/orders/" + number).andExpect(jsonPath("$.triage.advice.outcome").value("DISPATCH"));
        api.get("zf-handler", "/api/v1/orders/" + number).andExpect(status().isOk())
                .andExpect(jsonPath("$.triage").doesNotExist());
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameOrderAndItsTriage() throws Exception {
        String json = """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
                 "content":"来电无声","triage":{"decision":"INVALID","invalidReason":"SILENT"}}""";
        String first = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/orders").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("operator1", "demo123"))
                .header("Idempotency-Key", "triage-retry-" + System.nanoTime())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json)));
        assertThat((String) JsonPath.read(first, "$.triage.decision")).isEqualTo("INVALID");
    }
}
