package org.hotline.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hotline.security.Users.TestUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** How the tests sign in, and what a refusal must look like. */
final class SecurityRequests {

    private SecurityRequests() {
    }

    static RequestPostProcessor password(TestUser user) {
        return httpBasic(user.username(), Users.PASSWORD);
    }

    static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** A token for the user, bought with their password at the token endpoint. */
    static String tokenFor(MockMvc mvc, TestUser user) throws Exception {
        String body = mvc.perform(post(TokenController.PATH).with(password(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.access_token");
    }

    /** A 401 as a problem detail that says, in Chinese, what went wrong. */
    static ResultMatcher unauthorized(String detail) {
        return ResultMatcher.matchAll(
                status().isUnauthorized(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("https://hotline.example/problems/unauthorized"),
                jsonPath("$.status").value(401),
                jsonPath("$.title").value(SecurityProblems.UNAUTHORIZED_TITLE),
                jsonPath("$.detail").value(detail));
    }

    /** A 403 as a problem detail. */
    static ResultMatcher forbidden(String detail) {
        return ResultMatcher.matchAll(
                status().isForbidden(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("https://hotline.example/problems/forbidden"),
                jsonPath("$.status").value(403),
                jsonPath("$.title").value("无权操作"),
                jsonPath("$.detail").value(detail));
    }
}
