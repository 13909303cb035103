package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16: a low-quality reply reaches the reviewer flagged on the review page itself, before the decision: its
 * score, the low-quality mark, the reasons and each part's evidence, next to the reply, as text (never markup).
 */
@QualityIntegrationTest
class ALowQualityReplyIsFlaggedOnTheReviewPageTest {

    private static final Citizen CITIZEN = new Citizen("赵大爷", "13306357007", false);

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkOrderService orders;
    @Autowired
    QualityLoop loop;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QualityClock clock;

    private QualityDesk desk;

    @BeforeEach
    void aWorkingMorning() {
        clock.set("2026-09-15T10:00");
        desk = new QualityDesk(orders, loop, jdbc);
    }

    private OrderNumber replied(String publicReply) {
        OrderNumber n = desk.inProgress("东关街后巷下雨后积水没过脚踝，老人出不了门", CITIZEN, "东关街后巷", "09.05.03",
                Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
        desk.reply(n, QualityDesk.ENFORCEMENT, publicReply, null, null);
        QualityApi.awaitUntil("the reply of " + n + " is scored", () -> jdbc.sql(
                "SELECT COUNT(*) FROM reply_quality WHERE order_number = :n").param("n", n.value())
                .query(Integer.class).single() == 1);
        return n;
    }

    private String reviewPage(OrderNumber n) throws Exception {
        return mvc.perform(get("/console/review").param("level", "DISTRICT_CENTER").param("n", n.value())
                        .session(signIn(mvc, "reviewer1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String section(String page) {
        int from = page.indexOf("<section id=\"reply-quality\"");
        assertThat(from).as("the reply-quality section").isPositive();
        return page.substring(from, page.indexOf("</section>", from));
    }

    @Test
    void aReplyThatOnlySaysItWasPassedOnIsMarkedLowWithItsReasonsBeforeTheDecision() throws Exception {
        OrderNumber n = replied("已转相关部门处理");
        ReplyQualityScores.View stored = jdbc.sql("SELECT score, low, reasons, parts FROM reply_quality WHERE order_number = :n")
                .param("n", n.value()).query((rs, i) -> ReplyQualityScores.view(rs.getInt("score"), rs.getBoolean("low"),
                        rs.getString("reasons"), rs.getString("parts"))).single();
        assertThat(stored.low()).isTrue();

        String page = reviewPage(n);
        String quality = section(page);

        assertThat(quality).contains("is-low", "低质量", stored.score() + " 分", "完整性", "相关性", "及时性", "规范性");
        assertThat(stored.reasons()).isNotEmpty().allSatisfy(r -> assertThat(quality).contains(escaped(r)));
        assertThat(quality).contains("套话");
        // next to the reply, before the decision form
        assertThat(page.indexOf("id=\"reply-quality\"")).isGreaterThan(page.indexOf("id=\"h-reply\""))
                .isLessThan(page.indexOf("id=\"h-decide\""));
        // and the queue marks it too
        assertThat(page.substring(page.indexOf("id=\"h-queue\""), page.indexOf("id=\"review-detail\"")))
                .contains("低质量 " + stored.score() + " 分");
    }

    @Test
    void aGoodReplyIsNotMarkedLow() throws Exception {
        OrderNumber n = replied("您好！经现场查看，东关街后巷积水系排水口堵塞所致。根据《城市排水管理办法》，"
                + "我局已组织疏通排水口 2 处，目前积水已排净。下一步将列入汛期巡查，如有疑问可致电联系电话 0635-8211234。");

        String quality = section(reviewPage(n));

        assertThat(quality).doesNotContain("is-low").doesNotContain("低质量").contains("未发现问题");
    }

    @Test
    void theEvidenceIsShownAsTextNeverAsMarkup() throws Exception {
        OrderNumber n = replied("<script>alert(1)</script>已转相关部门");

        String page = reviewPage(n);

        assertThat(page).doesNotContain("<script>alert(1)</script>");
        assertThat(section(page)).contains("低质量");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
