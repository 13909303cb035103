package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.hotline.console.ConsoleSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A password is set, reset and changed in the audit's words ("已设置初始密码", "重置…的密码"), never with the password
 * or its hash: not in a line, not in the API's answer, not on the page.
 */
@AuditedInstance
class PasswordsNeverReachTheAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void neitherAPasswordNorItsHashIsEverInTheAudit() throws Exception {
        String viaApi = "pw-api-" + UUID.randomUUID().toString().substring(0, 8);
        String viaPage = "pw-page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> passwords = List.of("初始密码Secret-1", "重置密码Secret-2", "页面密码Secret-3", "页面重置Secret-4");

        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + viaApi
                        + "\",\"displayName\":\"密码测试\",\"password\":\"" + passwords.get(0)
                        + "\",\"role\":\"OPERATOR\",\"enabled\":true}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/admin/users/" + viaApi + "/password").with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + passwords.get(1) + "\"}"))
                .andExpect(status().isNoContent());
        MockHttpSession admin = ConsoleSessions.signIn(mvc, "admin");
        mvc.perform(post("/console/admin/users").session(admin).with(csrf()).param("username", viaPage)
                .param("displayName", "页面密码测试").param("password", passwords.get(2)).param("role", "OPERATOR"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/admin/users/" + viaPage + "/password").session(admin).with(csrf())
                .param("password", passwords.get(3)).param("repeat", passwords.get(3)))
                .andExpect(status().is3xxRedirection());

        List<String> hashes = jdbc.sql("SELECT password_hash FROM users WHERE username IN (:a, :b)")
                .param("a", viaApi).param("b", viaPage).query(String.class).list();
        assertThat(hashes).hasSize(2);
        List<String> lines = jdbc.sql("SELECT detail FROM admin_audit WHERE target IN (:a, :b)").param("a", viaApi)
                .param("b", viaPage).query(String.class).list();
        assertThat(lines).hasSize(4).anyMatch(l -> l.contains("已设置初始密码")).anyMatch(l -> l.contains("的密码"));
        String api = mvc.perform(get("/api/v1/admin/audit?kind=user&size=200").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String page = mvc.perform(get("/console/admin/audit?kind=user").session(admin).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> everyLine = jdbc.sql("SELECT detail FROM admin_audit").query(String.class).list();
        for (String secret : concat(passwords, hashes)) {
            assertThat(everyLine).as("the audit's lines").noneMatch(l -> l.contains(secret));
            assertThat(api).as("the API's answer").doesNotContain(secret);
            assertThat(page).as("the page").doesNotContain(secret);
        }
        // nor anything that looks like a stored hash
        assertThat(everyLine).noneMatch(l -> l.matches("(?s).*\\{(bcrypt|argon2|pbkdf2|scrypt)}.*")
                || l.matches("(?s).*\\$2[aby]\\$\\d\\d\\$.*"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
