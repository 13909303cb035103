package org.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.security.SecurityRequests.bearer;
import static org.hotline.security.SecurityRequests.forbidden;
import static org.hotline.security.SecurityRequests.password;
import static org.hotline.security.SecurityRequests.tokenFor;
import static org.hotline.security.SecurityRequests.unauthorized;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whatever a token or an earlier sign-in says, a request acts as the user's account is now: an admin's change
 * (disabling a user, moving them to another unit, giving them another role) holds from the next request on,
 * without waiting for the token to expire and without the user signing in again.
 */
@SecurityIntegrationTest
class EveryRequestActsAsTheAccountIsNowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CountingUserAccounts accounts;

    @AfterEach
    void undoTheAdminsChanges() {
        accounts.restore();
    }

    @Test
    void aDisabledUsersTokenIsRefusedOnTheNextRequest() throws Exception {
        String token = tokenFor(mvc, Users.OPERATOR);
        mvc.perform(get("/api/v1/echo").with(bearer(token))).andExpect(status().isOk());

        accounts.change(Users.OPERATOR, disabled());

        mvc.perform(get("/api/v1/echo").with(bearer(token)))
                .andExpect(unauthorized(SecurityProblems.ACCOUNT_NO_LONGER_VALID))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }

    @Test
    void aDisabledUserIsRefusedOnTheNextRequestWithThePasswordToo() throws Exception {
        mvc.perform(get("/api/v1/echo").with(password(Users.OPERATOR))).andExpect(status().isOk());

        accounts.change(Users.OPERATOR, disabled());

        // as for a wrong password: a caller with only the password learns nothing about the account
        mvc.perform(get("/api/v1/echo").with(password(Users.OPERATOR)))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }

    @Test
    void aUserMovedToAnotherUnitActsForItWithTheTokenTheyHave() throws Exception {
        String token = tokenFor(mvc, Users.UNIT_HANDLER);

        accounts.change(Users.UNIT_HANDLER, a -> new UserAccount(a.username(), a.displayName(), a.passwordHash(),
                Role.UNIT_LEADER, new UnitId("dcf-gulou"), true));

        mvc.perform(get("/api/v1/echo").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("zhao.cb"))
                .andExpect(jsonPath("$.role").value("UNIT_LEADER"))
                .andExpect(jsonPath("$.unit").value("dcf-gulou"));
    }

    @Test
    void aRoleTakenAwayIsTakenAwayFromTheTokenTooAndAGivenOneGiven() throws Exception {
        String adminToken = tokenFor(mvc, Users.ADMIN);
        String operatorToken = tokenFor(mvc, Users.OPERATOR);
        mvc.perform(get("/api/v1/admin/echo").with(bearer(adminToken))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/echo").with(bearer(operatorToken)))
                .andExpect(forbidden(SecurityProblems.FORBIDDEN));

        accounts.change(Users.ADMIN, a -> new UserAccount(a.username(), a.displayName(), a.passwordHash(),
                Role.OPERATOR, null, true));
        accounts.change(Users.OPERATOR, a -> new UserAccount(a.username(), a.displayName(), a.passwordHash(),
                Role.ADMIN, null, true));

        mvc.perform(get("/api/v1/admin/echo").with(bearer(adminToken)))
                .andExpect(forbidden(SecurityProblems.FORBIDDEN));
        mvc.perform(get("/api/v1/admin/echo").with(bearer(operatorToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
    }

    @Test
    void aTokenBoughtAfterAChangeDescribesTheAccountAsItIsNow() throws Exception {
        accounts.change(Users.UNIT_HANDLER, a -> new UserAccount(a.username(), "赵承办（古楼）", a.passwordHash(),
                a.role(), new UnitId("dcf-gulou"), true));

        mvc.perform(get("/api/v1/echo").with(bearer(tokenFor(mvc, Users.UNIT_HANDLER))))
                .andExpect(jsonPath("$.displayName").value("赵承办（古楼）"))
                .andExpect(jsonPath("$.unit").value("dcf-gulou"));
    }

    @Test
    void aDisabledUserCannotBuyATokenWithAnEarlierSignIn() throws Exception {
        accounts.change(Users.OPERATOR, disabled());

        // what a session would hold from a sign-in before the change: checked like a token
        mvc.perform(post(TokenController.PATH).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                Users.OPERATOR.username(), null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))))))
                .andExpect(unauthorized(SecurityProblems.ACCOUNT_NO_LONGER_VALID));
    }

    @Test
    void aSessionWhoseUserWasDisabledEnds() throws Exception {
        MockHttpSession session = new MockHttpSession();
        accounts.change(Users.OPERATOR, disabled());

        mvc.perform(get("/console/echo").session(session).with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(Users.OPERATOR.username(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))))))
                // the console's answer: to the login page, which says the account ended (the API's is a 401)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login?ended"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aSignInKeptFromEarlierActsAsTheAccountIsNow() throws Exception {
        accounts.change(Users.UNIT_HANDLER, a -> new UserAccount(a.username(), a.displayName(), a.passwordHash(),
                a.role(), new UnitId("dcf-gulou"), true));

        mvc.perform(get("/console/echo").with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                Users.UNIT_HANDLER.username(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("UNIT_HANDLER"))
                .andExpect(jsonPath("$.unit").value("dcf-gulou"));
    }

    @Test
    void noOneSignsInUnderANameThePlatformActsUnder() throws Exception {
        mvc.perform(get("/api/v1/echo").with(password(Users.PLATFORM_NAMED)))
                .andExpect(unauthorized(SecurityProblems.ACCOUNT_NO_LONGER_VALID));
        mvc.perform(post(TokenController.PATH).with(password(Users.PLATFORM_NAMED)))
                .andExpect(unauthorized(SecurityProblems.ACCOUNT_NO_LONGER_VALID));
    }

    private static java.util.function.UnaryOperator<UserAccount> disabled() {
        return a -> new UserAccount(a.username(), a.displayName(), a.passwordHash(), a.role(), a.unit(), false);
    }
}
