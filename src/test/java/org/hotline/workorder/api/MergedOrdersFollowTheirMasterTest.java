package org.hotline.workorder.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.quality.internal.QualityApi;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 并单 through the API: a repeat appeal merged into a master order is closed when the master closes (through the
 * quality loop), with the master's unit as its outcome, and the master lists it and counts its citizen. A merged
 * order has no close of its own.
 */
@HotlineIntegrationTest
class MergedOrdersFollowTheirMasterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void closingTheMasterClosesTheOrdersMergedIntoIt() throws Exception {
        Api api = new Api(mvc);
        QualityApi loop = new QualityApi(mvc, jdbc);
        String master = api.dispatched("花园路路灯连续一周不亮", "dcf-zhzfj");
        String repeat = api.register("花园路的路灯又坏了，晚上很黑");

        api.post("dispatcher1", "/api/v1/orders/" + repeat + "/merge", "{\"master\":\"" + master + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MERGED"));
        api.get("supervisor1", "/api/v1/orders/" + master).andExpect(jsonPath("$.mergedCount").value(1));
        api.get("supervisor1", "/api/v1/orders/" + master + "/merged").andExpect(jsonPath("$[0]").value(repeat));

        api.post("zf-handler", "/api/v1/orders/" + master + "/acknowledge", "").andExpect(status().isOk());
        loop.reply("zf-handler", master, "已更换路灯控制器").andExpect(status().isOk());
        api.get("supervisor1", "/api/v1/orders/" + repeat).andExpect(jsonPath("$.closedAt").doesNotExist());
        api.post("director1", "/api/v1/orders/" + repeat + "/close", "{\"reason\":\"随主单\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("status-forbids"));

        // the master closes through the quality loop; the merged order follows it
        loop.approve("reviewer1", master).andExpect(status().isOk());
        loop.callback("supervisor1", master, "{\"reached\":true,\"resolved\":true,\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        api.get("supervisor1", "/api/v1/orders/" + repeat)
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.closedAt").exists())
                .andExpect(jsonPath("$.leadUnit").value("dcf-zhzfj"));
        api.get("supervisor1", "/api/v1/orders/" + repeat + "/history")
                .andExpect(jsonPath("$[-1].action").value("CLOSE"))
                .andExpect(jsonPath("$[-1].detail").value(org.hamcrest.Matchers.containsString(master)));
    }
}
