package org.hotline.hotissue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Issue 16: the operator taking a call and the dispatcher see the hot issue a new appeal belongs to, so the answer
 * is consistent and a repeat appeal can be merged. The intake panel names the issue the typed appeal would join
 * (and records nothing); the desk shows each queued order's issue.
 */
@HotlineIntegrationTest
class TheHotIssueOfAnAppealIsShownAtIntakeAndOnTheDeskTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String registered(String content, String address, String phone) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"市民","phone":"%s"},
                         "content":"%s","location":{"address":"%s"}}""".formatted(phone, content, address)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.number");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Integer.class).single() == 1);
        return number;
    }

    private long issueOf(String number) {
        return jdbc.sql("SELECT issue_id FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Long.class).single();
    }

    private int members() {
        return jdbc.sql("SELECT COUNT(*) FROM hot_issue_member").query(Integer.class).single();
    }

    private String panel(MockHttpSession session, String content, String address) throws Exception {
        return mvc.perform(post("/console/intake/hot-issue").session(session).with(csrf())
                        .param("content", content).param("address", address))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theIntakePanelNamesTheHotIssueTheTypedAppealWouldJoinAndRecordsNothing() throws Exception {
        String first = registered("丹桂苑小区门口下水道堵塞，污水漫到人行道上，气味很大", "古楼街道丹桂苑小区", "13800000161");
        String second = registered("丹桂苑小区门口下水道又堵了，污水流到路上没人管", "古楼街道丹桂苑小区", "13800000162");
        long issue = issueOf(first);
        assertThat(issueOf(second)).as("the two appeals are one hot issue").isEqualTo(issue);
        MockHttpSession operator = signIn(mvc, "operator1");
        int before = members();

        String same = panel(operator, "丹桂苑小区门口下水道堵塞好几天了，污水横流", "古楼街道丹桂苑小区");

        assertThat(same).contains("/console/hot-issues/" + issue, "丹桂苑", "已有 2 件诉求，2 位市民", "热度 ",
                "data-hot-issue=\"" + issue + "\"");
        assertThat(members()).as("typing records nothing").isEqualTo(before);
    }

    @Test
    void anotherProblemAtThePlaceOrNothingTypedNamesNoHotIssue() throws Exception {
        registered("金桂苑小区门口下水道堵塞，污水漫到人行道上", "古楼街道金桂苑小区", "13800000163");
        registered("金桂苑小区门口下水道又堵了，污水流到路上", "古楼街道金桂苑小区", "13800000164");
        MockHttpSession operator = signIn(mvc, "operator1");

        assertThat(panel(operator, "金桂苑小区里 3 号楼的电梯经常停运，老人下不了楼", "古楼街道金桂苑小区"))
                .contains("没有匹配的热点问题").doesNotContain("/console/hot-issues/");
        assertThat(panel(operator, " ", " ")).contains("输入诉求内容和地点后").doesNotContain("/console/hot-issues/");
    }

    @Test
    void thePanelIsTheCentersAndEscapesWhatWasTyped() throws Exception {
        registered("银桂苑小区门口下水道堵塞，污水漫到人行道上<b>急</b>", "古楼街道银桂苑小区", "13800000165");
        registered("银桂苑小区门口下水道又堵了，污水流到路上", "古楼街道银桂苑小区", "13800000166");

        mvc.perform(post("/console/intake/hot-issue").session(signIn(mvc, "zf-handler")).with(csrf())
                .param("content", "银桂苑小区门口下水道堵塞")).andExpect(status().isForbidden());
        mvc.perform(post("/console/intake/hot-issue").session(signIn(mvc, "operator1"))
                .param("content", "银桂苑小区门口下水道堵塞")).andExpect(status().isForbidden());
        assertThat(panel(signIn(mvc, "operator1"), "银桂苑小区门口下水道堵塞<script>x()</script>", "银桂苑小区"))
                .doesNotContain("<script>").doesNotContain("<b>");
    }

    @Test
    void theDispatchersDeskShowsEachQueuedOrdersHotIssue() throws Exception {
        String first = registered("玉兰苑小区门口下水道堵塞，污水漫到人行道上，气味很大", "古楼街道玉兰苑小区", "13800000167");
        String second = registered("玉兰苑小区门口下水道又堵了，污水流到路上没人管", "古楼街道玉兰苑小区", "13800000168");
        long issue = issueOf(second);

        // other tests share the database and may queue orders dated later (their clocks): find the page with it
        MockHttpSession dispatcher = signIn(mvc, "dispatcher1");
        String desk = "";
        for (int page = 0; page < 200 && !desk.contains("data-number=\"" + second + "\""); page++) {
            desk = mvc.perform(get("/console/dispatch").param("sort", "newest").param("page", String.valueOf(page))
                    .session(dispatcher)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }

        assertThat(desk).as("the order is queued on the desk").contains("data-number=\"" + second + "\"");
        String row = desk.substring(desk.indexOf("data-number=\"" + second + "\""));
        row = row.substring(0, row.indexOf("</article>"));
        assertThat(row).contains("data-hot-issue=\"" + issue + "\"", "/console/hot-issues/" + issue, "玉兰苑",
                "已有 2 件诉求，2 位市民");
        String one = mvc.perform(get("/console/dispatch/" + first).session(signIn(mvc, "dispatcher1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(one).contains("data-hot-issue=\"" + issue + "\"");
    }
}
