package org.hotline.organization.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * bcrypt reads 72 bytes of a password, and a Chinese character takes three: a password is refused where it is
 * set (and where a leader signs with it) when its UTF-8 form is longer, naming the field, and a sign-in with such
 * a password is a wrong password (401), never a 500. Exactly 72 bytes are fine.
 */
@HotlineIntegrationTest
class APasswordLongerThanTheHasherReadsIsRefusedTest {

    /** 24 Chinese characters: 72 bytes, the most bcrypt reads. */
    static final String LONGEST = "热线密码".repeat(6);
    /** 25 Chinese characters: within "8 to 72 characters", but 75 bytes. */
    static final String TOO_LONG = LONGEST + "长";

    @Autowired
    MockMvc mvc;

    private ResultActions admin(String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic("admin", "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aNewUsersPasswordOverSeventyTwoBytesIsRefused() throws Exception {
        admin("/api/v1/admin/users", """
                {"username":"pw-too-long","displayName":"长密码","password":"%s","role":"OPERATOR"}
                """.formatted(TOO_LONG)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].problem").value(org.hamcrest.Matchers.containsString("72 个字节")));
        mvc.perform(post("/api/v1/auth/token").with(httpBasic("pw-too-long", TOO_LONG)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordOfExactlySeventyTwoBytesIsSetAndSignsIn() throws Exception {
        admin("/api/v1/admin/users", """
                {"username":"pw-longest","displayName":"最长密码","password":"%s","role":"OPERATOR"}
                """.formatted(LONGEST)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/auth/token").with(httpBasic("pw-longest", LONGEST))).andExpect(status().isOk());
        // bcrypt would read only the first 72 bytes: more is never the password
        mvc.perform(post("/api/v1/auth/token").with(httpBasic("pw-longest", TOO_LONG)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordResetOverSeventyTwoBytesIsRefused() throws Exception {
        admin("/api/v1/admin/users/operator2/password", "{\"password\":\"%s\"}".formatted(TOO_LONG))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/auth/token").with(httpBasic("operator2", "demo123"))).andExpect(status().isOk());
    }

    @Test
    void aLeadersSignatureWithAPasswordOverSeventyTwoBytesIsRefused() throws Exception {
        mvc.perform(post("/api/v1/quality/leader-samples/2026-12-01/20261201-000001/signature")
                        .with(httpBasic("gulou-leader", "demo123")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reached\":false,\"password\":\"%s\"}".formatted(TOO_LONG)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void aSignInWithAPasswordOverSeventyTwoBytesIsAWrongPassword() throws Exception {
        mvc.perform(post("/api/v1/auth/token").with(httpBasic("operator1", "密".repeat(72))))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/orders")
                .with(httpBasic("operator1", "demo123" + "x".repeat(80)))).andExpect(status().isUnauthorized());
    }
}
