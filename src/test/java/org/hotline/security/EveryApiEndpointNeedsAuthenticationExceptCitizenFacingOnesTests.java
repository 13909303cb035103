package org.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.security.SecurityRequests.password;
import static org.hotline.security.SecurityRequests.unauthorized;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Anonymous callers reach the citizen-facing paths, the API docs and health, and nothing else. */
@SecurityIntegrationTest
class EveryApiEndpointNeedsAuthenticationExceptCitizenFacingOnesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAnonymousCallToAnyApiPathIsRefusedWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN))
                .andExpect(jsonPath("$.instance").value("/api/v1/anything"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        mvc.perform(post("/api/v1/orders")).andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN));
    }

    @Test
    void pathsOutsideTheApiAreClosedToAnonymousCallersToo() throws Exception {
        // the console's pages: anonymous callers are sent to sign in, and Basic does not open them
        mvc.perform(get("/console/echo")).andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/console/echo").with(password(Users.OPERATOR))).andExpect(status().isFound());
        mvc.perform(get("/")).andExpect(status().isFound());
    }

    @Test
    void citizenFacingLookupNeedsNoSignIn() throws Exception {
        mvc.perform(get("/api/v1/public/echo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("ok"));
    }

    @Test
    void open311IsAnonymousForEveryMethodAndAnswersThemItself() throws Exception {
        // Open311 clients never sign in: the open311 module checks api_key on submissions and refuses the methods
        // it does not take (405) in the specification's own error shape, which a 401 here would not be
        mvc.perform(get("/open311/echo")).andExpect(status().isOk());
        mvc.perform(post("/open311/echo")).andExpect(status().isOk());
        mvc.perform(delete("/open311/echo")).andExpect(status().isOk());
    }

    @Test
    void apiDocumentationAndHealthAreOpen() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        // 200, or 503 while the first dispatch model trains: either way answered, not refused
        mvc.perform(get("/actuator/health")).andExpect(result -> assertThat(result.getResponse().getStatus())
                .isIn(200, 503));
        mvc.perform(get("/actuator/health/readiness")).andExpect(result -> assertThat(result.getResponse()
                .getStatus()).isIn(200, 503));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
    }

    @Test
    void theTokenEndpointAsksForAPassword() throws Exception {
        mvc.perform(post(TokenController.PATH))
                .andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hotline\", charset=\"UTF-8\""));
    }

    @Test
    void aPublicEndpointThatAsksForTheActorGetsNoneFromAnAnonymousCaller() throws Exception {
        mvc.perform(get("/api/v1/public/whoami")).andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN));
        mvc.perform(get("/api/v1/public/whoami").with(password(Users.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(Users.OPERATOR.username()));
    }
}
