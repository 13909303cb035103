package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 审核 in the console: the queue of the viewer's own levels, the reply beside the appeal, and the decision taken
 * by the quality loop with the level the page showed, so the page refuses what the API refuses, with its words.
 */
@QualityIntegrationTest
class TheReviewPageDecidesThroughTheLoopTest {

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

    private OrderNumber repliedToEnforcement(String content) {
        OrderNumber n = desk.inProgress(content, CITIZEN, "东关街后巷", "09.05.03", Urgency.NORMAL,
                QualityDesk.ENFORCEMENT, List.of(QualityDesk.GULOU));
        desk.coUnitPart(n, QualityDesk.GULOU, "社区已清理巷内杂物");
        desk.reply(n, QualityDesk.ENFORCEMENT, "已疏通后巷排水口，积水已排净。", "疏通排水口 2 处", "列入汛期巡查");
        return n;
    }

    @Test
    void aReviewerSeesTheirLevelsAndTheReplyBesideTheAppealWithTheNumberMasked() throws Exception {
        OrderNumber n = repliedToEnforcement("东关街后巷下雨后积水没过脚踝，老人出不了门");

        String page = mvc.perform(get("/console/review").param("level", "DISTRICT_CENTER").param("n", n.value())
                        .session(signIn(mvc, "reviewer1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("东关街后巷下雨后积水没过脚踝"),
                        containsString("已疏通后巷排水口，积水已排净。"), containsString("列入汛期巡查"),
                        containsString("社区已清理巷内杂物"), containsString("133****7007"),
                        not(containsString("13306357007")))))
                .andExpect(content().string(containsString("data-action=\"REVIEW\"")))
                .andExpect(content().string(containsString("name=\"level\" value=\"DISTRICT_CENTER\"")))
                .andExpect(content().string(containsString("<section id=\"reply-quality\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tabs(page)).contains("区级中心审核", "市级中心审核").doesNotContain("单位领导审核");
    }

    /** The level tabs of a review page. */
    private static String tabs(String page) {
        int from = page.indexOf("<nav class=\"tabs\"");
        return page.substring(from, page.indexOf("</nav>", from));
    }

    @Test
    void sendingAReplyBackNeedsAReasonShownNextToTheFieldAndChangesNothing() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        mvc.perform(post("/console/review/" + n.value() + "/decision").session(signIn(mvc, "reviewer1")).with(csrf())
                        .param("level", "DISTRICT_CENTER").param("approve", "false").param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-REVIEW-reason\">驳回必须说明理由")));

        assertThat(orders.find(n, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);
        assertThat(desk.currentLevel(n)).isEqualTo(ReviewLevel.DISTRICT_CENTER);
    }

    @Test
    void aReplySentBackGoesForRedoAndThePageSaysSo() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        mvc.perform(post("/console/review/" + n.value() + "/decision").session(signIn(mvc, "reviewer1")).with(csrf())
                        .param("level", "DISTRICT_CENTER").param("tab", "DISTRICT_CENTER").param("approve", "false")
                        .param("reason", "答复未说明排水口是否已疏通"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/review?level=DISTRICT_CENTER"))
                .andExpect(flash().attribute("outcome", "工单 " + n.value() + "：「区级中心审核」驳回，已退回承办单位重办，理由已转告。"));

        // back to the unit, to acknowledge and handle again
        assertThat(orders.find(n, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(orders.find(n, QualityDesk.SUPERVISOR).redoCount()).isEqualTo(1);
    }

    @Test
    void anApprovalSaysWhatFollowsFromTheChecksAnswer() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        mvc.perform(post("/console/review/" + n.value() + "/decision").session(signIn(mvc, "reviewer1")).with(csrf())
                        .param("level", "DISTRICT_CENTER").param("approve", "true").param("next", "20260915-999999"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/review?n=20260915-999999"))
                .andExpect(flash().attribute("outcome", "工单 " + n.value() + "：「区级中心审核」通过，审核完成，转入回访。"));
    }

    @Test
    void aLevelDecidedMeanwhileIsRefusedWithTheLoopsReason() throws Exception {
        OrderNumber n = desk.inProgress("工地夜间施工噪音很大，凌晨两点还在打桩", CITIZEN, "柳园街道新城工地", "01.02.01",
                Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
        desk.reply(n, QualityDesk.ENFORCEMENT, "已责令工地停止夜间施工", null, null);
        MockHttpSession leader = signIn(mvc, "zf-leader");
        String page = mvc.perform(get("/console/review").param("n", n.value()).session(leader))
                .andExpect(content().string(containsString("name=\"level\" value=\"UNIT_LEADER\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("单位领导审核");
        // meanwhile, the same level is decided elsewhere (the leader's other tab, the API)
        desk.review(n, QualityDesk.leader(QualityDesk.ENFORCEMENT), true, null);

        mvc.perform(post("/console/review/" + n.value() + "/decision").session(leader).with(csrf())
                        .param("level", "UNIT_LEADER").param("approve", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该答复当前待「区级中心审核」，不是「单位领导审核」，请刷新后重试")));
        assertThat(desk.currentLevel(n)).isEqualTo(ReviewLevel.DISTRICT_CENTER);
    }

    @Test
    void aReplyTheViewerMayNotDecideIsShownWithTheReasonAndNoForm() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");
        desk.review(n, QualityDesk.REVIEWER, true, null);

        mvc.perform(get("/console/review").param("n", n.value()).session(signIn(mvc, "reviewer1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该答复处于「待回访」，不在审核中")))
                .andExpect(content().string(not(containsString("data-action=\"REVIEW\""))));
    }

    @Test
    void aUnitLeaderReviewsOnlyTheirOwnUnitsLevelAndAnotherUnitsOrderDoesNotExist() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        String page = mvc.perform(get("/console/review").session(signIn(mvc, "zf-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tabs(page)).contains("单位领导审核").doesNotContain("区级中心审核", "市级中心审核");
        mvc.perform(get("/console/review").param("level", "DISTRICT_CENTER").session(signIn(mvc, "zf-leader"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("当前用户无权进行「区级中心审核」")));
        mvc.perform(get("/console/review").param("n", n.value()).session(signIn(mvc, "scj-leader"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("小巷积水"))));
    }

    @Test
    void whoReviewsNothingIsRefusedThePage() throws Exception {
        for (String user : List.of("supervisor1", "zf-handler", "operator1")) {
            mvc.perform(get("/console/review").session(signIn(mvc, user)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("当前用户无权审核答复")));
        }
    }

    @Test
    void aDecisionWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        mvc.perform(post("/console/review/" + n.value() + "/decision").session(signIn(mvc, "reviewer1"))
                        .param("level", "DISTRICT_CENTER").param("approve", "true").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        assertThat(desk.currentLevel(n)).isEqualTo(ReviewLevel.DISTRICT_CENTER);
    }

    @Test
    void anAppealWithMarkupIsShownAsText() throws Exception {
        OrderNumber n = desk.replied("<script>alert(1)</script><img src=x onerror=alert(2)>积水",
                new Citizen("<b>王</b>", "13306357007", false), "东关街", "09.05.03", QualityDesk.ENFORCEMENT,
                "<i>已处理</i>");

        mvc.perform(get("/console/review").param("n", n.value()).session(signIn(mvc, "reviewer1")))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        containsString("&lt;img src=x onerror=alert(2)&gt;"), containsString("&lt;i&gt;已处理&lt;/i&gt;"),
                        not(containsString("<script>alert")), not(containsString("<i>已处理")))));
    }

    @Test
    void selectingAnotherReplyThroughHtmxAnswersThePanesAlone() throws Exception {
        OrderNumber n = repliedToEnforcement("小巷积水，排水口堵塞");

        mvc.perform(get("/console/review").param("n", n.value()).header("HX-Request", "true")
                        .session(signIn(mvc, "reviewer1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"review-panes\""), containsString(n.value()),
                        not(containsString("<html")), not(containsString("class=\"topbar\"")))));
    }
}
