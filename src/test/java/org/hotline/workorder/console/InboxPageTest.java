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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.console.ConsoleSessions;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
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
 * 待办 (/console/inbox): the unit's users land on it; the center has none; a line's one tap (签收, 协办签收) calls the
 * same service as the API, answers htmx with the line and the counters and plain forms with post-redirect-get,
 * needs the CSRF token, and does not reach another unit's order. User text is escaped.
 */
@HotlineIntegrationTest
class InboxPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    UnitId unit;
    UnitId other;
    String handler;
    String otherHandler;

    @BeforeEach
    void unitsAndHandlersOfTheirOwn() throws Exception {
        unit = WorkListUnits.create(mvc, "测试街道");
        other = WorkListUnits.create(mvc, "测试局");
        handler = unit.value() + "-h";
        otherHandler = other.value() + "-h";
        ConsoleSessions.createUser(mvc, handler, "UNIT_HANDLER", unit.value());
        ConsoleSessions.createUser(mvc, otherHandler, "UNIT_HANDLER", other.value());
    }

    private MockHttpSession session(String username) throws Exception {
        return signIn(mvc, username, ConsoleSessions.NEW_USER_PASSWORD);
    }

    private OrderNumber dispatched(String content, UnitId lead, UnitId... co) {
        OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("赵大爷", "13306357007", false), content, new Location("东关街 1 号", null, null), null,
                Urgency.NORMAL), null, ConsoleOrders.OPERATOR, null, null).order().number();
        service.dispatch(n, lead, List.of(co), null, null, ConsoleOrders.DISPATCHER, null);
        return n;
    }

    @Test
    void aUnitHandlerLandsOnTheInboxWithItsOrdersAndCounters() throws Exception {
        OrderNumber led = dispatched("后巷积水没过脚踝", unit);
        OrderNumber part = dispatched("井盖缺失", other, unit);
        MockHttpSession session = session(handler);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/console/inbox"));
        mvc.perform(get("/console/inbox").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"led-" + led.value() + "\"")))
                .andExpect(content().string(containsString("id=\"part-" + part.value() + "\"")))
                .andExpect(content().string(containsString("data-action=\"ACKNOWLEDGE\"")))
                .andExpect(content().string(containsString("data-action=\"CO_UNIT_ACKNOWLEDGE\"")))
                .andExpect(content().string(containsString("13306357007")))
                .andExpect(content().string(containsString("待签收")))
                .andExpect(content().string(containsString("待协办")));
        mvc.perform(get("/console/inbox").param("filter", "CO_UNIT").session(session))
                .andExpect(content().string(not(containsString("id=\"led-" + led.value() + "\""))))
                .andExpect(content().string(containsString("id=\"part-" + part.value() + "\"")));
    }

    @Test
    void theCenterHasNoInboxAndAnUnknownFilterIsBadInput() throws Exception {
        mvc.perform(get("/console/inbox").session(signIn(mvc, "supervisor1")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("待办工单仅供承办单位工作人员查看")));
        mvc.perform(get("/console/inbox").param("filter", "LATE").session(session(handler))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请求有误")));
        mvc.perform(get("/console/inbox")).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aTapFromHtmxAnswersWithTheLineAsItIsNowAndTheCounters() throws Exception {
        OrderNumber n = dispatched("后巷积水没过脚踝", unit);

        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(session(handler)).with(csrf())
                        .header("HX-Request", "true").param("filter", "TO_ACKNOWLEDGE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr id=\"led-" + n.value() + "\"")))
                .andExpect(content().string(containsString("已签收。")))
                .andExpect(content().string(containsString("办理中")))
                .andExpect(content().string(not(containsString("data-action=\"ACKNOWLEDGE\""))))
                .andExpect(content().string(containsString("id=\"inbox-counters\"")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
                .andExpect(content().string(not(containsString("<html"))));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void aRefusedTapShowsTheRulesReasonOnTheLine() throws Exception {
        OrderNumber n = dispatched("后巷积水没过脚踝", unit);
        service.acknowledge(n, WorkListUnits.handler(unit), null);

        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(session(handler)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"row-error\" role=\"alert\"")))
                .andExpect(content().string(containsString("工单处于「办理中」状态，不能签收")));
        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(session(handler)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("工单处于「办理中」状态，不能签收")));
    }

    @Test
    void withoutScriptATapPostsRedirectsBackToTheListAndSaysWhatItDid() throws Exception {
        OrderNumber n = dispatched("井盖缺失", other, unit);

        mvc.perform(post("/console/inbox/" + n.value() + "/co-unit/acknowledge").session(session(handler)).with(csrf())
                        .param("filter", "CO_UNIT").param("page", "0").param("cpage", "0"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/inbox?filter=CO_UNIT"))
                .andExpect(flash().attribute("notice", "order.done.co-unit-acknowledge"));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).coUnit(unit).orElseThrow().acknowledgedAt()).isNotNull();
    }

    @Test
    void aTapNeedsTheSessionsTokenAndNeverReachesAnotherUnitsOrder() throws Exception {
        OrderNumber n = dispatched("后巷积水没过脚踝", unit);

        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(session(handler)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/inbox/" + n.value() + "/acknowledge").session(session(otherHandler)).with(csrf())
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")))
                .andExpect(content().string(not(containsString("后巷积水"))));
        mvc.perform(get("/console/inbox").session(session(otherHandler)))
                .andExpect(content().string(not(containsString(n.value()))));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);
    }

    @Test
    void anAppealWithMarkupIsShownAsText() throws Exception {
        dispatched("<script>alert('x')</script><img src=x onerror=alert(1)>积水", unit);

        mvc.perform(get("/console/inbox").session(session(handler)))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void aUnitLeaderHasTheInboxToo() throws Exception {
        String leader = unit.value() + "-l";
        ConsoleSessions.createUser(mvc, leader, "UNIT_LEADER", unit.value());
        OrderNumber n = dispatched("后巷积水没过脚踝", unit);

        mvc.perform(get("/console/inbox").session(session(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"led-" + n.value() + "\"")));
        Actor unused = WorkListUnits.handler(unit);
        assertThat(unused.unit()).isEqualTo(unit);
    }
}
