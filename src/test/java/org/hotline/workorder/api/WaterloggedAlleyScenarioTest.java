package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.quality.internal.QualityApi;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * One whole case, as the people at the hotline live it, through the REST API with the demo users.
 *
 * <p>After a night of rain, an old man calls 12345: the alley behind his house in 古楼街道 is under water up
 * to the ankle and the old people cannot get out. The operator registers the call. The dispatcher sends it
 * to the housing bureau, which is the wrong unit: the drain belongs to the municipal facilities that the
 * law-enforcement bureau looks after. The housing bureau asks to return it within its window, naming the
 * right unit; the center agrees and re-dispatches. The law-enforcement bureau acknowledges, asks the street
 * office to clear the rubbish in the alley as co-unit, and replies once the street office has done its part.
 * A reviewer passes the reply, but at the callback the citizen is unsatisfied (the water drains slowly again);
 * the order goes back for redo, the bureau clears the drain pipe itself and replies again, the reviewer passes
 * it and the citizen confirms it at the callback, which closes the case: a replied order closes through the
 * quality loop, and every review and callback is a line of its history.
 */
@HotlineIntegrationTest
class WaterloggedAlleyScenarioTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWaterloggedAlleyReportedByPhoneIsReturnedRedispatchedJointlyHandledRedoneAndClosed() throws Exception {
        Api api = new Api(mvc);
        QualityApi loop = new QualityApi(mvc, jdbc);

        // The operator registers the call.
        String body = Api.json(api.post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"HELP_REQUEST",
                 "citizen":{"name":"赵大爷","phone":"13306357007"},
                 "content":"东关街后面小巷下雨后积水没过脚踝，老人出不了门，排水口好像堵了",
                 "location":{"address":"古楼街道东关街后巷"},"categoryCode":"09.05.03"}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REGISTERED")));
        String n = JsonPath.read(body, "$.number");
        String order = "/api/v1/orders/" + n;

        // The dispatcher sends it to the housing bureau: the wrong unit.
        api.post("dispatcher1", order + "/dispatch", "{\"leadUnit\":\"dcf-zjj\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.leadUnit").value("dcf-zjj"));

        // The housing bureau asks to return it, within two working days, naming the right unit.
        api.post("zjj-handler", order + "/return-request", """
                {"reason":"OUTSIDE_JURISDICTION","suggestedUnit":"dcf-zhzfj",
                 "explanation":"小巷排水口属市政排水设施，由综合行政执法局负责管护"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURN_REQUESTED"));

        // The center agrees and re-dispatches to the suggested unit; the housing bureau no longer sees it.
        api.post("dispatcher1", order + "/return-decision", "{\"approve\":true,\"note\":\"同意改派\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadUnit").value("dcf-zhzfj"))
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        api.get("zjj-handler", order).andExpect(status().isNotFound());

        // The law-enforcement bureau acknowledges and asks the street office to help.
        api.post("zf-handler", order + "/acknowledge", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.post("zf-handler", order + "/co-units", "{\"unit\":\"dcf-gulou\",\"note\":\"请街道组织清理巷内杂物\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.coUnits[0].unit").value("dcf-gulou"));

        // It cannot reply for all before the street office has delivered its part.
        api.post("zf-handler", order + "/reply", reply("已疏通排水口，积水已排除"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("co-units-pending"));

        // The street office acknowledges and submits its part; the bureau replies.
        api.post("gulou-handler", order + "/co-unit/acknowledge", "").andExpect(status().isOk());
        api.post("gulou-handler", order + "/co-unit/submit", "{\"contribution\":\"社区已清理巷内堆放杂物两车\"}")
                .andExpect(status().isOk());
        loop.reply("zf-handler", n, "已疏通排水口，积水已排除")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPLIED"));

        // The reviewer passes the reply; at the callback the citizen is unsatisfied: redo, back to the same unit.
        loop.approve("reviewer1", n).andExpect(status().isOk());
        loop.callback("supervisor1", n, """
                {"reached":true,"resolved":false,"satisfaction":"UNSATISFIED","comment":"雨后仍排水缓慢"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("DISPATCHED"));
        api.get("supervisor1", order)
                .andExpect(jsonPath("$.leadUnit").value("dcf-zhzfj"))
                .andExpect(jsonPath("$.redoCount").value(1));

        // The bureau clears the pipe itself and replies again; review and callback confirm it, the case closes.
        api.post("zf-handler", order + "/acknowledge", "").andExpect(status().isOk());
        loop.reply("zf-handler", n, "已用高压清洗车疏通巷内排水管道 40 米，复查无积水").andExpect(status().isOk());
        loop.approve("reviewer1", n).andExpect(status().isOk());
        loop.callback("supervisor1", n, """
                {"reached":true,"resolved":true,"satisfaction":"SATISFIED","comment":"二次回访群众满意"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.orderStatus").value("CLOSED"));
        api.get("supervisor1", order).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.replies.length()").value(2));

        // The history tells the whole story, in order, with who did each step.
        String history = Api.json(api.get("supervisor1", order + "/history").andExpect(status().isOk()));
        List<String> actions = JsonPath.read(history, "$[*].action");
        assertThat(actions).containsExactly("REGISTER", "DISPATCH", "REQUEST_RETURN", "APPROVE_RETURN",
                "ACKNOWLEDGE", "ADD_CO_UNIT", "CO_UNIT_ACKNOWLEDGE", "CO_UNIT_SUBMIT", "REPLY", "REVIEW", "CALLBACK",
                "REDO", "ACKNOWLEDGE", "REPLY", "REVIEW", "CALLBACK", "CLOSE");
        List<String> actors = JsonPath.read(history, "$[*].actor");
        assertThat(actors).containsExactly("operator1", "dispatcher1", "zjj-handler", "dispatcher1", "zf-handler",
                "zf-handler", "gulou-handler", "gulou-handler", "zf-handler", "reviewer1", "supervisor1",
                "supervisor1", "zf-handler", "zf-handler", "reviewer1", "supervisor1", "supervisor1");
    }

    private static String reply(String text) {
        return """
                {"outcome":"RESOLVED","publicReply":"%s","actionsTaken":"现场处置","citizenContacted":true}
                """.formatted(text);
    }
}
