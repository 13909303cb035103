package org.hotline.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People get pages, a session and CSRF protection; machine clients get problem details, Basic or tokens and no
 * session. Neither way leaks into the other.
 */
@HotlineIntegrationTest
class TheConsoleAndTheApiKeepTheirOwnWaysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.boot.autoconfigure.web.ServerProperties server;

    @Test
    void aConsoleSignInLastsThirtyIdleMinutesInAnHttpOnlySameSiteCookie() {
        var session = server.getServlet().getSession();
        org.assertj.core.api.Assertions.assertThat(session.getTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
        org.assertj.core.api.Assertions.assertThat(session.getCookie().getHttpOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThat(session.getCookie().getSameSite())
                .isEqualTo(org.springframework.boot.web.server.Cookie.SameSite.LAX);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageAndHtmxIsToldToLoadIt() throws Exception {
        mvc.perform(get("/console/orders")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/console/orders").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void theLoginPageAndTheCitizensLookupNeedNoSignIn() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("工作人员登录")));
        mvc.perform(get("/cases")).andExpect(status().isOk())
                .andExpect(content().string(containsString("查询诉求办理进度")));
        mvc.perform(get("/console/console.css")).andExpect(status().isOk());
    }

    @Test
    void theConsoleSessionNeverOpensTheApi() throws Exception {
        MockHttpSession session = signIn(mvc, "supervisor1");

        mvc.perform(get("/api/v1/orders").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiNeedsNoCsrfTokenAndSetsNoSessionCookie() throws Exception {
        mvc.perform(get("/api/v1/orders").with(httpBasic("supervisor1", "demo123")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void everyConsoleFormNeedsItsCsrfToken() throws Exception {
        MockHttpSession session = signIn(mvc, "supervisor1");

        mvc.perform(post("/console/orders/20261130-999999/supervision").session(session).param("reason", "催办")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?logout"));
    }

    @Test
    void anUnknownPageIsAChinesePageAndAnUnknownApiPathAProblemDetail() throws Exception {
        MockHttpSession session = signIn(mvc, "supervisor1");

        mvc.perform(get("/console/nothing-here").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("页面不存在")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/api/v1/nothing-here").with(httpBasic("supervisor1", "demo123")).accept(MediaType.TEXT_HTML,
                        MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMalformedAddressIsAChineseBadRequestPage() throws Exception {
        mvc.perform(get("/console/orders").param("status", "NO_SUCH_STATUS").session(signIn(mvc, "supervisor1"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                // the order list reads its filters itself and says which one it cannot read, beside its field
                .andExpect(content().string(containsString("筛选条件有误")));
    }

    @Test
    void pagesForbidScriptsWrittenIntoThem() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
