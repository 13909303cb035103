package org.hotline.security;

import static org.hotline.security.SecurityRequests.bearer;
import static org.hotline.security.SecurityRequests.forbidden;
import static org.hotline.security.SecurityRequests.password;
import static org.hotline.security.SecurityRequests.tokenFor;
import static org.hotline.security.SecurityRequests.unauthorized;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** /api/v1/admin/** is for ADMIN; the operational actuator endpoints for ADMIN and DIRECTOR. */
@SecurityIntegrationTest
class OnlyAdministratorsReachAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anOperatorIsForbiddenTheAdministration() throws Exception {
        mvc.perform(get("/api/v1/admin/echo").with(password(Users.OPERATOR)))
                .andExpect(forbidden(SecurityProblems.FORBIDDEN));
        mvc.perform(get("/api/v1/admin/echo").with(bearer(tokenFor(mvc, Users.DIRECTOR))))
                .andExpect(forbidden(SecurityProblems.FORBIDDEN));
    }

    @Test
    void anAdministratorPassesWithPasswordOrToken() throws Exception {
        mvc.perform(get("/api/v1/admin/echo").with(password(Users.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
        mvc.perform(get("/api/v1/admin/echo").with(bearer(tokenFor(mvc, Users.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("li.admin"));
    }

    @Test
    void anAnonymousCallerIsAskedToSignInRatherThanForbidden() throws Exception {
        mvc.perform(get("/api/v1/admin/echo")).andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN));
    }

    @Test
    void operationalEndpointsAreForTheDirectorAndAdministrators() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(unauthorized(SecurityProblems.NOT_SIGNED_IN));
        mvc.perform(get("/actuator/metrics").with(password(Users.OPERATOR)))
                .andExpect(forbidden(SecurityProblems.FORBIDDEN));
        mvc.perform(get("/actuator/metrics").with(password(Users.DIRECTOR))).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics").with(bearer(tokenFor(mvc, Users.ADMIN)))).andExpect(status().isOk());
    }
}
