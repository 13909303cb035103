package org.hotline.triage.api;

import static org.hotline.triage.api.TriageApi.body;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The advice endpoint answers the desk roles as they type and writes nothing; a triage decision that does not
 * hold together is bad input (400, naming the field) or a rule's refusal (409/403), and changes nothing.
 */
@HotlineIntegrationTest
class TriageInputIsCheckedTest {

    @Autowired
    MockMvc mvc;

    TriageApi api;

    @BeforeEach
    void api() {
        api = new TriageApi(mvc);
    }

    @Test
    void theAdviceEndpointAnswersWithTheOutcomeAndItsEvidence() throws Exception {
        api.post("operator1", "/api/v1/triage/advice", "{\"content\":\"去年楼下饭店着火，至今没有赔偿\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("DISPATCH"))
                .andExpect(jsonPath("$.outcomeLabel").value("派单办理"))
                .andExpect(jsonPath("$.evidence[0].effect").value("HELD_BACK"))
                .andExpect(jsonPath("$.evidence[0].against[0]").exists())
                .andExpect(jsonPath("$.rulesVersion").exists());
        api.post("operator1", "/api/v1/triage/advice",
                "{\"content\":\"已经起诉到法院了，请热线督促\",\"appealType\":\"HELP_REQUEST\"}")
                .andExpect(jsonPath("$.outcome").value("OTHER_CHANNEL"))
                .andExpect(jsonPath("$.route").value("LITIGATION"))
                .andExpect(jsonPath("$.targetLabel").value("诉讼（人民法院）"))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("人民法院")));
        api.post("dispatcher1", "/api/v1/triage/advice", "{\"content\":\"有人要跳楼\",\"channel\":\"WEB\"}")
                .andExpect(jsonPath("$.outcome").value("EMERGENCY"))
                .andExpect(jsonPath("$.serviceNumber").value("110"))
                .andExpect(jsonPath("$.warning").value(org.hamcrest.Matchers.containsString("110")));
    }

    @Test
    void onlyTheDeskRolesAskForAdvice() throws Exception {
        api.post("zf-handler", "/api/v1/triage/advice", "{\"content\":\"路灯不亮\"}").andExpect(status().isForbidden());
        api.post("admin", "/api/v1/triage/advice", "{\"content\":\"路灯不亮\"}").andExpect(status().isForbidden());
        api.get("zf-handler", "/api/v1/triage/held").andExpect(status().isForbidden());
    }

    @Test
    void adviceWithoutContentIsBadInput() throws Exception {
        api.post("operator1", "/api/v1/triage/advice", "{\"content\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("content")));
        api.post("operator1", "/api/v1/triage/advice", "{\"content\":\"路灯\",\"appealType\":\"NOPE\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDecisionThatDoesNotHoldTogetherIsRefusedAndChangesNothing() throws Exception {
        api.register("PHONE", "COMPLAINT", "楼下着火了", "{\"decision\":\"EMERGENCY\",\"service\":\"999\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("triage.service")));
        api.register("PHONE", "COMPLAINT", "楼下着火了", "{\"decision\":\"EMERGENCY\",\"service\":\"119\"}", "已转接")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("intakeAnswer")));
        api.register("PHONE", "COMPLAINT", "楼下着火了", "{\"decision\":\"EMERGENCY\"}", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("referral-service-required"));
        api.register("PHONE", "COMPLAINT", "已经起诉了", "{\"decision\":\"OTHER_CHANNEL\",\"route\":\"LITIGATION\"}",
                null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("redirection-explanation-required"));
        api.register("PHONE", "COMPLAINT", "路灯不亮", "{\"service\":\"119\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("triage.decision")));
        api.register("PHONE", "COMPLAINT", "路灯不亮", "{\"decision\":\"KNOWLEDGE\"}", "已答复")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("answer-at-intake-inquiry-only"));
        api.register("PHONE", "INQUIRY", "公积金怎么提取", "{\"decision\":\"KNOWLEDGE\"}", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("answer-required"));
    }

    @Test
    void aRegisteredOrderIsSettledOnlyByTheRightPeopleAndOnlyBySettling() throws Exception {
        String number = JsonPath.read(body(api.register("WEB", "COMPLAINT", "来电无声", null, null)), "$.number");

        api.post("reviewer1", "/api/v1/orders/" + number + "/triage-decision",
                "{\"decision\":\"INVALID\",\"invalidReason\":\"SILENT\"}").andExpect(status().isForbidden());
        api.post("dispatcher1", "/api/v1/orders/" + number + "/triage-decision", "{\"decision\":\"DISPATCH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("decision")));
        api.post("dispatcher1", "/api/v1/orders/" + number + "/triage-decision",
                "{\"decision\":\"INVALID\",\"invalidReason\":\"SILENT\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        api.post("dispatcher1", "/api/v1/orders/" + number + "/triage-decision",
                "{\"decision\":\"INVALID\",\"invalidReason\":\"SILENT\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("status-forbids"));
    }
}
