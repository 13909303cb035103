package org.hotline.workorder.console;

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

import java.util.List;

import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkListUnits;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 督办 (/console/supervision and its merges): the supervisors' landing page, the director may open it, nobody else;
 * 督办 on a line is the service's supervise with the list's reason (and one's own words), by htmx or a plain form,
 * with the CSRF token; a refusal shows the rule's reason; 并单 merges by the work order's rules, offering the
 * caller's other open orders as masters.
 */
@HotlineIntegrationTest
class SupervisionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    UnitId unit;

    @BeforeEach
    void aUnitOfItsOwn() throws Exception {
        unit = WorkListUnits.create(mvc, "督办测试局");
    }

    private OrderNumber dispatched(String content, String phone) {
        OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("赵大爷", phone, false), content, new Location("东关街 1 号", null, null), null,
                Urgency.NORMAL), null, ConsoleOrders.OPERATOR, null, null).order().number();
        service.dispatch(n, unit, List.of(), null, null, ConsoleOrders.DISPATCHER, null);
        return n;
    }

    private String redoneList() {
        return "/console/supervision?kind=REDONE&unit=" + unit.value();
    }

    /** An open order redone twice: on the redo list whatever the clock says. */
    private OrderNumber redoneTwice(String content) {
        OrderNumber n = dispatched(content, "13306357007");
        for (int i = 0; i < 2; i++) {
            service.acknowledge(n, WorkListUnits.handler(unit), null);
            service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已处理", null, null, true),
                    WorkListUnits.handler(unit), null);
            service.redo(n, "回访不满意", ConsoleOrders.SUPERVISOR, null);
        }
        return n;
    }

    @Test
    void theSupervisorLandsOnTheDeskTheDirectorMayOpenItNobodyElse() throws Exception {
        OrderNumber n = redoneTwice("楼顶漏水三年未修");
        MockHttpSession supervisor = signIn(mvc, "supervisor1");

        mvc.perform(get("/").session(supervisor)).andExpect(redirectedUrl("/console/supervision"));
        mvc.perform(get(redoneList()).session(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sv-" + n.value() + "\"")))
                .andExpect(content().string(containsString("data-action=\"SUPERVISE\"")))
                .andExpect(content().string(containsString("多次重办仍未解决，请单位主要负责人过问")))
                .andExpect(content().string(containsString("hx-get=\"/console/supervision/escalations/count\"")));
        mvc.perform(get(redoneList()).session(signIn(mvc, "director1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sv-" + n.value() + "\"")));
        for (String other : List.of("dispatcher1", "reviewer1", "operator1", "zf-handler", "admin")) {
            mvc.perform(get("/console/supervision").session(signIn(mvc, other)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/supervision").param("unit", "nowhere").session(supervisor)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("未知单位")));
    }

    @Test
    void superviseFromHtmxIsOneActionWithTheListsReasonAndAnswersWithTheLine() throws Exception {
        OrderNumber n = redoneTwice("楼顶漏水三年未修");

        mvc.perform(post("/console/supervision/" + n.value() + "/supervise").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).header("HX-Request", "true").param("kind", "REDONE").param("unit", unit.value())
                        .param("preset", "supervise.reason.redone").param("reason", "请本周内答复"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr id=\"sv-" + n.value() + "\"")))
                .andExpect(content().string(containsString("已督办。")))
                .andExpect(content().string(containsString("督办 1 次")))
                .andExpect(content().string(not(containsString("<html"))));

        List<HistoryEntry> history = service.history(n, ConsoleOrders.SUPERVISOR);
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("多次重办仍未解决，请单位主要负责人过问；请本周内答复");
    }

    @Test
    void withoutScriptSupervisePostsRedirectsBackToTheListItCameFrom() throws Exception {
        OrderNumber n = redoneTwice("楼顶漏水三年未修");

        mvc.perform(post("/console/supervision/" + n.value() + "/supervise").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).param("kind", "REDONE").param("unit", unit.value()).param("sort", "UNIT")
                        .param("preset", "supervise.reason.urgent"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/supervision?kind=REDONE&unit=" + unit.value() + "&sort=UNIT"))
                .andExpect(flash().attribute("notice", "order.done.supervise"));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).supervision().count()).isEqualTo(1);
    }

    @Test
    void aReasonIsNeededAndOnlyTheListedOnesArePreset() throws Exception {
        OrderNumber n = redoneTwice("楼顶漏水三年未修");
        MockHttpSession supervisor = signIn(mvc, "supervisor1");

        mvc.perform(post("/console/supervision/" + n.value() + "/supervise").session(supervisor).with(csrf())
                        .param("kind", "REDONE").param("unit", unit.value()).param("preset", "<b>随便写</b>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"row-error\" role=\"alert\">必须说明理由")));
        mvc.perform(post("/console/supervision/" + n.value() + "/supervise").session(supervisor)
                        .param("preset", "supervise.reason.redone"))
                .andExpect(status().isForbidden());

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).supervision().count()).isZero();
    }

    @Test
    void aRefusalShowsTheRulesReason() throws Exception {
        OrderNumber n = dispatched("楼顶漏水", "13306357007");
        service.acknowledge(n, WorkListUnits.handler(unit), null);
        OrderNumber master = dispatched("楼顶漏水（同一楼栋）", "13306357007");
        service.merge(n, master, "同一事项", ConsoleOrders.DISPATCHER, null);

        mvc.perform(post("/console/supervision/" + n.value() + "/supervise").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).header("HX-Request", "true").param("preset", "supervise.reason.overdue"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工单处于「已并单」状态，不能督办")));
    }

    @Test
    void aRepeatAppealIsMergedIntoTheCallersOpenOrderOfferedAsMaster() throws Exception {
        OrderNumber first = dispatched("东关街后巷积水，排水口堵塞", "13912340001");
        OrderNumber repeat = dispatched("后巷又积水了，上次反映还没处理", "13912340001");
        MockHttpSession supervisor = signIn(mvc, "supervisor1");

        mvc.perform(get("/console/supervision/merges").param("number", repeat.value()).session(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同一来电人的其他在办工单")))
                .andExpect(content().string(containsString("name=\"master\" value=\"" + first.value() + "\"")));
        mvc.perform(post("/console/supervision/merges").session(supervisor).with(csrf())
                        .param("number", repeat.value()).param("master", first.value()).param("note", "同一积水点"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/supervision/merges"))
                .andExpect(flash().attribute("notice", "merge.done"));

        assertThat(service.find(repeat, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.MERGED);
        assertThat(service.find(first, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isEqualTo(1);
        mvc.perform(get("/console/supervision/merges").session(supervisor))
                .andExpect(content().string(containsString(repeat.value())));
    }

    @Test
    void aMergeTheRulesRefuseOrThatNamesNoOrderSaysWhyAndChangesNothing() throws Exception {
        OrderNumber master = dispatched("东关街后巷积水", "13912340002");
        service.acknowledge(master, WorkListUnits.handler(unit), null);
        service.reply(master, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已疏通", null, null, true),
                WorkListUnits.handler(unit), null);
        OrderNumber repeat = dispatched("后巷又积水了", "13912340002");
        MockHttpSession supervisor = signIn(mvc, "supervisor1");

        mvc.perform(post("/console/supervision/merges").session(supervisor).with(csrf())
                        .param("number", repeat.value()).param("master", master.value()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("主工单处于「已答复」状态，不能并入")));
        mvc.perform(post("/console/supervision/merges").session(supervisor).with(csrf())
                        .param("number", "20000101-999999").param("master", master.value()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-MERGE-number\">工单 20000101-999999 不存在")));
        mvc.perform(post("/console/supervision/merges").session(supervisor).with(csrf())
                        .param("number", repeat.value()).param("master", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-MERGE-master\">不是有效的工单编号")));

        assertThat(service.find(repeat, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);
    }

    @Test
    void aLineShowsMarkupAsText() throws Exception {
        redoneTwice("<script>alert(1)</script>漏水");

        mvc.perform(get(redoneList()).session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;漏水")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }
}
