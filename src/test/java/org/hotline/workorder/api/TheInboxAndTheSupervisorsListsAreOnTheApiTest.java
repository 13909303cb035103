package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * {@code GET /api/v1/orders/inbox} is a unit's own work list (the center has none: 403), with the citizen's number
 * as the unit may see it; {@code GET /api/v1/orders/supervision} is the supervisors' and the director's (403 for
 * everyone else), and a filter it cannot read is bad input.
 */
@HotlineIntegrationTest
class TheInboxAndTheSupervisorsListsAreOnTheApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aUnitReadsItsInboxWithTheOrdersItLeadsAndThePartsItOwes() throws Exception {
        Api api = new Api(mvc);
        String led = api.dispatched("柳园街道某小区楼道灯不亮", "dcf-liuyuan");
        String part = api.dispatched("新区街道路口井盖缺失", "dcf-xinqu", "dcf-liuyuan");

        String inbox = Api.json(api.get("liuyuan-handler", "/api/v1/orders/inbox?size=200").andExpect(status().isOk())
                .andExpect(jsonPath("$.filter").value("ALL")));

        assertThat(JsonPath.<List<String>>read(inbox, "$.led.items[*].order.number")).contains(led).doesNotContain(part);
        assertThat(JsonPath.<List<String>>read(inbox, "$.coHandled.items[*].order.number")).contains(part);
        assertThat(JsonPath.<List<String>>read(inbox, "$.led.items[?(@.order.number == '" + led + "')].due"))
                .containsExactly("ACKNOWLEDGE");
        assertThat(JsonPath.<List<String>>read(inbox, "$.led.items[?(@.order.number == '" + led + "')].order.citizen.phone"))
                .containsExactly("13812341234");
        assertThat(JsonPath.<Integer>read(inbox, "$.counts.coUnit")).isPositive();
        api.get("liuyuan-handler", "/api/v1/orders/inbox?filter=CO_UNIT").andExpect(status().isOk())
                .andExpect(jsonPath("$.led.total").value(0));
        api.get("liuyuan-handler", "/api/v1/orders/inbox?filter=LATE").andExpect(status().isBadRequest());
        api.get("supervisor1", "/api/v1/orders/inbox").andExpect(status().isForbidden());
    }

    @Test
    void theSupervisionListsAreForSupervisorsAndTheDirector() throws Exception {
        Api api = new Api(mvc);
        api.dispatched("侯营镇村道路灯不亮", "dcf-houying");

        api.get("supervisor1", "/api/v1/orders/supervision?kind=AT_RISK&unit=dcf-houying&sort=UNIT")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("AT_RISK"))
                .andExpect(jsonPath("$.sort").value("UNIT")).andExpect(jsonPath("$.counts.overdue").isNumber());
        api.get("director1", "/api/v1/orders/supervision").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("OVERDUE"));
        api.get("dispatcher1", "/api/v1/orders/supervision").andExpect(status().isForbidden());
        api.get("houying-handler", "/api/v1/orders/supervision").andExpect(status().isForbidden());
        api.get("supervisor1", "/api/v1/orders/supervision?unit=nowhere").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
    }
}
