package org.hotline.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in to the console with the login form, and the admin's changes to a user, for the MockMvc tests. */
public final class ConsoleSessions {

    public static final String DEMO_PASSWORD = "demo123";
    /** The password of the users the tests make (the admin API asks for 8 characters at least). */
    public static final String NEW_USER_PASSWORD = "console-test-1";

    private ConsoleSessions() {
    }

    /** The session of a user signed in through the form, as a browser keeps it. */
    public static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession(false);
    }

    public static MockHttpSession signIn(MockMvc mvc, String username) throws Exception {
        return signIn(mvc, username, DEMO_PASSWORD);
    }

    /** A new user made by the admin through the admin API. */
    public static void createUser(MockMvc mvc, String username, String role, String unit) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"测试用户\",\"password\":\"" + NEW_USER_PASSWORD
                + "\",\"role\":\"" + role + "\",\"unitId\":" + quoted(unit) + ",\"enabled\":true}";
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    /** The admin changes a user's role, unit or status. */
    public static void changeUser(MockMvc mvc, String username, String role, String unit, boolean enabled)
            throws Exception {
        String body = "{\"displayName\":\"测试用户\",\"role\":\"" + role + "\",\"unitId\":" + quoted(unit)
                + ",\"enabled\":" + enabled + "}";
        mvc.perform(put("/api/v1/admin/users/" + username).with(httpBasic("admin", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
