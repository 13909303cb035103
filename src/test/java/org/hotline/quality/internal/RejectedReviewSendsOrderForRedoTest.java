package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A reviewer who rejects a reply must say why; the order then goes back to the unit through the work order's
 * redo (a new deadline, the redo counted), the decision is on record with who, when and why, and the unit's next
 * reply is checked from the first level again. Whoever rejects, the order's history says whose decision it was.
 */
@QualityIntegrationTest
class RejectedReviewSendsOrderForRedoTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @Test
    void aRejectionWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = repliedTo(api, null, "dcf-gulou", "gulou-handler");

        api.post("reviewer1", decision(n), "{\"approve\":false,\"reason\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));

        assertThat(decisionsOf(n)).isEmpty();
        api.get("reviewer1", "/api/v1/orders/" + n).andExpect(jsonPath("$.status").value("REPLIED"))
                .andExpect(jsonPath("$.redoCount").value(0));
    }

    @Test
    void theDistrictReviewersRejectionRedoesTheOrderWithANewDeadline() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = repliedTo(api, null, "dcf-gulou", "gulou-handler");
        String before = QualityApi.json(api.get("reviewer1", "/api/v1/orders/" + n));
        clock.set("2026-12-16T09:00");

        api.post("reviewer1", decision(n), "{\"approve\":false,\"reason\":\"答复只说已转交相关部门，未说明处理结果\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("REDONE_AFTER_REVIEW"))
                .andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));

        String after = QualityApi.json(api.get("gulou-handler", "/api/v1/orders/" + n));
        assertThat(JsonPath.<Integer>read(after, "$.redoCount")).isEqualTo(1);
        assertThat(Instant.parse(JsonPath.read(after, "$.deadlines.handleBy")))
                .isAfter(Instant.parse(JsonPath.read(before, "$.deadlines.handleBy")));
        assertThat(decisionsOf(n)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("review_level", "DISTRICT_CENTER").containsEntry("approved", false)
                    .containsEntry("reviewer", "reviewer1").containsEntry("reviewer_role", "REVIEWER");
            assertThat((String) d.get("reason")).contains("未说明处理结果");
            assertThat(d.get("decided_at")).isNotNull();
        });
        String history = QualityApi.json(api.get("reviewer1", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].actor")).containsExactly("reviewer1");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].reason").get(0))
                .startsWith("区级中心审核驳回：答复只说已转交相关部门");

        // The unit's next reply starts a new check at the first level.
        api.post("gulou-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());
        api.reply("gulou-handler", n, "已现场核实并处理完毕").andExpect(status().isOk());
        String record = QualityApi.json(api.get("reviewer1", "/api/v1/quality/orders/" + n));
        assertThat(JsonPath.<List<String>>read(record, "$[*].stage")).containsExactly("DONE", "REVIEW");
        assertThat(JsonPath.<List<Integer>>read(record, "$[*].redoCount")).containsExactly(0, 1);
    }

    @Test
    void aUnitLeadersRejectionIsCarriedOutByTheLoopInTheLeadersName() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = repliedTo(api, "01.01.01", "dcf-gulou", "gulou-handler");

        api.post("gulou-leader", decision(n), "{\"approve\":false,\"reason\":\"未联系业主核实\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));

        String history = QualityApi.json(api.get("reviewer1", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].actor"))
                .containsExactly("quality-loop");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].reason").get(0))
                .contains("单位领导审核驳回：未联系业主核实").contains("gulou-leader");
        assertThat(decisionsOf(n)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reviewer", "gulou-leader").containsEntry("reviewer_unit", "dcf-gulou"));
    }

    @Test
    void theDirectorsRejectionAtCityLevelRedoesTheOrderToo() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = repliedTo(api, "01.01.02", "dcf-gulou", "gulou-handler");
        api.approve("gulou-leader", n).andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());

        api.post("director1", decision(n), "{\"approve\":false,\"reason\":\"维修资金使用情况未公示\",\"level\":\"CITY_CENTER\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));

        assertThat(decisionsOf(n)).extracting(d -> d.get("reviewer") + ":" + d.get("approved"))
                .containsExactly("gulou-leader:true", "reviewer1:true", "director1:false");
    }

    @Test
    void aDecisionForALevelTheReplyIsNoLongerAtIsAConflict() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = repliedTo(api, "01.01.03", "dcf-gulou", "gulou-handler");
        api.post("reviewer1", decision(n), "{\"approve\":true,\"level\":\"DISTRICT_CENTER\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review-level-changed"));
        assertThat(decisionsOf(n)).isEmpty();
    }

    private static String decision(String n) {
        return "/api/v1/quality/reviews/" + n + "/decision";
    }

    /** Dispatched on Monday 14 December 2026 at 09:00, replied an hour later. */
    private String repliedTo(QualityApi api, String category, String lead, String handler) throws Exception {
        clock.set("2026-12-14T09:00");
        String n = api.inProgress("小区健身器材损坏多日无人维修", category, lead, handler);
        clock.set("2026-12-14T10:00");
        api.reply(handler, n, "已联系相关部门").andExpect(status().isOk());
        return n;
    }

    private List<Map<String, Object>> decisionsOf(String n) {
        return jdbc.sql("SELECT * FROM review_decision WHERE order_number = :n ORDER BY reply_seq, seq").param("n", n)
                .query().listOfRows();
    }
}
