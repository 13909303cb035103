package org.hotline.workorder.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The REST API as the demo users call it, with HTTP Basic and the demo password. */
final class Api {

    static final String PASSWORD = "demo123";

    private final MockMvc mvc;

    Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(user, PASSWORD)));
    }

    /** Registers a complaint as operator1 and returns its number. */
    String register(String content) throws Exception {
        String body = post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
                 "content":"%s","location":{"address":"古楼街道东关街"}}
                """.formatted(content)).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.number");
    }

    /** Registers and dispatches to {@code lead} (with optional co-units) as dispatcher1. */
    String dispatched(String content, String lead, String... coUnits) throws Exception {
        String number = register(content);
        StringBuilder co = new StringBuilder();
        for (String c : coUnits) {
            co.append(co.length() == 0 ? "" : ",").append('"').append(c).append('"');
        }
        post("dispatcher1", "/api/v1/orders/" + number + "/dispatch",
                "{\"leadUnit\":\"%s\",\"coUnits\":[%s]}".formatted(lead, co));
        return number;
    }

    static String json(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
