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
 * replied, is supervised (督办) with the reason, and waits in the supervisors' queue until one of them acts. A
 * supervisor closes it by concluding the escalation (督办办结), which the close rule accepts as the loop's word;
 * closing it directly is the director's override only.
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

        // A supervisor acts: not by closing the order directly (only the director may, and that is an override),
        // but by concluding the escalation after mediating, on which the order closes through the loop.
        api.post("supervisor1", "/api/v1/orders/" + n + "/close", "{\"reason\":\"经协调，企业已分期支付\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("close-requires-quality-loop"));
        api.post("reviewer1", "/api/v1/quality/escalations/" + n + "/conclusion", "{\"conclusion\":\"已协调\"}")
                .andExpect(status().isForbidden());
        api.post("supervisor1", "/api/v1/quality/escalations/" + n + "/conclusion", "{\"conclusion\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("conclusion"));
        assertThat(escalated("supervisor1")).contains(n);

        api.post("supervisor1", "/api/v1/quality/escalations/" + n + "/conclusion",
                "{\"conclusion\":\"经协调，企业已分期支付，市民同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("ESCALATED"))
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        assertThat(escalated("supervisor1")).doesNotContain(n);
        String record = QualityApi.json(api.get("supervisor1", "/api/v1/quality/orders/" + n));
        assertThat(JsonPath.<List<String>>read(record, "$[*].outcome"))
                .containsExactly("REDONE_AFTER_CALLBACK", "REDONE_AFTER_CALLBACK", "ESCALATED");
        assertThat(jdbc.sql("SELECT concluded_by || ':' || conclusion FROM escalation_conclusion WHERE order_number = :n")
                .param("n", n).query(String.class).single()).isEqualTo("supervisor1:经协调，企业已分期支付，市民同意");
        // a close of the loop, by the supervisor, not an override
        String closed = QualityApi.json(api.get("rsj-handler", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<List<String>>read(closed, "$[?(@.toStatus == 'CLOSED')].action")).containsExactly("CLOSE");
        assertThat(JsonPath.<List<String>>read(closed, "$[?(@.action == 'CLOSE')].actor")).containsExactly("supervisor1");
        assertThat(JsonPath.<List<String>>read(closed, "$[?(@.action == 'CLOSE')].reason").get(0))
                .isEqualTo("督办办结：经协调，企业已分期支付，市民同意");

        // concluded once: the order is closed
        api.post("supervisor1", "/api/v1/quality/escalations/" + n + "/conclusion", "{\"conclusion\":\"再次\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAnEscalatedReplyIsConcluded() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("小区电梯停运", null, "dcf-zjj", "zjj-handler");
        api.reply("zjj-handler", n, "已联系物业维修").andExpect(status().isOk());

        api.post("supervisor1", "/api/v1/quality/escalations/" + n + "/conclusion", "{\"conclusion\":\"已协调\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-escalated"));

        api.get("supervisor1", "/api/v1/orders/" + n).andExpect(jsonPath("$.status").value("REPLIED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escalation_conclusion WHERE order_number = :n").param("n", n)
                .query(Integer.class).single()).isZero();
    }

    private List<String> escalated(String user) throws Exception {
        return JsonPath.read(QualityApi.json(new QualityApi(mvc, jdbc).get(user, "/api/v1/quality/escalations?size=200")
                .andExpect(status().isOk())), "$.items[*].number");
    }
}
