package org.hotline.quality.internal;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * 转督办 (/console/supervision/escalations): the supervisors' and the director's; a conclusion closes the order
 * through the quality loop, a blank one is refused next to its field and changes nothing; 退回重办 sends it back; the
 * desk's tab count is a fragment for htmx.
 */
@HotlineIntegrationTest
class EscalationPagesTest {

    private static final String UNSATISFIED = """
            {"reached":true,"resolved":false,"satisfaction":"UNSATISFIED","comment":"欠薪还是没有发"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String escalated(String content) throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress(content, null, "dcf-rsj", "rsj-handler");
        for (int redo = 0; redo < 2; redo++) {
            api.reply("rsj-handler", n, "已督促企业支付");
            api.approve("reviewer1", n);
            api.callback("supervisor1", n, UNSATISFIED);
            api.post("rsj-handler", "/api/v1/orders/" + n + "/acknowledge", "");
        }
        api.reply("rsj-handler", n, "企业承诺月底前支付");
        api.approve("reviewer1", n);
        api.callback("supervisor1", n, UNSATISFIED);
        return n;
    }

    private String orderStatus(String n) throws Exception {
        return JsonPath.read(QualityApi.json(new QualityApi(mvc, jdbc).get("supervisor1", "/api/v1/orders/" + n)),
                "$.status");
    }

    @Test
    void aConclusionClosesTheEscalatedOrderThroughTheLoop() throws Exception {
        String n = escalated("物流公司拖欠装卸工工资");
        MockHttpSession supervisor = signIn(mvc, "supervisor1");

        mvc.perform(get("/console/supervision/escalations").session(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"esc-" + n + "\"")))
                .andExpect(content().string(containsString("data-action=\"CONCLUDE\"")))
                .andExpect(content().string(containsString("data-action=\"REDO\"")));
        mvc.perform(post("/console/supervision/escalations/" + n + "/conclusion").session(supervisor).with(csrf())
                        .param("conclusion", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CONCLUDE-" + n + "\">必须写明督办结论")));
        assertThat(orderStatus(n)).isEqualTo("REPLIED");

        mvc.perform(post("/console/supervision/escalations/" + n + "/conclusion").session(supervisor).with(csrf())
                        .param("conclusion", "经协调，企业已分期支付"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/supervision/escalations"))
                .andExpect(flash().attribute("notice", "escalation.done.conclude"));
        assertThat(orderStatus(n)).isEqualTo("CLOSED");
        mvc.perform(get("/console/supervision/escalations").session(supervisor))
                .andExpect(content().string(not(containsString("id=\"esc-" + n + "\""))));
    }

    @Test
    void aSupervisorMaySendItBackForAnotherRedo() throws Exception {
        String n = escalated("建筑工地拖欠农民工工资");

        mvc.perform(post("/console/supervision/escalations/" + n + "/redo").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).param("reason", "已与企业约定本周五前支付，请单位跟进落实后重新答复"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "escalation.done.redo"));

        assertThat(orderStatus(n)).isEqualTo("DISPATCHED");
    }

    @Test
    void onlySupervisorsAndTheDirectorWorkOnEscalations() throws Exception {
        String n = escalated("餐馆拖欠服务员工资");

        mvc.perform(get("/console/supervision/escalations").session(signIn(mvc, "director1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(n)));
        mvc.perform(get("/console/supervision/escalations").session(signIn(mvc, "reviewer1"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/supervision/escalations/" + n + "/conclusion").session(signIn(mvc, "rsj-handler"))
                        .with(csrf()).param("conclusion", "已协调").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/supervision/escalations/" + n + "/conclusion").session(signIn(mvc, "supervisor1"))
                        .param("conclusion", "已协调"))
                .andExpect(status().isForbidden());
        assertThat(orderStatus(n)).isEqualTo("REPLIED");
    }

    @Test
    void theTabCountIsAFragmentForHtmx() throws Exception {
        escalated("超市拖欠收银员工资");

        mvc.perform(get("/console/supervision/escalations/count").session(signIn(mvc, "supervisor1"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"tab-count late\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }
}
