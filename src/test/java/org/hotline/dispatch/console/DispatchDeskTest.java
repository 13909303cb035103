package org.hotline.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.util.Map;
import java.util.UUID;

import org.hotline.support.ConsolePagesTest;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dispatcher's desk: who may open it, the queue with the ranked suggestions and the words behind them, a
 * suggestion accepted with one click or corrected (recorded as a person's correction), return and extension
 * requests decided with the rules' own reasons, repeat appeals merged, stale pages refused.
 */
@ConsolePagesTest
class DispatchDeskTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    @Autowired
    JdbcTemplate jdbc;

    private DeskOrders orders() {
        return new DeskOrders(service);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private Map<String, Object> record(OrderNumber n) {
        return jdbc.queryForMap("SELECT * FROM dispatch_record WHERE order_number = ?", n.value());
    }

    private Map<String, Object> awaitFinalLead(OrderNumber n) throws InterruptedException {
        for (int i = 0; i < 100 && record(n).get("final_lead") == null; i++) {
            Thread.sleep(50);
        }
        return record(n);
    }

    @Test
    void dispatchersAndSupervisorsWorkTheDeskAndDispatchersLandOnIt() throws Exception {
        mvc.perform(get("/console/dispatch").session(signIn(mvc, "dispatcher1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待派单")))
                .andExpect(content().string(containsString("退回申请")))
                .andExpect(content().string(containsString("延期申请")));
        mvc.perform(get("/console/dispatch").session(signIn(mvc, "supervisor1"))).andExpect(status().isOk());
        for (String other : new String[] { "operator1", "zf-handler", "reviewer1", "admin" }) {
            mvc.perform(get("/console/dispatch").session(signIn(mvc, other))).andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("只有派单员和督办员可以使用派单工作台")));
        }
        mvc.perform(get("/").session(signIn(mvc, "dispatcher1"))).andExpect(redirectedUrl("/console/dispatch"));
    }

    @Test
    void theQueueShowsTheRankedSuggestionsAndMarksTheWordsBehindThem() throws Exception {
        OrderNumber n = orders().registered("东关社区门口每天晚上有人占道摆摊卖烧烤" + unique(), "古楼街道东关社区");

        mvc.perform(get("/console/dispatch").param("sort", "newest").session(signIn(mvc, "dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-number=\"" + n.value() + "\"")))
                // whole words marked in the text, the unit ranked with its confidence, the categories behind it
                .andExpect(content().string(containsString("<mark>占道摆摊</mark>")))
                .andExpect(content().string(containsString("<mark class=\"word\">占道</mark>")))
                .andExpect(content().string(containsString("单位置信度")))
                .andExpect(content().string(containsString("<strong>区综合行政执法局</strong>")))
                .andExpect(content().string(containsString("占道经营</span>")))
                .andExpect(content().string(containsString("95%")))
                .andExpect(content().string(containsString("采纳建议 1")));
    }

    @Test
    void acceptingASuggestionDispatchesTheOrderAsSuggested() throws Exception {
        OrderNumber n = orders().registered("东关社区门口每天晚上有人占道摆摊" + unique(), "古楼街道东关社区");
        WorkOrder before = orders().find(n);
        Map<String, Object> advice = record(n);

        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .with(csrf()).param("version", String.valueOf(before.version())).param("suggestion", "1")
                        .param("leadUnit", (String) advice.get("suggested_lead")).param("coUnits", "dcf-gulou")
                        .param("categoryCode", "09.01.01"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/dispatch?tab=queue"))
                .andExpect(flash().attributeExists("done"));

        WorkOrder after = orders().find(n);
        assertThat(after.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(after.leadUnit().value()).isEqualTo(advice.get("suggested_lead"));
        assertThat(after.coUnits()).extracting(c -> c.unit().value()).containsExactly("dcf-gulou");
        assertThat(service.history(n, DeskOrders.SUPERVISOR)).last()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("采纳智能派单第 1 条建议"));
        assertThat(awaitFinalLead(n).get("human_changed")).isEqualTo(false);
    }

    @Test
    void aCorrectedDispatchIsRecordedAsAPersonsCorrection() throws Exception {
        OrderNumber n = orders().registered("楼上邻居装修噪音太大" + unique(), "柳园街道龙湾社区");

        mvc.perform(get("/console/dispatch/" + n.value()).session(signIn(mvc, "dispatcher1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"d-lead\"")))
                .andExpect(content().string(containsString("<mark>噪音</mark>")))
                .andExpect(content().string(containsString("社会生活噪声")));
        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .with(csrf()).param("version", String.valueOf(orders().find(n).version()))
                        .param("leadUnit", "dcf-liuyuan").param("categoryCode", "05.03.02")
                        .param("note", "装修噪音由属地街道协调"))
                .andExpect(status().isFound());

        assertThat(orders().find(n).leadUnit()).isEqualTo(DeskOrders.LIUYUAN);
        Map<String, Object> record = awaitFinalLead(n);
        assertThat(record.get("final_lead")).isEqualTo("dcf-liuyuan");
        assertThat(record.get("human_changed")).isEqualTo(true);
        assertThat(record.get("final_by")).isEqualTo("dispatcher1");
    }

    @Test
    void aPageLeftOpenWhileAColleagueDispatchedGetsAConflictNotASecondDispatch() throws Exception {
        OrderNumber n = orders().registered("路灯不亮" + unique(), "新区街道花园路");
        long seen = orders().find(n).version();
        service.dispatch(n, DeskOrders.ENFORCEMENT, java.util.List.of(), null, null, DeskOrders.DISPATCHER, null);

        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .with(csrf()).param("version", String.valueOf(seen)).param("leadUnit", "dcf-xinqu"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("工单已被其他用户修改")));
        assertThat(orders().find(n).leadUnit()).isEqualTo(DeskOrders.ENFORCEMENT);
    }

    @Test
    void aDispatchWithoutALeadUnitIsShownNextToTheField() throws Exception {
        OrderNumber n = orders().registered("路灯不亮" + unique(), "新区街道花园路");
        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .with(csrf()).param("leadUnit", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-dispatch-leadUnit\"")));
        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .with(csrf()).param("leadUnit", "dcf-nowhere"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("未知单位：dcf-nowhere")));
        assertThat(orders().find(n).status()).isEqualTo(OrderStatus.REGISTERED);
    }

    @Test
    void aReturnRequestIsApprovedWithANewUnitOrRejectedOnlyWithAReason() throws Exception {
        String word = unique();
        OrderNumber approved = orders().returnRequested("小区物业不作为，电梯坏了一个月" + word, "柳园街道利民社区",
                DeskOrders.ENFORCEMENT, DeskOrders.HOUSING, "物业服务纠纷属住建部门职责");
        OrderNumber rejected = orders().returnRequested("路边摊占道" + word, "古楼街道东关社区",
                DeskOrders.ENFORCEMENT, DeskOrders.GULOU, "应由属地街道处理");
        MockHttpSession dispatcher = signIn(mvc, "dispatcher1");

        mvc.perform(get("/console/dispatch").param("tab", "returns").session(dispatcher))
                .andExpect(content().string(containsString("data-number=\"" + approved.value() + "\"")))
                .andExpect(content().string(containsString("物业服务纠纷属住建部门职责")))
                .andExpect(content().string(containsString("data-action=\"APPROVE_RETURN\"")))
                .andExpect(content().string(containsString("data-action=\"REJECT_RETURN\"")));

        mvc.perform(post("/console/dispatch/" + approved.value() + "/return-decision").session(dispatcher).with(csrf())
                        .param("approve", "true").param("newLeadUnit", "dcf-zjj"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/dispatch?tab=returns"));
        assertThat(orders().find(approved).status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(orders().find(approved).leadUnit()).isEqualTo(DeskOrders.HOUSING);

        mvc.perform(post("/console/dispatch/" + rejected.value() + "/return-decision").session(dispatcher).with(csrf())
                        .param("approve", "false").param("note", " "))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("驳回退回必须说明理由")));
        assertThat(orders().find(rejected).status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        mvc.perform(post("/console/dispatch/" + rejected.value() + "/return-decision").session(dispatcher).with(csrf())
                        .param("approve", "false").param("note", "占道经营属执法局职责，请按首接负责制办理"))
                .andExpect(status().isFound());
        assertThat(orders().find(rejected).status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(orders().find(rejected).leadUnit()).isEqualTo(DeskOrders.ENFORCEMENT);
    }

    @Test
    void anExtensionRequestIsDecidedAtTheDeskAndCounted() throws Exception {
        OrderNumber n = orders().extensionRequested("工地扬尘" + unique(), "新区街道花园路", DeskOrders.ENFORCEMENT, 3,
                "需等待环保检测报告");
        WorkOrder before = orders().find(n);
        MockHttpSession dispatcher = signIn(mvc, "dispatcher1");

        mvc.perform(get("/console/dispatch").param("tab", "extensions").session(dispatcher))
                .andExpect(content().string(containsString("data-number=\"" + n.value() + "\"")))
                .andExpect(content().string(containsString("申请延期 3 个工作日")))
                .andExpect(content().string(containsString("需等待环保检测报告")))
                .andExpect(content().string(containsString("data-action=\"APPROVE_EXTENSION\"")));
        mvc.perform(post("/console/dispatch/" + n.value() + "/extension-decision").session(dispatcher).with(csrf())
                        .param("approve", "true").param("version", String.valueOf(before.version())))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/dispatch?tab=extensions"));

        WorkOrder after = orders().find(n);
        assertThat(after.extension().pendingDays()).isZero();
        assertThat(after.extension().daysUsed()).isEqualTo(3);
        assertThat(after.clock().handleDeadline()).isAfter(before.clock().handleDeadline());
    }

    @Test
    void aRepeatAppealIsMergedIntoTheOpenOrderChosenByItsNumber() throws Exception {
        String word = unique();
        OrderNumber master = orders().dispatched("花园路" + word + "路灯连续一周不亮", "新区街道花园路", DeskOrders.ENFORCEMENT);
        OrderNumber repeat = orders().registered("花园路" + word + "的路灯又坏了，晚上很黑", "新区街道花园路");
        MockHttpSession dispatcher = signIn(mvc, "dispatcher1");

        mvc.perform(get("/console/dispatch/" + repeat.value()).session(dispatcher))
                .andExpect(content().string(containsString("data-number=\"" + master.value() + "\"")));
        mvc.perform(post("/console/dispatch/" + repeat.value() + "/merge").session(dispatcher).with(csrf())
                        .param("master", "2026-not-a-number"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-merge-master\"")));
        mvc.perform(post("/console/dispatch/" + repeat.value() + "/merge").session(dispatcher).with(csrf())
                        .param("master", master.value()).param("note", "同一路段路灯"))
                .andExpect(status().isFound());

        assertThat(orders().find(repeat).status()).isEqualTo(OrderStatus.MERGED);
        assertThat(orders().find(master).merge().mergedCount()).isEqualTo(1);
    }

    @Test
    void everyDeskFormNeedsItsCsrfToken() throws Exception {
        OrderNumber n = orders().registered("路灯不亮" + unique(), "新区街道花园路");
        mvc.perform(post("/console/dispatch/" + n.value() + "/dispatch").session(signIn(mvc, "dispatcher1"))
                        .param("leadUnit", "dcf-zhzfj"))
                .andExpect(status().isForbidden());
        assertThat(orders().find(n).status()).isEqualTo(OrderStatus.REGISTERED);
    }

    @Test
    void aComplaintWithMarkupIsShownAsTextInTheQueue() throws Exception {
        OrderNumber n = orders().registered("<script>alert(1)</script><img src=x onerror=alert(2)>占道摆摊" + unique(),
                "古楼街道");
        mvc.perform(get("/console/dispatch").param("sort", "newest").session(signIn(mvc, "dispatcher1")))
                .andExpect(content().string(containsString("data-number=\"" + n.value() + "\"")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(2)&gt;<mark>占道摆摊</mark>")));
        mvc.perform(get("/console/dispatch/" + n.value()).session(signIn(mvc, "dispatcher1")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void anUnknownSectionOrOrderIsAChinesePage() throws Exception {
        MockHttpSession dispatcher = signIn(mvc, "dispatcher1");
        mvc.perform(get("/console/dispatch").param("tab", "nothing").session(dispatcher))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/dispatch/20261130-999999").session(dispatcher).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")));
    }
}
