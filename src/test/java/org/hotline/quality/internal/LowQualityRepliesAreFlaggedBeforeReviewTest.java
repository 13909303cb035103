package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** A reply is scored when it arrives; the reviewer sees a low-quality reply's reasons in the review queue. */
@HotlineIntegrationTest
class LowQualityRepliesAreFlaggedBeforeReviewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplyThatOnlySaysItWasPassedOnReachesTheReviewerFlaggedWithItsReasons() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String poor = api.inProgress("东关街后巷下雨后积水没过脚踝，老人出不了门", null, "dcf-zhzfj", "zf-handler");
        String good = api.inProgress("东关街后巷下雨后积水没过脚踝，老人出不了门", null, "dcf-zhzfj", "zf-handler");
        api.reply("zf-handler", poor, "已转相关部门处理").andExpect(status().isOk());
        api.reply("zf-handler", good, "您好！经现场查看，东关街后巷积水系排水口堵塞所致。根据《城市排水管理办法》，"
                + "我局已组织疏通排水口 2 处，目前积水已排净。下一步将列入汛期巡查，如有疑问可致电联系电话 0635-8211234。")
                .andExpect(status().isOk());
        QualityApi.awaitUntil("both replies are scored", () -> jdbc.sql(
                "SELECT COUNT(*) FROM reply_quality WHERE order_number IN (:a, :b)").param("a", poor).param("b", good)
                .query(Integer.class).single() == 2);

        String queue = QualityApi.json(api.get("reviewer1", "/api/v1/quality/reviews?size=200")
                .andExpect(status().isOk()));

        assertThat(JsonPath.<List<Boolean>>read(queue, "$.items[?(@.number == '" + poor + "')].quality.low"))
                .containsExactly(true);
        assertThat(JsonPath.<List<String>>read(queue, "$.items[?(@.number == '" + poor + "')].quality.reasons[*]"))
                .anyMatch(r -> r.contains("套话"));
        assertThat(JsonPath.<List<Boolean>>read(queue, "$.items[?(@.number == '" + good + "')].quality.low"))
                .containsExactly(false);
        assertThat(JsonPath.<List<Object>>read(queue,
                "$.items[?(@.number == '" + good + "')].quality.parts[?(@.aspect == 'COMPLETENESS')].points"))
                .containsExactly(40);
    }

    @Test
    void theUnitsReplyQualityIsAFigureForItsAssessment() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String poor = api.inProgress("东关街路灯不亮", null, "dcf-zhzfj", "zf-handler");
        api.reply("zf-handler", poor, "已转相关部门").andExpect(status().isOk());
        QualityApi.awaitUntil("the reply is scored", () -> jdbc.sql(
                "SELECT COUNT(*) FROM reply_quality WHERE order_number = :a").param("a", poor)
                .query(Integer.class).single() == 1);
        LocalDate today = LocalDate.now();

        String figures = QualityApi.json(api.get("director1", "/api/v1/quality/reply-quality/units?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1)).andExpect(status().isOk()));

        assertThat(JsonPath.<List<Integer>>read(figures, "$[?(@.unit == 'dcf-zhzfj')].low").get(0))
                .isGreaterThanOrEqualTo(1);
        api.get("zf-handler", "/api/v1/quality/reply-quality/units?from=" + today + "&to=" + today)
                .andExpect(status().isForbidden());
    }
}
