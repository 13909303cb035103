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
 * 回访 in the console: the agent sees the citizen's full number and a script made from the order's facts, records
 * the call through the quality loop with the API's own checks, and reads what followed from the loop's answer.
 */
@QualityIntegrationTest
class TheCallbackPageRecordsThroughTheLoopTest {

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
        // Wednesday 16 September 2026
        clock.set("2026-09-16T10:00");
        desk = new QualityDesk(orders, loop, jdbc);
    }

    /** Replied by the enforcement bureau, approved by the reviewer: the callback is due. */
    private OrderNumber dueForCallback(Citizen citizen) {
        OrderNumber n = desk.inProgress("东关街后巷下雨后积水没过脚踝，老人出不了门", citizen, "东关街后巷", "09.05.03",
                Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
        desk.reply(n, QualityDesk.ENFORCEMENT, "已疏通后巷排水口，积水已排净。", "疏通排水口 2 处", "来电人系隔壁商户老板");
        desk.review(n, QualityDesk.REVIEWER, true, null);
        return n;
    }

    private String attempt(OrderNumber n) {
        return "/console/callbacks/" + n.value() + "/attempts";
    }

    @Test
    void theAgentSeesTheFullNumberAndAScriptMadeFromTheOrdersFacts() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);

        mvc.perform(get("/console/callbacks").param("n", n.value()).session(signIn(mvc, "supervisor1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("13306357007"), containsString("href=\"tel:13306357007\""),
                        containsString("第 1 次回访（最多 3 次）"), containsString("已疏通后巷排水口，积水已排净。"))))
                .andExpect(content().string(allOf(containsString("您好，请问是赵大爷吗？"),
                        containsString("我是回访员督办员一"), containsString("「东关街后巷下雨后积水没过脚踝，老人出不了门」"),
                        containsString("区综合行政执法局答复您：「已疏通后巷排水口，积水已排净。」"),
                        containsString("区综合行政执法局是否联系过您？"), containsString("您反映的问题是否已经解决？"),
                        containsString("您对办理结果是否满意？"))))
                .andExpect(content().string(containsString("data-action=\"CALLBACK\"")));
    }

    @Test
    void aConfidentialCitizensUnitNoteIsNotReadOutOnThePhone() throws Exception {
        OrderNumber n = dueForCallback(new Citizen("钱女士", "13912345678", true));

        mvc.perform(get("/console/callbacks").param("n", n.value()).session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(allOf(containsString("13912345678"), containsString("市民要求保密"),
                        not(containsString("来电人系隔壁商户老板")))));
    }

    @Test
    void aCitizenNotReachedIsCalledAgainOnAnotherWorkingDayAndThePageSaysWhen() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);
        MockHttpSession agent = signIn(mvc, "supervisor1");

        mvc.perform(post(attempt(n)).session(agent).with(csrf()).param("reached", "false").param("comment", "无人接听"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/callbacks"))
                .andExpect(flash().attribute("outcome", "工单 " + n.value()
                        + "：已记录第 1 次回访（未接通）。已安排下次回访：2026-09-17 08:30 起（另一个工作日）。"));

        mvc.perform(get("/console/callbacks").param("n", n.value()).session(agent))
                .andExpect(content().string(allOf(containsString("上次未接通，下次回访应在 2026-09-17 08:30 之后（另一个工作日）"),
                        containsString("无人接听"), not(containsString("data-action=\"CALLBACK\"")))));
    }

    @Test
    void aSatisfiedCitizenClosesTheOrder() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);

        mvc.perform(post(attempt(n)).session(signIn(mvc, "supervisor1")).with(csrf()).param("reached", "true")
                        .param("resolved", "true").param("satisfaction", "SATISFIED").param("comment", "积水已排净"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome", "工单 " + n.value()
                        + "：已记录第 1 次回访（已解决，满意）。工单已办结：回访：已解决，满意。"));
        assertThat(orders.find(n, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void anUnsatisfiedCitizenSendsTheOrderBackForRedo() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);

        mvc.perform(post(attempt(n)).session(signIn(mvc, "supervisor1")).with(csrf()).param("reached", "true")
                        .param("resolved", "false").param("satisfaction", "UNSATISFIED").param("comment", "巷口仍有积水"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome", "工单 " + n.value()
                        + "：已记录第 1 次回访（未解决，不满意）。工单已退回承办单位重办：回访未解决，不满意：巷口仍有积水。"));
        assertThat(orders.find(n, QualityDesk.SUPERVISOR).redoCount()).isEqualTo(1);
    }

    @Test
    void aThirdFailureGoesToTheSupervisorsAndThePageSaysSo() throws Exception {
        OrderNumber n = desk.inProgress("小区门口的早餐摊油烟太大，反映两次了还是没人管", CITIZEN, "光明小区东门", "05.01.03",
                Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
        for (int redo = 0; redo < 2; redo++) {
            desk.reply(n, QualityDesk.ENFORCEMENT, "已现场劝导", null, null);
            desk.review(n, QualityDesk.REVIEWER, false, "答复未说明油烟是否已治理");
            orders.acknowledge(n, QualityDesk.handler(QualityDesk.ENFORCEMENT), null);
        }
        desk.reply(n, QualityDesk.ENFORCEMENT, "已责令摊主安装油烟净化器", null, null);
        desk.review(n, QualityDesk.REVIEWER, true, null);

        mvc.perform(post(attempt(n)).session(signIn(mvc, "supervisor1")).with(csrf()).param("reached", "true")
                        .param("resolved", "false").param("satisfaction", "UNSATISFIED").param("comment", "还是有油烟"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome", "工单 " + n.value()
                        + "：已记录第 1 次回访（未解决，不满意）。已转督办：已重办 2 次，回访未解决，不满意：还是有油烟。"));
    }

    @Test
    void anAppealWithMarkupIsReadAsTextInTheScript() throws Exception {
        OrderNumber n = desk.inProgress("<script>alert(1)</script>积水", new Citizen("<b>王</b>", "13306357007", false),
                "东关街", "09.05.03", Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
        desk.reply(n, QualityDesk.ENFORCEMENT, "<img src=x onerror=alert(2)>已疏通", null, null);
        desk.review(n, QualityDesk.REVIEWER, true, null);

        mvc.perform(get("/console/callbacks").param("n", n.value()).session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(allOf(containsString("您好，请问是&lt;b&gt;王&lt;/b&gt;吗？"),
                        containsString("「&lt;script&gt;alert(1)&lt;/script&gt;积水」"),
                        containsString("「&lt;img src=x onerror=alert(2)&gt;已疏通」"),
                        not(containsString("<script>alert")), not(containsString("<img src=x")))));
    }

    @Test
    void answersThatDoNotFitTheCallAreRefusedNextToTheirFieldAndChangeNothing() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);
        MockHttpSession agent = signIn(mvc, "supervisor1");

        mvc.perform(post(attempt(n)).session(agent).with(csrf()).param("reached", "false").param("satisfaction", "SATISFIED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CALLBACK-satisfaction\">未接通时不能填写满意度")));
        mvc.perform(post(attempt(n)).session(agent).with(csrf()).param("comment", "打了"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CALLBACK-reached\">必须填写")))
                .andExpect(content().string(containsString("打了")));
        mvc.perform(post(attempt(n)).session(agent).with(csrf()).param("reached", "true").param("resolved", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CALLBACK-satisfaction\">接通后必须填写满意度")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM callback_attempt WHERE order_number = :n").param("n", n.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheCallbackAgentsOpenTheCallbackPage() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);
        for (String user : List.of("reviewer1", "director1", "zf-handler", "zf-leader")) {
            mvc.perform(get("/console/callbacks").param("n", n.value()).session(signIn(mvc, user))
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(allOf(containsString("只有中心回访人员（督办员）可以进行回访"),
                            not(containsString("13306357007")))));
        }
        mvc.perform(post(attempt(n)).session(signIn(mvc, "reviewer1")).with(csrf()).param("reached", "false")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCallWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        OrderNumber n = dueForCallback(CITIZEN);

        mvc.perform(post(attempt(n)).session(signIn(mvc, "supervisor1")).param("reached", "false")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        assertThat(orders.find(n, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);
    }
}
