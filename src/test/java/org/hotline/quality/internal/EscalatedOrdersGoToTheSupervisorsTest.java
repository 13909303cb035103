package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * An order the citizen rejects at the callback after its second redo is not redone a third time: it stays
 * replied, is supervised (督办) with the reason, and waits in the supervisors' queue until one of them acts.
 */
@HotlineIntegrationTest
class EscalatedOrdersGoToTheSupervisorsTest {

    private static final String UNSATISFIED = """
            {"reached":true,"resolved":false,"satisfaction":"UNSATISFIED","comment":"欠薪还是没有发"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theThirdFailureGoesToASupervisorInsteadOfAThirdRedo() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("工地拖欠农民工工资三个月", null, "dcf-rsj", "rsj-handler");

        for (int redo = 0; redo < 2; redo++) {
            api.reply("rsj-handler", n, "已督促企业支付").andExpect(status().isOk());
            api.approve("reviewer1", n).andExpect(status().isOk());
            api.callback("supervisor1", n, UNSATISFIED).andExpect(status().isOk())
                    .andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));
            api.post("rsj-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());
        }
        api.reply("rsj-handler", n, "企业承诺月底前支付").andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());

        api.callback("supervisor1", n, UNSATISFIED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("ESCALATED"))
                .andExpect(jsonPath("$.orderStatus").value("REPLIED"));

        String order = QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n));
        assertThat(JsonPath.<Integer>read(order, "$.redoCount")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(order, "$.supervisionCount")).isEqualTo(1);
        String history = QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'SUPERVISE')].reason").get(0))
                .contains("转督办").contains("已重办 2 次").contains("欠薪还是没有发");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escalation WHERE order_number = :n").param("n", n)
                .query(Integer.class).single()).isEqualTo(1);

        assertThat(escalated("supervisor1")).contains(n);
        assertThat(escalated("director1")).contains(n);
        api.get("reviewer1", "/api/v1/quality/escalations").andExpect(status().isForbidden());
        api.get("rsj-handler", "/api/v1/quality/escalations").andExpect(status().isForbidden());

        // A supervisor acts (here: closes it after mediating); the order leaves the queue, the record stays.
        api.post("supervisor1", "/api/v1/orders/" + n + "/close", "{\"note\":\"经协调，企业已分期支付\"}")
                .andExpect(status().isOk());
        assertThat(escalated("supervisor1")).doesNotContain(n);
        String record = QualityApi.json(api.get("supervisor1", "/api/v1/quality/orders/" + n));
        assertThat(JsonPath.<List<String>>read(record, "$[*].outcome"))
                .containsExactly("REDONE_AFTER_CALLBACK", "REDONE_AFTER_CALLBACK", "ESCALATED");
    }

    private List<String> escalated(String user) throws Exception {
        return JsonPath.read(QualityApi.json(new QualityApi(mvc, jdbc).get(user, "/api/v1/quality/escalations?size=200")
                .andExpect(status().isOk())), "$.items[*].number");
    }
}
