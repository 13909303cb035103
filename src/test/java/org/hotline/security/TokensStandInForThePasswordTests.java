package org.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.security.SecurityRequests.bearer;
import static org.hotline.security.SecurityRequests.forbidden;
import static org.hotline.security.SecurityRequests.password;
import static org.hotline.security.SecurityRequests.tokenFor;
import static org.hotline.security.SecurityRequests.unauthorized;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A password buys a token at POST /api/v1/auth/token; the token then signs its holder in until it expires,
 * without the password hash and without asking the user accounts again.
 */
@SecurityIntegrationTest
class TokensStandInForThePasswordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CountingUserAccounts accounts;

    @Autowired
    MovableClock clock;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPasswordBuysAnHs256TokenValidForOneShift() throws Exception {
        String body = mvc.perform(post(TokenController.PATH).with(password(Users.UNIT_HANDLER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(28800))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] parts = json.readTree(body).get("access_token").asText().split("\\.");

        assertThat(decode(parts[0])).containsEntry("alg", "HS256");
        Map<String, Object> claims = decode(parts[1]);
        assertThat(claims)
                .containsEntry("sub", "zhao.cb")
                .containsEntry("name", "赵承办")
                .containsEntry("role", "UNIT_HANDLER")
                .containsEntry("unit", "dcf-scjgj")
                .containsEntry("iss", "hotline");
        assertThat(((Number) claims.get("exp")).longValue())
                .isEqualTo(MovableClock.START.plus(Duration.ofHours(8)).getEpochSecond());
    }

    @Test
    void aTokenSignsItsUserInWithoutThePassword() throws Exception {
        String token = tokenFor(mvc, Users.UNIT_HANDLER);
        int lookupsBefore = accounts.lookups();

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/echo").with(bearer(token)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.username").value("zhao.cb"))
                    .andExpect(jsonPath("$.displayName").value("赵承办"))
                    .andExpect(jsonPath("$.role").value("UNIT_HANDLER"))
                    .andExpect(jsonPath("$.unit").value("dcf-scjgj"));
        }

        // the account is asked once per request, as it is now (the organisation answers from memory)
        assertThat(accounts.lookups()).isEqualTo(lookupsBefore + 3);
    }

    @Test
    void aCenterUsersTokenCarriesNoUnit() throws Exception {
        String token = tokenFor(mvc, Users.OPERATOR);
        assertThat(decode(token.split("\\.")[1])).doesNotContainKey("unit");

        mvc.perform(get("/api/v1/echo").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("OPERATOR"))
                .andExpect(jsonPath("$.unit").doesNotExist());
    }

    @Test
    void aTokenWithAlteredClaimsIsRefused() throws Exception {
        String[] parts = tokenFor(mvc, Users.OPERATOR).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("OPERATOR", "ADMIN").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + promoted + "." + parts[2];

        mvc.perform(get("/api/v1/admin/echo").with(bearer(tampered)))
                .andExpect(unauthorized(SecurityProblems.BAD_TOKEN))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String[] parts = tokenFor(mvc, Users.ADMIN).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/api/v1/echo").with(bearer(none + "." + parts[1] + ".")))
                .andExpect(unauthorized(SecurityProblems.BAD_TOKEN));
    }

    @Test
    void aTokenIsAcceptedUntilItExpiresAndRefusedAfter() throws Exception {
        String token = tokenFor(mvc, Users.OPERATOR);

        clock.advance(Duration.ofHours(8).minusMinutes(1));
        mvc.perform(get("/api/v1/echo").with(bearer(token))).andExpect(status().isOk());

        // the server remembers the token it verified a moment ago; remembered, it still expires
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/echo").with(bearer(token)))
                .andExpect(unauthorized(SecurityProblems.BAD_TOKEN));
    }

    @Test
    void aTokenCannotBuyAnotherToken() throws Exception {
        String token = tokenFor(mvc, Users.OPERATOR);

        mvc.perform(post(TokenController.PATH).with(bearer(token)))
                .andExpect(forbidden(SecurityProblems.TOKEN_NEEDS_PASSWORD));
    }

    @Test
    void aDisabledUserGetsNoToken() throws Exception {
        mvc.perform(post(TokenController.PATH).with(password(Users.DISABLED)))
                .andExpect(unauthorized(SecurityProblems.BAD_CREDENTIALS));
    }

    private Map<String, Object> decode(String part) throws Exception {
        return json.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<Map<String, Object>>() {
        });
    }
}
