package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.quality.internal.QualityApi;
import org.hotline.quality.internal.QualityClock;
import org.hotline.quality.internal.QualityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * Rule 9 through the API, starting from the reported case: a dispatcher closed a replied order with
 * {@code POST /close} and an empty body, and the order's pending quality check was quietly marked as handled
 * elsewhere. Now every close of a replied order outside the quality loop answers 409 with the reason and changes
 * nothing (the order, its history, its check), except the director's, which needs a reason, is recorded as an
 * override, ends the check saying so, and is counted in the statistics.
 */
@QualityIntegrationTest
class ARepliedOrderClosesOnlyThroughTheLoopOrTheDirectorsOverrideTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @Test
    void theReportedAttackADispatchersEmptyCloseOfARepliedOrderIsRefusedAndChangesNothing() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-28T09:00");
        String n = replied(api, "小区停电半天无人处理");
        Snapshot before = snapshot(api, n);

        // exactly as reported: no body at all
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/orders/" + n + "/close").with(httpBasic("dispatcher1", "demo123")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("close-requires-quality-loop"))
                .andExpect(jsonPath("$.detail").value("已答复的工单须经审核、回访后办结；只有中心主任可以说明理由后决定办结"));
        api.post("dispatcher1", "/api/v1/orders/" + n + "/close", "{}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("close-requires-quality-loop"));

        assertThat(snapshot(api, n)).isEqualTo(before);
        assertThat(before.checkStage()).isEqualTo("REVIEW");
    }

    @Test
    void noOneButTheDirectorClosesItOutsideTheLoopAndTheDirectorOnlyWithAReason() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-28T10:00");
        String n = replied(api, "电表箱门损坏");
        Snapshot before = snapshot(api, n);

        for (String user : List.of("dispatcher1", "reviewer1", "supervisor1", "power-handler")) {
            api.post(user, "/api/v1/orders/" + n + "/close", "{\"reason\":\"回访群众满意\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("close-requires-quality-loop"));
        }
        api.post("director1", "/api/v1/orders/" + n + "/close", "{\"reason\":\"  \"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("override-reason-required"))
                .andExpect(jsonPath("$.detail").value("中心主任决定办结必须说明理由"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/orders/" + n + "/close").with(httpBasic("director1", "demo123")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("override-reason-required"));

        assertThat(snapshot(api, n)).isEqualTo(before);
    }

    @Test
    void theDirectorsOverrideIsRecordedEndsTheCheckNamingItAndIsCounted() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-29T09:00");
        String n = replied(api, "楼道灯不亮");

        api.post("director1", "/api/v1/orders/" + n + "/close", "{\"reason\":\"市民来电撤回诉求\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));

        String history = QualityApi.json(api.get("power-handler", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<String>read(history, "$[-1].action")).isEqualTo("OVERRIDE_CLOSE");
        assertThat(JsonPath.<String>read(history, "$[-1].actionLabel")).isEqualTo("主任决定办结");
        assertThat(JsonPath.<String>read(history, "$[-1].actor")).isEqualTo("director1");
        assertThat(JsonPath.<String>read(history, "$[-1].reason")).isEqualTo("市民来电撤回诉求");
        QualityApi.awaitUntil("the check has ended", () -> "DONE".equals(snapshot(api, n).checkStage()));
        String record = QualityApi.json(api.get("supervisor1", "/api/v1/quality/orders/" + n));
        assertThat(JsonPath.<String>read(record, "$[0].outcome")).isEqualTo("CLOSED_BY_OVERRIDE");
        assertThat(JsonPath.<String>read(record, "$[0].outcomeLabel")).contains("中心主任决定办结");

        String figures = QualityApi.json(api.get("director1",
                "/api/v1/statistics/overrides?period=DAY&from=2026-12-29&to=2026-12-29").andExpect(status().isOk()));
        assertThat(JsonPath.<Integer>read(figures, "$.total")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(figures, "$.units[*].unit")).containsExactly("dcf-power");
        assertThat(JsonPath.<Integer>read(figures, "$.units[0].total")).isEqualTo(1);
    }

    /** An ordinary complaint to the power company, replied and waiting for its review. */
    private static String replied(QualityApi api, String content) throws Exception {
        String n = api.inProgress(content, null, "dcf-power", "power-handler");
        api.reply("power-handler", n, "已派员处理").andExpect(status().isOk());
        return n;
    }

    record Snapshot(String order, String history, String check, String checkStage) {
    }

    private static Snapshot snapshot(QualityApi api, String n) throws Exception {
        String check = QualityApi.json(api.get("supervisor1", "/api/v1/quality/orders/" + n));
        return new Snapshot(QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n)),
                QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n + "/history")), check,
                JsonPath.read(check, "$[0].stage"));
    }
}
