package org.hotline.knowledge.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** The knowledge API as the demo users call it (HTTP Basic, the demo password), with the steps tests repeat. */
final class KnowledgeApi {

    static final String PASSWORD = "demo123";

    private final MockMvc mvc;

    KnowledgeApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON)
                .content(json)));
    }

    ResultActions post(String user, String path, String json, String ifMatch) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch).content(json)));
    }

    ResultActions put(String user, String path, String json, String ifMatch) throws Exception {
        MockHttpServletRequestBuilder put = MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (ifMatch != null) {
            put.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return mvc.perform(as(user, put));
    }

    ResultActions get(String user, String path) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.get(path)));
    }

    ResultActions anonymous(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path));
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return user == null ? request : request.with(httpBasic(user, PASSWORD));
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(body(result), "$.id")).longValue();
    }

    /** A draft written by {@code editor}; returns its id. */
    long draft(String editor, String title, String answer, String keywords) throws Exception {
        return id(post(editor, "/api/v1/knowledge", """
                {"title":"%s","answer":"%s","policyBasis":"演示依据","unit":"dcf-zjj","keywords":[%s]}
                """.formatted(title, answer, keywords)).andExpect(status().isCreated()));
    }

    /** Written and proposed by {@code editor}, published by {@code publisher}; returns its id. */
    long published(String editor, String publisher, String title, String answer, String keywords) throws Exception {
        long id = draft(editor, title, answer, keywords);
        post(editor, "/api/v1/knowledge/" + id + "/submit", "{}").andExpect(status().isOk());
        post(publisher, "/api/v1/knowledge/" + id + "/review", "{\"approve\":true}").andExpect(status().isOk());
        return id;
    }
}
