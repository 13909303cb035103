package org.hotline.quality.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * The REST API as the demo users call it (HTTP Basic, the demo password), with the steps the quality tests repeat.
 * Public for the scenarios of other modules that go through the quality loop (the assessment's).
 */
public final class QualityApi {

    static final String PASSWORD = "demo123";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    public QualityApi(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    public ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, PASSWORD)));
    }

    public static String json(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /**
     * Registers an appeal (operator1), dispatches it to {@code lead} (dispatcher1) and has the unit acknowledge it;
     * returns its number.
     */
    public String inProgress(String content, String categoryCode, String urgency, String citizenJson, String channel,
            String lead, String handler) throws Exception {
        String body = json(post("operator1", "/api/v1/orders", """
                {"channel":"%s","appealType":"COMPLAINT","citizen":%s,"content":"%s",
                 "location":{"address":"古楼街道东关街"},"categoryCode":%s,"urgency":"%s"}
                """.formatted(channel, citizenJson, content, categoryCode == null ? "null" : "\"" + categoryCode + "\"",
                urgency)).andExpect(status().isCreated()));
        String number = JsonPath.read(body, "$.number");
        post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"" + lead + "\"}")
                .andExpect(status().isOk());
        post(handler, "/api/v1/orders/" + number + "/acknowledge", "").andExpect(status().isOk());
        return number;
    }

    /** An ordinary phone complaint with a citizen who can be called, in progress at {@code lead}. */
    public String inProgress(String content, String categoryCode, String lead, String handler) throws Exception {
        return inProgress(content, categoryCode, "NORMAL", "{\"name\":\"王女士\",\"phone\":\"13812341234\"}", "PHONE",
                lead, handler);
    }

    /**
     * Replies as the unit and, when the reply was accepted, waits until its check is open: the quality loop
     * listens to the reply after it has committed, on another thread.
     */
    public ResultActions reply(String handler, String number, String publicReply) throws Exception {
        ResultActions result = post(handler, "/api/v1/orders/" + number + "/reply", """
                {"outcome":"RESOLVED","publicReply":"%s","actionsTaken":"现场处置","internalNote":"来电人系隔壁商户老板",
                 "citizenContacted":true}
                """.formatted(publicReply));
        if (result.andReturn().getResponse().getStatus() == 200) {
            awaitUntil("the check of every reply of " + number + " is open", () -> jdbc.sql("""
                    SELECT (SELECT COUNT(*) FROM reply_check WHERE order_number = :n)
                         - (SELECT COUNT(*) FROM work_order_reply WHERE order_number = :n)""")
                    .param("n", number).query(Long.class).single() == 0);
        }
        return result;
    }

    /** Waits (a few seconds at most) for what an event listener does after a change has committed. */
    public static void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    public ResultActions approve(String reviewer, String number) throws Exception {
        return post(reviewer, "/api/v1/quality/reviews/" + number + "/decision", "{\"approve\":true}");
    }

    public ResultActions callback(String agent, String number, String json) throws Exception {
        return post(agent, "/api/v1/quality/callbacks/" + number + "/attempts", json);
    }
}
