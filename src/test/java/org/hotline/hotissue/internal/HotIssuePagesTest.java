package org.hotline.hotissue.internal;

import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The hot-issue pages: who may open them, what they escape, and that their forms need the CSRF token. */
@HotlineIntegrationTest
class HotIssuePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long issueWith(String content) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"市民","phone":"13800000041"},
                         "content":"%s","location":{"address":"古楼街道"}}""".formatted(content)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.number");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Integer.class).single() == 1);
        return jdbc.sql("SELECT issue_id FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
    }

    @Test
    void supervisorsOpenTheTopListAndUnitsDoNot() throws Exception {
        mvc.perform(get("/console/hot-issues").session(signIn(mvc, "supervisor1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("每日热点榜")))
                .andExpect(content().string(Matchers.containsString("热度 = 规模")));
        mvc.perform(get("/console/hot-issues").session(signIn(mvc, "zf-handler"))).andExpect(status().isForbidden());
    }

    @Test
    void whatCitizensWroteIsEscapedOnTheIssuePage() throws Exception {
        long id = issueWith("<script>alert(1)</script>翠竹苑门口下水道堵塞污水横流");

        mvc.perform(get("/console/hot-issues/" + id).session(signIn(mvc, "supervisor1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;")));
    }

    @Test
    void aStepWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        long id = issueWith("青松苑门口垃圾桶满溢没人清运");
        var session = signIn(mvc, "supervisor1");

        mvc.perform(post("/console/hot-issues/" + id + "/propose").session(session).param("reason", "多人反映"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/hot-issues/" + id + "/propose").session(session).with(csrf())
                .param("reason", "多人反映")).andExpect(redirectedUrl("/console/hot-issues/" + id))
                .andExpect(flash().attribute("notice", "hotissue.done.propose"));
        mvc.perform(post("/console/hot-issues/" + id + "/close").session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/hot-issues/" + id))
                .andExpect(flash().attributeExists("pageErrors"));
        mvc.perform(get("/console/hot-issues/" + id).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已提名")));
    }
}
