package org.hotline.statistics.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * The director's dashboard: who may open it, that its figures link to the orders behind them with the list's own
 * filters, that a filter it cannot read is shown beside its field, and that names typed by an admin are text, in
 * the tables and in the charts' figures alike.
 */
@HotlineIntegrationTest
class TheDirectorsDashboardTest {

    static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService orders;

    private OrderNumber dispatched(String content, UnitId lead, String category) {
        OrderNumber n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("赵大爷", "13306357007", false), content, new Location("古楼街道东关街", null, null), category,
                Urgency.NORMAL), null, OPERATOR, null, null).order().number();
        orders.dispatch(n, lead, List.of(), null, null, DISPATCHER, null);
        return n;
    }

    @Test
    void theDirectorLandsOnTheDashboardAndTheSupervisorMayOpenIt() throws Exception {
        MockHttpSession director = signIn(mvc, "director1");
        mvc.perform(get("/").session(director)).andExpect(redirectedUrl("/console/dashboard"));
        mvc.perform(get("/console/dashboard").session(director))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数据看板")))
                .andExpect(content().string(containsString("data-charts=")));
        mvc.perform(get("/console/dashboard").session(signIn(mvc, "supervisor1"))).andExpect(status().isOk());
    }

    @Test
    void noOtherRoleMayOpenTheDashboard() throws Exception {
        for (String user : List.of("operator1", "dispatcher1", "reviewer1", "admin", "zf-handler", "zf-leader")) {
            mvc.perform(get("/console/dashboard").session(signIn(mvc, user)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void everyFigureLinksToTheOrdersBehindItWithTheListsOwnFilters() throws Exception {
        dispatched("东关街后巷积水没过脚踝", new UnitId("dcf-zhzfj"), "09.05.03");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        MockHttpSession director = signIn(mvc, "director1");

        String page = mvc.perform(get("/console/dashboard").session(director).param("period", "today")
                        .param("unit", "dcf-zhzfj"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String lead = "lead=dcf-zhzfj";
        assertThat(page).contains("/console/orders?" + lead + "&amp;from=" + today + "&amp;to=" + today)
                .contains("/console/orders?overdue=true&amp;" + lead)
                .contains("/console/orders?atRisk=true&amp;" + lead)
                .contains("/console/orders?channel=PHONE&amp;" + lead + "&amp;from=" + today)
                .contains("/console/orders?category=09&amp;" + lead + "&amp;from=" + today)
                .contains("satisfaction=UNSATISFIED&amp;calledFrom=" + today + "&amp;calledTo=" + today)
                .contains("区综合行政执法局");
    }

    @Test
    void aFilterTheDashboardCannotReadIsShownBesideItsField() throws Exception {
        MockHttpSession director = signIn(mvc, "director1");

        mvc.perform(get("/console/dashboard").session(director).param("period", "range").param("from", "2026-12-10")
                        .param("to", "2026-12-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-dash-from\"")))
                .andExpect(content().string(containsString("晚于结束日期")))
                .andExpect(content().string(not(containsString("data-charts="))));
        mvc.perform(get("/console/dashboard").session(director).param("unit", "no-such-unit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请从列表中选择单位")));
        mvc.perform(get("/console/dashboard").session(director).param("period", "pick").param("month", "2026-13"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-dash-month\"")));
    }

    @Test
    void aUnitOrCategoryNameWithMarkupIsTextInTheTablesAndTheChartsFigures() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>街道<script>alert(2)</script>";
        mvc.perform(post("/api/v1/admin/units").with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"dash-hostile\",\"name\":\"" + hostile.replace("\"", "\\\"")
                                + "\",\"kind\":\"TERRITORIAL\"}"))
                .andExpect(status().isCreated());
        dispatched("楼道堆物", new UnitId("dash-hostile"), null);

        String page = mvc.perform(get("/console/dashboard").session(signIn(mvc, "director1")).param("period", "today"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<img src=x", "<script>alert(2)")
                .contains("&lt;img src=x onerror=alert(1)&gt;街道&lt;script&gt;alert(2)&lt;/script&gt;");
    }
}
