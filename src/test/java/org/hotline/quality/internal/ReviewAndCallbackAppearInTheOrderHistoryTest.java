package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Every review decision (each level: passed or sent back with the reason, by whom) and every callback attempt
 * (reached or not, solved, the rating, the comment) is a line of the order's append-only history, with actions
 * of their own (REVIEW, CALLBACK) that change no status, written in the same transaction as the quality loop's
 * record: a refused step writes neither. The unit sees these lines for its own orders, never the citizen's phone.
 */
@QualityIntegrationTest
class ReviewAndCallbackAppearInTheOrderHistoryTest {

    private static final String PHONE = "13812341234";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @Test
    void reviewsAndCallbacksAreLinesOfTheTimelineTheUnitReadsWithoutThePhone() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-21T09:00");
        String n = api.inProgress("小区垃圾桶满溢三天无人清运", null, "dcf-gulou", "gulou-handler");
        api.reply("gulou-handler", n, "已通知保洁公司").andExpect(status().isOk());
        api.post("reviewer1", "/api/v1/quality/reviews/" + n + "/decision",
                "{\"approve\":false,\"reason\":\"答复未说明何时清运\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));
        api.post("gulou-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());
        api.reply("gulou-handler", n, "保洁公司已于当日下午清运完毕").andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());
        api.callback("supervisor1", n, "{\"reached\":false,\"comment\":\"" + PHONE + " 无人接听\"}")
                .andExpect(status().isOk());
        // refused (not due before another working day): neither the loop's record nor a history line
        api.callback("supervisor1", n, "{\"reached\":false,\"comment\":\"再拨\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("callback-not-due"));
        clock.set("2026-12-22T09:00");
        api.callback("supervisor1", n, """
                {"reached":true,"resolved":true,"satisfaction":"SATISFIED","comment":"垃圾已清运，谢谢"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        String history = QualityApi.json(api.get("gulou-handler", "/api/v1/orders/" + n + "/history")
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(history, "$[*].action")).containsExactly("REGISTER", "DISPATCH",
                "ACKNOWLEDGE", "REPLY", "REVIEW", "REDO", "ACKNOWLEDGE", "REPLY", "REVIEW", "CALLBACK", "CALLBACK",
                "CLOSE");
        List<Map<String, Object>> reviews = JsonPath.read(history, "$[?(@.action == 'REVIEW')]");
        assertThat(reviews).extracting(r -> r.get("actor") + " " + r.get("actionLabel") + " " + r.get("detail") + " "
                + r.get("reason") + " " + r.get("fromStatus") + "→" + r.get("toStatus")).containsExactly(
                        "reviewer1 审核 区级中心审核：驳回 答复未说明何时清运 REPLIED→REPLIED",
                        "reviewer1 审核 区级中心审核：通过 null REPLIED→REPLIED");
        List<Map<String, Object>> callbacks = JsonPath.read(history, "$[?(@.action == 'CALLBACK')]");
        assertThat(callbacks).extracting(c -> c.get("actor") + " " + c.get("actionLabel") + " " + c.get("detail")
                + " " + c.get("reason") + " " + c.get("fromStatus") + "→" + c.get("toStatus")).containsExactly(
                        "supervisor1 回访 第 1 次回访：未接通 138****1234 无人接听 REPLIED→REPLIED",
                        "supervisor1 回访 第 2 次回访：已解决，满意 垃圾已清运，谢谢 REPLIED→REPLIED");
        assertThat(history).as("the unit never reads the citizen's phone in the timeline").doesNotContain(PHONE);

        // one line per record of the loop, no more, no less
        assertThat(count("SELECT COUNT(*) FROM review_decision WHERE order_number = :n", n)).isEqualTo(reviews.size());
        assertThat(count("SELECT COUNT(*) FROM callback_attempt WHERE order_number = :n", n))
                .isEqualTo(callbacks.size());
        // the center reads the same lines; another unit does not see the order at all
        assertThat(JsonPath.<List<String>>read(QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n
                + "/history")), "$[?(@.action == 'REVIEW' || @.action == 'CALLBACK')].detail")).hasSize(4);
        api.get("zf-handler", "/api/v1/orders/" + n + "/history").andExpect(status().isNotFound());
    }

    @Test
    void eachLevelIsALineByItsOwnReviewer() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-21T10:00");
        // 01.*: three levels (application.yml), passed by the unit's leader, a reviewer and the director
        String n = api.inProgress("工地夜间施工噪音扰民", "01.02.01", "dcf-zhzfj", "zf-handler");
        api.reply("zf-handler", n, "已责令工地停止夜间施工").andExpect(status().isOk());
        api.approve("zf-leader", n).andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());
        api.approve("director1", n).andExpect(status().isOk());

        String history = QualityApi.json(api.get("zf-handler", "/api/v1/orders/" + n + "/history"));
        List<Map<String, Object>> reviews = JsonPath.read(history, "$[?(@.action == 'REVIEW')]");
        assertThat(reviews).extracting(r -> r.get("actor") + " " + r.get("actorRole") + " " + r.get("detail"))
                .containsExactly("zf-leader UNIT_LEADER 单位领导审核：通过", "reviewer1 REVIEWER 区级中心审核：通过",
                        "director1 DIRECTOR 市级中心审核：通过");
        assertThat(JsonPath.<String>read(QualityApi.json(api.get("zf-handler", "/api/v1/orders/" + n)), "$.status"))
                .isEqualTo("REPLIED");
    }

    private int count(String sql, String n) {
        return jdbc.sql(sql).param("n", n).query(Integer.class).single();
    }
}
