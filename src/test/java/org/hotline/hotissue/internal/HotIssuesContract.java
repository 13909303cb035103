package org.hotline.hotissue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/**
 * Hot issues through the API: new orders join their issue right after intake, a supervisor links and unlinks,
 * the top list shows the heat's parts, and a tackling goes from proposed to closed with its history. Run on
 * both databases ({@link HotIssuesOnH2Test}, {@link HotIssuesOnPostgresTest}): the storage and its append-only
 * trigger are per database.
 */
abstract class HotIssuesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkOrderService orders;
    @Autowired
    PlatformTransactionManager transactions;

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);

    private ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo123")));
    }

    /** Registers an appeal at a place unique to the test (so other tests' orders never join it). */
    private String register(String phone, String content, String address) throws Exception {
        String body = post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"市民","phone":"%s"},"content":"%s",
                 "location":{"address":"%s"}}""".formatted(phone, content, address))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.number");
        Awaitility.await("order " + number + " joins a hot issue").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n")
                        .param("n", number).query(Integer.class).single() == 1);
        return number;
    }

    private long issueOf(String number) throws Exception {
        String body = get("dispatcher1", "/api/v1/hot-issues/orders/" + number).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.issueId")).longValue();
    }

    private static String estate() {
        // a made-up estate name of Chinese digits, different in every run
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder("测");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            b.append(digits.charAt(Character.digit(c, 16) % 10));
        }
        return b + "花园";
    }

    @Test
    void newOrdersJoinTheirHotIssueRightAfterIntakeAndTheOperatorSeesIt() throws Exception {
        String place = estate();
        String a = register("13800000001", place + "楼下烧烤店每天晚上油烟直排，窗户都不敢开", "古楼街道" + place);
        String b = register("13800000002", place + "楼下烧烤店每天晚上油烟直排，油烟直排进卧室", "古楼街道" + place);
        String c = register("13800000003", place + "物业擅自上涨停车费，每月从一百涨到三百", "古楼街道" + place);

        assertThat(issueOf(b)).isEqualTo(issueOf(a));
        assertThat(issueOf(c)).isNotEqualTo(issueOf(a));
        get("operator1", "/api/v1/hot-issues/orders/" + b).andExpect(status().isOk())
                .andExpect(jsonPath("$.place").value(place)).andExpect(jsonPath("$.orders").value(2))
                .andExpect(jsonPath("$.citizens").value(2));
    }

    @Test
    void theDailyTopListShowsTheHeatWithItsParts() throws Exception {
        String place = estate();
        String a = register("13800000011", place + "门口道路积水严重，下雨天无法出行", place);
        register("13800000012", place + "门口道路积水，老人孩子出不了门", place);
        register("13800000013", place + "门口积水一直没人管，下雨就淹", place);
        long id = issueOf(a);

        String body = get("supervisor1", "/api/v1/hot-issues/top?limit=100&day=" + LocalDate.now())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> mine = JsonPath.read(body, "$.issues[?(@.id == " + id + ")]");
        assertThat(mine).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(body, "$.issues[?(@.id == " + id + ")].heat.citizens")).containsExactly(3);
        assertThat(JsonPath.<List<Object>>read(body, "$.issues[?(@.id == " + id + ")].heat.volume")).containsExactly(3.0);
        assertThat(JsonPath.<List<Object>>read(body, "$.issues[?(@.id == " + id + ")].heat.growth")).containsExactly(3.0);
        assertThat((String) JsonPath.read(body, "$.formula")).contains("规模").contains("增长");
        get("zf-handler", "/api/v1/hot-issues/top").andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorUnlinksAndLinksAnOrderByHand() throws Exception {
        String place = estate();
        String a = register("13800000021", place + "垃圾站垃圾堆积如山没人清运，臭气熏天", place);
        String b = register("13800000022", place + "垃圾站垃圾堆积没人清运，夏天臭气熏天", place);
        long issue = issueOf(a);

        post("operator1", "/api/v1/hot-issues/orders/" + b + "/unlink", "").andExpect(status().isForbidden());
        post("supervisor1", "/api/v1/hot-issues/orders/" + b + "/unlink", "").andExpect(status().isOk());
        long own = issueOf(b);
        assertThat(own).isNotEqualTo(issue);
        String c = register("13800000023", place + "垃圾站垃圾没人清运，请处理", place);
        assertThat(issueOf(c)).isIn(issue, own);

        post("supervisor1", "/api/v1/hot-issues/" + issue + "/links", "{\"order\":\"" + b + "\"}")
                .andExpect(status().isOk());
        assertThat(issueOf(b)).isEqualTo(issue);
        get("supervisor1", "/api/v1/hot-issues/" + issue).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.hasItem("LINK")));
    }

    @Test
    void aTacklingGoesFromProposedToClosedAndItsHistoryIsAppendOnly() throws Exception {
        String place = estate();
        String a = register("13800000031", place + "旁边工地夜间施工噪音扰民，凌晨还在打桩", place);
        register("13800000032", place + "工地夜间施工噪音大，凌晨打桩睡不着", place);
        long id = issueOf(a);
        String t = "/api/v1/hot-issues/" + id + "/tackling";

        post("supervisor1", t, "{\"reason\":\"一周内多名市民反映\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.tackling.status").value("PROPOSED"));
        post("supervisor1", t + "/assign", "{\"leadUnit\":\"dcf-zhzfj\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("tackling-status"));
        post("zf-handler", t + "/choose", "{\"month\":\"2026-12\"}").andExpect(status().isForbidden());
        post("director1", t + "/choose", "{\"month\":\"2026-12\"}").andExpect(status().isOk());
        post("supervisor1", t + "/assign", "{\"leadUnit\":\"dcf-zhzfj\",\"coUnits\":[\"dcf-gulou\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.tackling.statusLabel").value("攻坚中"));
        post("supervisor1", t + "/assign", "{\"leadUnit\":\"dcf-nowhere\"}").andExpect(status().isBadRequest());
        post("zf-handler", t + "/measures", "{\"description\":\"限定施工时间\",\"unit\":\"dcf-zhzfj\",\"due\":\"2026-12-20\"}")
                .andExpect(status().isOk());
        post("rsj-handler", t + "/measures/1/done", "{\"doneOn\":\"2026-12-10\"}").andExpect(status().isForbidden());
        post("zf-handler", t + "/measures/1/done", "{\"doneOn\":\"2026-12-10\"}").andExpect(status().isOk());
        post("gulou-handler", t + "/result", "{\"result\":\"已整改\"}").andExpect(status().isForbidden());
        post("zf-handler", t + "/result", "{\"result\":\"工地夜间停工，噪音投诉停止\"}").andExpect(status().isOk());
        post("supervisor1", t + "/close", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.tackling.status").value("CLOSED"))
                .andExpect(jsonPath("$.tackling.volume.before").value(2))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains("PROPOSE", "CHOOSE",
                        "ASSIGN", "ADD_MEASURE", "COMPLETE_MEASURE", "REPORT_RESULT", "CLOSE")));

        assertThatThrownBy(() -> jdbc.sql("UPDATE hot_issue_history SET detail = 'x' WHERE issue_id = :i")
                .param("i", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM hot_issue_history WHERE issue_id = :i").param("i", id)
                .update()).hasMessageContaining("append-only");
    }

    @Test
    void anotherInstancesFreshQueueRowWaitsUntilItIsAbandoned() throws Exception {
        // an order queued by another instance (its clock may differ from ours) and not attached by it: a crash
        String place = estate();
        String number = new TransactionTemplate(transactions).execute(tx -> {
            String n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                    new Citizen("市民", "13800000061", false), place + "路灯坏了一个月没人修", Location.none(), null,
                    Urgency.NORMAL), null, OPERATOR, null, null).order().number().value();
            jdbc.sql("UPDATE hot_issue_queue SET instance_id = 'another-instance' WHERE order_number = :n")
                    .param("n", n).update();
            return n;
        });

        Thread.sleep(3 * HotIssueQueue.LOOK_EVERY_MILLIS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Integer.class).single()).as("left to the instance that queued it").isZero();

        jdbc.sql("UPDATE hot_issue_queue SET queued_at = CURRENT_TIMESTAMP - INTERVAL '%d' SECOND WHERE order_number = :n"
                .formatted(HotIssueStore.ABANDONED_AFTER_SECONDS + 1)).param("n", number).update();
        Awaitility.await("the abandoned row is taken").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n")
                        .param("n", number).query(Integer.class).single() == 1);
    }

    @Test
    void anOrderJoinsItsHotIssueOnlyOnceHoweverOftenItIsQueued() throws Exception {
        String place = estate();
        String a = register("13800000041", place + "小区门口道路坑洼，下雨天全是积水", place);
        long issue = issueOf(a);

        // queued again, as a crash between the attach and the end of its batch could leave it
        jdbc.sql("INSERT INTO hot_issue_queue (order_number, queued_at) VALUES (:n, CURRENT_TIMESTAMP)")
                .param("n", a).update();
        Awaitility.await("the queue is taken").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM hot_issue_queue WHERE order_number = :n").param("n", a)
                        .query(Integer.class).single() == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", a)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(issueOf(a)).isEqualTo(issue);
    }

    @Test
    void anOrderIsQueuedForItsHotIssueInTheTransactionThatRegistersIt() {
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        String number = inTransaction.execute(tx -> {
            String n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                    new Citizen("市民", "13800000051", false), estate() + "路灯不亮", Location.none(), null,
                    Urgency.NORMAL), null, OPERATOR, null, null).order().number().value();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM hot_issue_queue WHERE order_number = :n").param("n", n)
                    .query(Integer.class).single()).as("queued with the order").isEqualTo(1);
            tx.setRollbackOnly();
            return n;
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE number = :n").param("n", number)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hot_issue_queue WHERE order_number = :n").param("n", number)
                .query(Integer.class).single()).as("rolled back with the order").isZero();
    }
}
