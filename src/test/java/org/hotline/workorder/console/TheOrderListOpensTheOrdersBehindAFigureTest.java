package org.hotline.workorder.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order list reads the filters another page links with (the dashboard's figures): lead unit, channel,
 * category, registration days, at risk, a callback's result; it says which are on, carries them from page to
 * page, and shows a filter it cannot read next to its field, changing nothing.
 */
@HotlineIntegrationTest
class TheOrderListOpensTheOrdersBehindAFigureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    private static final Citizen CITIZEN = new Citizen("赵大爷", "13306357007", false);

    @Test
    void theListFindsTheOrdersALeadUnitChannelCategoryAndDayNarrowItTo() throws Exception {
        String word = "筛选" + System.nanoTime();
        OrderNumber n = new ConsoleOrders(service).dispatched(word + " 后巷积水", CITIZEN);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        MockHttpSession director = signIn(mvc, "director1");

        mvc.perform(get("/console/orders").session(director).param("q", word).param("lead", "dcf-zhzfj")
                        .param("channel", "PHONE").param("category", "09").param("from", today).param("to", today))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(n.value())))
                .andExpect(content().string(containsString("分类：")));
        mvc.perform(get("/console/orders").session(director).param("q", word).param("lead", "dcf-gulou"))
                .andExpect(content().string(not(containsString(n.value()))));
        mvc.perform(get("/console/orders").session(director).param("q", word).param("unit", "dcf-gulou"))
                .andExpect(content().string(containsString(n.value())));
        mvc.perform(get("/console/orders").session(director).param("q", word).param("channel", "WEB"))
                .andExpect(content().string(not(containsString(n.value()))));
        mvc.perform(get("/console/orders").session(director).param("q", word).param("satisfaction", "UNSATISFIED"))
                .andExpect(content().string(not(containsString(n.value()))))
                .andExpect(content().string(containsString("回访评价：不满意")));
    }

    @Test
    void aFilterTheListCannotReadIsShownAndNothingIsListed() throws Exception {
        MockHttpSession director = signIn(mvc, "director1");

        mvc.perform(get("/console/orders").session(director).param("from", "2026-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-list-from\"")))
                .andExpect(content().string(containsString("没有符合条件的工单")));
        mvc.perform(get("/console/orders").session(director).param("satisfaction", "<script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("筛选条件有误")))
                .andExpect(content().string(not(containsString("<script>"))));
    }
}
