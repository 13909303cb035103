package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The whole quality loop through the REST API, as the people at the hotline live it.
 *
 * <p>A resident complains about night-time construction noise (category 01.02.01, 城乡建设: three review levels).
 * The law-enforcement bureau replies that it has stopped the work. Its own leader approves the reply, the center's
 * reviewer approves it, the director approves it at city level. The supervisor calls the resident back: the work
 * still goes on at night, and the resident is unsatisfied. The order goes back to the bureau for redo. The bureau
 * fines the site and replies again; the reply passes the three levels again, the resident confirms that the
 * nights are quiet now, and the order closes.
 */
@HotlineIntegrationTest
class QualityLoopScenarioTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplyPassesThreeReviewLevelsFailsItsCallbackIsRedoneAndClosesWhenTheCitizenConfirms() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress("工地每天夜里十一点以后还在浇筑混凝土，噪音太大", "01.02.01", "dcf-zhzfj", "zf-handler");

        // The bureau replies; the reply waits for its own leader first.
        api.reply("zf-handler", n, "已责令工地夜间停工").andExpect(status().isOk());
        assertThat(reviewQueue("zf-leader", null)).contains(n);
        assertThat(reviewQueue("gulou-leader", null)).as("another unit's leader").doesNotContain(n);
        assertThat(reviewQueue("reviewer1", "DISTRICT_CENTER")).as("not yet at the district").doesNotContain(n);
        api.approve("gulou-leader", n).andExpect(status().isNotFound());
        api.approve("reviewer1", n).andExpect(status().isForbidden());

        passThreeLevels(api, n);

        // The supervisor calls back: still noisy at night.
        String due = QualityApi.json(api.get("supervisor1", "/api/v1/quality/callbacks?size=200"));
        List<Map<String, Object>> item = JsonPath.read(due, "$.items[?(@.number == '" + n + "')]");
        assertThat(item).hasSize(1);
        assertThat(item.get(0)).containsEntry("citizenPhone", "13812341234")
                .containsEntry("internalNote", "来电人系隔壁商户老板").containsEntry("attemptsMade", 0);
        api.get("reviewer1", "/api/v1/quality/callbacks").andExpect(status().isForbidden());

        api.callback("supervisor1", n, """
                {"reached":true,"resolved":false,"satisfaction":"UNSATISFIED","comment":"昨晚还在施工"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("REDONE_AFTER_CALLBACK"))
                .andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));
        api.get("zf-handler", "/api/v1/orders/" + n).andExpect(jsonPath("$.redoCount").value(1));

        // The bureau acknowledges again, fines the site and replies; the new reply goes through review again.
        api.post("zf-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());
        api.reply("zf-handler", n, "已对工地立案处罚，夜间施工已停止").andExpect(status().isOk());
        passThreeLevels(api, n);

        api.callback("supervisor1", n, """
                {"reached":true,"resolved":true,"satisfaction":"SATISFIED","comment":"这几天晚上安静了"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("CLOSED_CONFIRMED"))
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        // Every decision and attempt is on record, reply by reply.
        String record = QualityApi.json(api.get("zf-handler", "/api/v1/quality/orders/" + n).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(record, "$[*].outcome"))
                .containsExactly("REDONE_AFTER_CALLBACK", "CLOSED_CONFIRMED");
        assertThat(JsonPath.<List<String>>read(record, "$[0].decisions[*].reviewer"))
                .containsExactly("zf-leader", "reviewer1", "director1");
        assertThat(JsonPath.<Map<String, Object>>read(record, "$[0]")).as("the callback plan is hidden from the unit")
                .doesNotContainKey("callbackPlan");
        assertThat(JsonPath.<List<String>>read(QualityApi.json(api.get("supervisor1", "/api/v1/quality/orders/" + n)),
                "$[*].callbackPlan")).containsExactly("CALL", "CALL");
        assertThat(jdbc.sql("""
                SELECT reply_seq, unit_id, attempt, reached, satisfaction FROM callback_attempt
                WHERE order_number = :n ORDER BY reply_seq""").param("n", n).query().listOfRows())
                .extracting(r -> r.get("reply_seq") + " " + r.get("unit_id") + " " + r.get("attempt") + " "
                        + r.get("reached") + " " + r.get("satisfaction"))
                .containsExactly("1 dcf-zhzfj 1 true UNSATISFIED", "2 dcf-zhzfj 1 true SATISFIED");

        // The order's own history says who sent it back and who closed it, and why.
        String history = QualityApi.json(api.get("supervisor1", "/api/v1/orders/" + n + "/history"));
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].actor")).containsExactly("supervisor1");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'REDO')].reason").get(0)).contains("昨晚还在施工");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.action == 'CLOSE')].actor")).containsExactly("supervisor1");
    }

    private void passThreeLevels(QualityApi api, String n) throws Exception {
        api.approve("zf-leader", n).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.currentLevel").value("DISTRICT_CENTER"));
        assertThat(reviewQueue("reviewer1", "DISTRICT_CENTER")).contains(n);
        api.post("reviewer1", "/api/v1/quality/reviews/" + n + "/decision",
                "{\"approve\":true,\"reason\":\"答复针对诉求\",\"level\":\"DISTRICT_CENTER\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.check.currentLevel").value("CITY_CENTER"));
        assertThat(reviewQueue("reviewer1", "CITY_CENTER")).as("nobody reviews two levels of one reply")
                .doesNotContain(n);
        api.approve("director1", n).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.stage").value("CALLBACK"))
                .andExpect(jsonPath("$.orderStatus").value("REPLIED"));
    }

    private List<String> reviewQueue(String user, String level) throws Exception {
        String body = QualityApi.json(new QualityApi(mvc, jdbc).get(user,
                "/api/v1/quality/reviews?size=200" + (level == null ? "" : "&level=" + level))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].citizenPhone",
                        Matchers.everyItem(Matchers.containsString("****")))));
        return JsonPath.read(body, "$.items[*].number");
    }
}
