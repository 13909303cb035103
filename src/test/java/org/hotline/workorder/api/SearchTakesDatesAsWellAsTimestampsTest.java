package org.hotline.workorder.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order search takes {@code from}/{@code to} as dates (the whole day in {@code hotline.zone}, as the
 * statistics do) as well as timestamps with offset; a date no order can have is refused naming the parameter.
 */
@HotlineIntegrationTest
class SearchTakesDatesAsWellAsTimestampsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void anOrderRegisteredTodayIsFoundByTodaysDate() throws Exception {
        Api api = new Api(mvc);
        String n = api.register("按日期查询的工单");
        LocalDate today = LocalDate.now(clock);
        api.get("supervisor1", "/api/v1/orders?size=200&q=按日期查询&from=" + today + "&to=" + today)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].number", hasItem(n)));
        api.get("supervisor1", "/api/v1/orders?size=200&q=按日期查询&from=" + today.plusDays(1))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].number", not(hasItem(n))));
        api.get("supervisor1", "/api/v1/orders?size=200&q=按日期查询&to=" + today.minusDays(1))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].number", not(hasItem(n))));
        api.get("supervisor1", "/api/v1/orders?size=200&q=按日期查询&from=" + today.minusDays(1) + "T16:00:00Z")
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].number", hasItem(n)));
    }

    @Test
    void aDateNoOrderCanHaveIsRefusedNamingTheParameter() throws Exception {
        new Api(mvc).get("supervisor1", "/api/v1/orders?to=2101-01-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].problem").value(org.hamcrest.Matchers.containsString("2000-01-01")));
        new Api(mvc).get("supervisor1", "/api/v1/orders?from=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.detail").value(not(org.hamcrest.Matchers.containsString("Instant"))));
    }
}
