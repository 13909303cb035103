package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A citizen who asked for confidentiality is called back, but the agent is not shown the unit's internal note;
 * an order with nobody to call (a patrol report, an appeal without a number) is not called and closes once
 * reviewed, with that reason, and no callback attempt is recorded for it.
 */
@HotlineIntegrationTest
class ConfidentialAndAnonymousCitizensInTheLoopTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConfidentialCitizenIsCalledButTheAgentDoesNotSeeTheUnitsInternalNote() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("举报某饭店后厨卫生条件差", null, "NORMAL",
                "{\"name\":\"李先生\",\"phone\":\"13912345678\",\"confidential\":true}", "PHONE", "dcf-scjgj",
                "scj-handler");
        api.reply("scj-handler", n, "已现场检查并责令整改").andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());

        List<Map<String, Object>> item = JsonPath.read(QualityApi.json(
                api.get("supervisor1", "/api/v1/quality/callbacks?size=200")), "$.items[?(@.number == '" + n + "')]");
        assertThat(item).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("citizenPhone", "13912345678").containsEntry("confidential", true)
                .containsEntry("publicReply", "已现场检查并责令整改").doesNotContainKey("internalNote"));

        api.callback("supervisor1", n, "{\"reached\":true,\"resolved\":true,\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("CLOSED"));
    }

    @Test
    void aPatrolReportIsNotCalledAndClosesOnceReviewed() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("巡查发现路灯不亮", null, "NORMAL",
                "{\"name\":\"网格员张三\",\"phone\":\"13700001111\"}", "PATROL", "dcf-gulou", "gulou-handler");
        api.reply("gulou-handler", n, "已更换灯泡").andExpect(status().isOk());

        api.approve("reviewer1", n).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("CLOSED_NO_CONTACT"))
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        assertThat(closeNote(api, n)).contains("无可回访联系方式");
        assertThat(attempts(n)).isZero();
    }

    @Test
    void anAppealWithoutANumberIsNotCalledAndClosesOnceReviewed() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("网上反映小区路面破损", null, "NORMAL", "{\"name\":\"网友\"}", "WEB", "dcf-gulou",
                "gulou-handler");
        api.reply("gulou-handler", n, "已修补路面").andExpect(status().isOk());

        api.approve("reviewer1", n).andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        assertThat(JsonPath.<List<String>>read(QualityApi.json(api.get("supervisor1",
                "/api/v1/quality/callbacks?size=200")), "$.items[*].number")).doesNotContain(n);
        assertThat(attempts(n)).isZero();
    }

    private String closeNote(QualityApi api, String n) throws Exception {
        return JsonPath.<List<String>>read(QualityApi.json(api.get("reviewer1", "/api/v1/orders/" + n + "/history")),
                "$[?(@.action == 'CLOSE')].reason").get(0);
    }

    private int attempts(String n) {
        return jdbc.sql("SELECT COUNT(*) FROM callback_attempt WHERE order_number = :n").param("n", n)
                .query(Integer.class).single();
    }
}
