package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * {@link Problems#wantsPage}, the one decision between an error page and problem+json for the whole platform: a
 * person's browser asking for a page outside the API gets a page; the API, and every program, a problem detail.
 */
class BrowsersGetPagesAndProgramsGetProblemDetailsTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserAskingForAPageOutsideTheApiGetsAPage() {
        assertThat(Problems.wantsPage(request("", BROWSER, null), "/console/orders")).isTrue();
        assertThat(Problems.wantsPage(request("", BROWSER, null), "/no-such-page")).isTrue();
    }

    @Test
    void theApiAnswersProblemDetailsWhateverTheClientAccepts() {
        for (String path : new String[] { "/api/v1/orders", "/open311/v2/services.json", "/actuator/health",
                "/v3/api-docs" }) {
            assertThat(Problems.wantsPage(request("", BROWSER, null), path)).as(path).isFalse();
            assertThat(Problems.wantsPage(request("", BROWSER, "true"), path)).as(path).isFalse();
        }
        assertThat(Problems.wantsPage(request("/hotline", BROWSER, null), "/hotline/api/v1/orders"))
                .as("behind a context path").isFalse();
    }

    @Test
    void aProgramOutsideTheApiGetsAProblemDetailUnlessItIsHtmx() {
        assertThat(Problems.wantsPage(request("", null, null), "/console/orders")).isFalse();
        assertThat(Problems.wantsPage(request("", "application/json", null), "/console/orders")).isFalse();
        assertThat(Problems.wantsPage(request("", "text/html, application/json", null), "/console/orders")).isFalse();
        assertThat(Problems.wantsPage(request("", "*/*", "true"), "/console/orders")).as("htmx swaps HTML").isTrue();
    }

    private static MockHttpServletRequest request(String contextPath, String accept, String htmx) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContextPath(contextPath);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (htmx != null) {
            request.addHeader("HX-Request", htmx);
        }
        return request;
    }
}
