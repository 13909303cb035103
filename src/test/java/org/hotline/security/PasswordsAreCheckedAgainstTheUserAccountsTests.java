package org.hotline.security;

import static org.hotline.security.SecurityRequests.password;
import static org.hotline.security.SecurityRequests.unauthorized;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** HTTP Basic signs in against the organisation's accounts; the controller receives that user as actor. */
@SecurityIntegrationTest
class PasswordsAreCheckedAgainstTheUserAccountsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theRightPasswordSignsTheUserInAndTheControllerGetsTheirActor() throws Exception {
        mvc.perform(get("/api/v1/echo").with(password(Users.UNIT_HANDLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("zhao.cb"))
                .andExpect(jsonPath("$.displayName").value("赵承办"))
                .andExpect(jsonPath("$.role").value("UNIT_HANDLER"))
                .andExpect(jsonPath("$.unit").value("dcf-scjgj"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/v1/echo").with(httpBasic(Users.OPERATOR.username(), "wrong-password")))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
        mvc.perform(get("/api/v1/echo").with(httpBasic("nobody", Users.PASSWORD)))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }

    @Test
    void aDisabledUserIsRefusedEvenWithTheRightPassword() throws Exception {
        mvc.perform(get("/api/v1/echo").with(password(Users.DISABLED)))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }

    @Test
    void aMalformedBasicHeaderIsRefused() throws Exception {
        mvc.perform(get("/api/v1/echo").header(HttpHeaders.AUTHORIZATION, "Basic not-base64!"))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }
}
