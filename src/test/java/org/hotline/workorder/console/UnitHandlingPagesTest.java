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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.console.ConsoleSessions;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkListUnits;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A unit's handling from its inbox through the order page: a return names the unit that should handle the order,
 * the lead unit adds a co-unit, which then owes its part in its own inbox and delivers only that part, and the
 * reply's internal note stays with the center and the lead unit while its public reply is read by the co-unit too.
 */
@HotlineIntegrationTest
class UnitHandlingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    UnitId lead;
    UnitId helper;
    MockHttpSession leadHandler;
    MockHttpSession helperHandler;

    @BeforeEach
    void twoUnitsWithAHandlerEach() throws Exception {
        lead = WorkListUnits.create(mvc, "办理测试街道");
        helper = WorkListUnits.create(mvc, "办理测试局");
        ConsoleSessions.createUser(mvc, lead.value() + "-h", "UNIT_HANDLER", lead.value());
        ConsoleSessions.createUser(mvc, helper.value() + "-h", "UNIT_HANDLER", helper.value());
        leadHandler = signIn(mvc, lead.value() + "-h", ConsoleSessions.NEW_USER_PASSWORD);
        helperHandler = signIn(mvc, helper.value() + "-h", ConsoleSessions.NEW_USER_PASSWORD);
    }

    private OrderNumber dispatched(String content) {
        OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("孙先生", "13506351188", false), content, new Location("运河路 8 号", null, null), null,
                Urgency.NORMAL), null, ConsoleOrders.OPERATOR, null, null).order().number();
        service.dispatch(n, lead, List.of(), null, null, ConsoleOrders.DISPATCHER, null);
        return n;
    }

    private String page(OrderNumber n) {
        return "/console/orders/" + n.value();
    }

    @Test
    void aReturnRequestNamesTheUnitThatShouldHandleTheOrder() throws Exception {
        OrderNumber n = dispatched("运河路路灯不亮已一周");

        mvc.perform(get(page(n)).session(leadHandler))
                .andExpect(content().string(containsString("data-action=\"REQUEST_RETURN\"")))
                .andExpect(content().string(containsString("value=\"" + helper.value() + "\"")));
        mvc.perform(post(page(n) + "/return-request").session(leadHandler).with(csrf())
                        .param("reason", "OUTSIDE_JURISDICTION").param("explanation", "路灯由城市管理局维护"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-REQUEST_RETURN-suggestedUnit\"")));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);

        mvc.perform(post(page(n) + "/return-request").session(leadHandler).with(csrf())
                        .param("reason", "OUTSIDE_JURISDICTION").param("suggestedUnit", helper.value())
                        .param("explanation", "路灯由城市管理局维护"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "order.done.return-request"));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        assertThat(service.history(n, ConsoleOrders.SUPERVISOR)).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo(OrderAction.REQUEST_RETURN);
            assertThat(h.otherUnit()).isEqualTo(helper);
        });
    }

    @Test
    void anAddedCoUnitOwesItsPartInItsInboxAndDeliversOnlyThatPart() throws Exception {
        OrderNumber n = dispatched("运河路人行道被沿街商户占用");
        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(leadHandler).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page(n) + "/co-units").session(leadHandler).with(csrf())
                        .param("unit", helper.value()).param("note", "请协助清理占道经营"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "order.done.co-unit-added"));

        mvc.perform(get("/console/inbox").param("filter", "CO_UNIT").session(helperHandler))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"part-" + n.value() + "\"")));
        mvc.perform(get(page(n)).session(helperHandler))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-action=\"CO_UNIT_ACKNOWLEDGE\"")))
                .andExpect(content().string(not(containsString("data-action=\"REPLY\""))))
                .andExpect(content().string(not(containsString("data-action=\"REQUEST_RETURN\""))))
                .andExpect(content().string(not(containsString("data-action=\"ADD_CO_UNIT\""))));
        mvc.perform(post(page(n) + "/reply").session(helperHandler).with(csrf()).param("outcome", "RESOLVED")
                        .param("publicReply", "已处理"))
                .andExpect(status().isForbidden());

        mvc.perform(post(page(n) + "/co-unit/acknowledge").session(helperHandler).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page(n) + "/co-unit/submit").session(helperHandler).with(csrf())
                        .param("contribution", "已清理占道摊点 3 处"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "order.done.co-unit-submit"));

        WorkOrder now = service.find(n, ConsoleOrders.SUPERVISOR);
        assertThat(now.coUnit(helper).orElseThrow().hasSubmitted()).isTrue();
        assertThat(now.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        mvc.perform(get("/console/inbox").param("filter", "CO_UNIT").session(helperHandler))
                .andExpect(content().string(not(containsString("id=\"part-" + n.value() + "\""))));
    }

    @Test
    void theReplysInternalNoteStaysWithTheCenterAndTheLeadUnit() throws Exception {
        OrderNumber n = dispatched("运河路井盖松动");
        service.acknowledge(n, WorkListUnits.handler(lead), null);
        service.addCoUnit(n, helper, "请协助", WorkListUnits.handler(lead), null);
        service.acknowledgeAsCoUnit(n, WorkListUnits.handler(helper), null);
        service.submitCoUnitPart(n, "已更换井盖", WorkListUnits.handler(helper), null);

        mvc.perform(post(page(n) + "/reply").session(leadHandler).with(csrf()).param("outcome", "RESOLVED")
                        .param("publicReply", "已更换松动井盖，并在周边设置警示标志。")
                        .param("internalNote", "施工队下周回访复查").param("citizenContacted", "on"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "order.done.reply"));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);
        mvc.perform(get(page(n)).session(leadHandler))
                .andExpect(content().string(containsString("已更换松动井盖")))
                .andExpect(content().string(containsString("施工队下周回访复查")));
        mvc.perform(get(page(n)).session(signIn(mvc, "reviewer1")))
                .andExpect(content().string(containsString("施工队下周回访复查")));
        mvc.perform(get(page(n)).session(helperHandler))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已更换松动井盖")))
                .andExpect(content().string(not(containsString("施工队下周回访复查"))));
        assertThat(service.history(n, ConsoleOrders.SUPERVISOR)).extracting(HistoryEntry::action)
                .contains(OrderAction.ADD_CO_UNIT, OrderAction.CO_UNIT_SUBMIT, OrderAction.REPLY);
    }
}
