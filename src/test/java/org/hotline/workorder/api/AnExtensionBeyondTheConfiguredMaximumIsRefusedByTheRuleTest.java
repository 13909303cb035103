package org.hotline.workorder.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The most working days an extension may ask for is one limit, configured ({@code
 * hotline.deadline.max-extension-days}, 10 by default) and checked by the work order against what the order has
 * used: the API has no figure of its own, so a request beyond it is the rule's refusal (409, with the configured
 * figure), and a request within what is left passes.
 */
@HotlineIntegrationTest
class AnExtensionBeyondTheConfiguredMaximumIsRefusedByTheRuleTest {

    @Autowired
    MockMvc mvc;

    @Test
    void elevenDaysAreRefusedWithTheConfiguredMaximumAndTenPass() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("小区围墙倒塌需重建", "dcf-zjj");
        api.post("zjj-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());

        api.post("zjj-handler", "/api/v1/orders/" + n + "/extension-request", "{\"workingDays\":11,\"reason\":\"需招标\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("extension-limit-exceeded"))
                .andExpect(jsonPath("$.detail").value("延期累计不得超过 10 个工作日，本工单还可延期 10 个工作日"));
        api.post("zjj-handler", "/api/v1/orders/" + n + "/extension-request", "{\"workingDays\":0,\"reason\":\"需招标\"}")
                .andExpect(status().isBadRequest());
        api.post("zjj-handler", "/api/v1/orders/" + n + "/extension-request", "{\"workingDays\":10,\"reason\":\"需招标\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.extension.pendingDays").value(10));
    }
}
