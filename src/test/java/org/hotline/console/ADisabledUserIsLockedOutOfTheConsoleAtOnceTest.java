package org.hotline.console;

import static org.hotline.console.ConsoleSessions.changeUser;
import static org.hotline.console.ConsoleSessions.createUser;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's session remembers who signed in, not what they were allowed: every request looks the account up
 * again, so the admin's change counts at the user's next click.
 */
@HotlineIntegrationTest
class ADisabledUserIsLockedOutOfTheConsoleAtOnceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService orders;

    @Test
    void aDisabledUserIsLockedOutOfTheConsoleAtOnce() throws Exception {
        createUser(mvc, "console-disabled", "SUPERVISOR", null);
        MockHttpSession session = signIn(mvc, "console-disabled", ConsoleSessions.NEW_USER_PASSWORD);
        mvc.perform(get("/console/orders").session(session)).andExpect(status().isOk());

        changeUser(mvc, "console-disabled", "SUPERVISOR", null, false);

        mvc.perform(get("/console/orders").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login?ended"));
        mvc.perform(get("/login").param("ended", "").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("您的账号已停用或已不存在")));
        mvc.perform(get("/console/orders").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aChangedRoleCountsAtTheNextRequest() throws Exception {
        createUser(mvc, "console-promoted", "OPERATOR", null);
        MockHttpSession session = signIn(mvc, "console-promoted", ConsoleSessions.NEW_USER_PASSWORD);
        mvc.perform(get("/console/orders").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("who-role\">话务员")));

        changeUser(mvc, "console-promoted", "SUPERVISOR", null, true);

        mvc.perform(get("/console/orders").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("who-role\">督办员")));
    }

    @Test
    void aUserMovedToAnotherUnitNoLongerSeesTheOldUnitsOrders() throws Exception {
        Actor operator = new Actor("operator1", "话务员一", Role.OPERATOR, null);
        OrderNumber n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("陈女士", "13606354004", false), "工地夜间施工噪声扰民", Location.none(), null, Urgency.NORMAL),
                null, operator, null, null).order().number();
        orders.dispatch(n, new UnitId("dcf-zhzfj"), List.of(), null, null,
                new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null), null);
        createUser(mvc, "console-moved", "UNIT_HANDLER", "dcf-zhzfj");
        MockHttpSession session = signIn(mvc, "console-moved", ConsoleSessions.NEW_USER_PASSWORD);
        mvc.perform(get("/console/orders/" + n.value()).session(session)).andExpect(status().isOk());

        changeUser(mvc, "console-moved", "UNIT_HANDLER", "dcf-scjgj", true);

        mvc.perform(get("/console/orders/" + n.value()).session(session)).andExpect(status().isNotFound());
    }
}
