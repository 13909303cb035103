package org.hotline.triage.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The intake and triage API as the demo users call it. */
final class TriageApi {

    private final MockMvc mvc;

    TriageApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo123")));
    }

    /** Registers an appeal as operator1; {@code triage} is the JSON of the operator's decision, or null. */
    ResultActions register(String channel, String appealType, String content, String triage, String intakeAnswer)
            throws Exception {
        return post("operator1", "/api/v1/orders", """
                {"channel":"%s","appealType":"%s","citizen":{"name":"王女士","phone":"13812341234"},
                 "content":"%s","location":{"address":"古楼街道东关街"}%s%s}
                """.formatted(channel, appealType, content, triage == null ? "" : ",\"triage\":" + triage,
                intakeAnswer == null ? "" : ",\"intakeAnswer\":\"" + intakeAnswer + "\""));
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /** Waits (a few seconds at most) for what an event listener does after a change has committed. */
    static void awaitUntil(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition);
    }
}
