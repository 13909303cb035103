package org.hotline.quality.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** The REST API as the demo users call it (HTTP Basic, the demo password), with the steps the quality tests repeat. */
final class QualityApi {

    static final String PASSWORD = "demo123";

    private final MockMvc mvc;

    QualityApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, PASSWORD)));
    }

    static String json(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /**
     * Registers an appeal (operator1), dispatches it to {@code lead} (dispatcher1) and has the unit acknowledge it;
     * returns its number.
     */
    String inProgress(String content, String categoryCode, String urgency, String citizenJson, String channel,
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
    String inProgress(String content, String categoryCode, String lead, String handler) throws Exception {
        return inProgress(content, categoryCode, "NORMAL", "{\"name\":\"王女士\",\"phone\":\"13812341234\"}", "PHONE",
                lead, handler);
    }

    ResultActions reply(String handler, String number, String publicReply) throws Exception {
        return post(handler, "/api/v1/orders/" + number + "/reply", """
                {"outcome":"RESOLVED","publicReply":"%s","actionsTaken":"现场处置","internalNote":"来电人系隔壁商户老板",
                 "citizenContacted":true}
                """.formatted(publicReply));
    }

    ResultActions approve(String reviewer, String number) throws Exception {
        return post(reviewer, "/api/v1/quality/reviews/" + number + "/decision", "{\"approve\":true}");
    }

    ResultActions callback(String agent, String number, String json) throws Exception {
        return post(agent, "/api/v1/quality/callbacks/" + number + "/attempts", json);
    }
}
