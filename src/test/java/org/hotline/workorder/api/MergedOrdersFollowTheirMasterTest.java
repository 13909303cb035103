package org.hotline.workorder.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 并单 through the API: a repeat appeal merged into a master order is closed when the master closes, with the
 * master's unit as its outcome, and the master lists it and counts its citizen.
 */
@HotlineIntegrationTest
class MergedOrdersFollowTheirMasterTest {

    @Autowired
    MockMvc mvc;

    @Test
    void closingTheMasterClosesTheOrdersMergedIntoIt() throws Exception {
        Api api = new Api(mvc);
        String master = api.dispatched("花园路路灯连续一周不亮", "dcf-zhzfj");
        String repeat = api.register("花园路的路灯又坏了，晚上很黑");

        api.post("dispatcher1", "/api/v1/orders/" + repeat + "/merge", "{\"master\":\"" + master + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MERGED"));
        api.get("supervisor1", "/api/v1/orders/" + master).andExpect(jsonPath("$.mergedCount").value(1));
        api.get("supervisor1", "/api/v1/orders/" + master + "/merged").andExpect(jsonPath("$[0]").value(repeat));

        api.post("zf-handler", "/api/v1/orders/" + master + "/acknowledge", "").andExpect(status().isOk());
        api.post("zf-handler", "/api/v1/orders/" + master + "/reply",
                "{\"outcome\":\"RESOLVED\",\"publicReply\":\"已更换路灯控制器\"}").andExpect(status().isOk());
        api.get("supervisor1", "/api/v1/orders/" + repeat).andExpect(jsonPath("$.closedAt").doesNotExist());

        api.post("reviewer1", "/api/v1/orders/" + master + "/close", "{}").andExpect(status().isOk());

        api.get("supervisor1", "/api/v1/orders/" + repeat)
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.closedAt").exists())
                .andExpect(jsonPath("$.leadUnit").value("dcf-zhzfj"));
        api.get("supervisor1", "/api/v1/orders/" + repeat + "/history")
                .andExpect(jsonPath("$[-1].action").value("CLOSE"))
                .andExpect(jsonPath("$[-1].detail").value(org.hamcrest.Matchers.containsString(master)));
    }
}
