package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hotline.console.ConsoleSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit is read by the administrators and the center's director, on the console and through the API, newest
 * first and a page at a time; everyone else is refused (403), a filter that cannot be read is refused naming its
 * field in Chinese, and what people typed is shown as text, never as markup.
 */
@AuditedInstance
class OnlyAdministratorsAndTheDirectorReadTheAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = { "admin", "director1" })
    void theAdministratorsAndTheDirectorReadTheAuditNewestFirst(String reader) throws Exception {
        for (int i = 0; i < 3; i++) {
            ConsoleSessions.createUser(mvc, "reader-" + UUID.randomUUID().toString().substring(0, 8), "OPERATOR", null);
        }
        JsonNode page = read(reader, "/api/v1/admin/audit?size=2");
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);
        List<Instant> at = new ArrayList<>();
        read(reader, "/api/v1/admin/audit?size=50").path("items").forEach(l -> at.add(Instant.parse(l.path("at")
                .asText())));
        assertThat(at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode line = page.path("items").get(0);
        assertThat(line.path("kindLabel").asText()).isEqualTo("用户");
        assertThat(line.path("actionLabel").asText()).isEqualTo("新建");
        assertThat(line.path("roleLabel").asText()).isEqualTo("系统管理员");

        mvc.perform(get("/console/admin/audit").session(ConsoleSessions.signIn(mvc, reader))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-table\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "operator1", "dispatcher1", "reviewer1", "supervisor1", "scj-handler", "gulou-leader",
            "houying-patrol1" })
    void everyoneElseIsRefused(String user) throws Exception {
        mvc.perform(get("/api/v1/admin/audit").with(httpBasic(user, "demo123"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/console/admin/audit").session(ConsoleSessions.signIn(mvc, user)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorFollowsALineToItsObjectTheDirectorReadsItOnly() throws Exception {
        String u = "linked-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSessions.createUser(mvc, u, "OPERATOR", null);

        assertThat(read("admin", "/api/v1/admin/audit?kind=user&action=CREATE&size=200").path("items")
                .findValuesAsText("link")).contains("/console/admin/users/" + u);
        mvc.perform(get("/console/admin/audit?kind=user").session(ConsoleSessions.signIn(mvc, "admin"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/console/admin/users/" + u + "\"")));

        // the director may not open the administrators' pages: the line is there, without a link that would refuse
        assertThat(read("director1", "/api/v1/admin/audit?kind=user&action=CREATE&size=200").path("items")
                .findValuesAsText("objectId")).contains(u);
        mvc.perform(get("/console/admin/audit?kind=user").session(ConsoleSessions.signIn(mvc, "director1"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString(u)))
                .andExpect(content().string(not(containsString("href=\"/console/admin/users/"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kind=nonsense | kind | 未知的对象类型",
            "action=EXPLODE | action | 未知的操作",
            "from=2026-02-30 | from | 应为日期",
            "from=2026-12-05&to=2026-12-01 | to | 结束时间应晚于起始时间",
            "page=-1 | page | 整数",
            "size=1000 | size | 整数",
            "size=ten | size | 整数" })
    void aBadFilterIsRefusedNamingItsField(String query, String field, String problem) throws Exception {
        mvc.perform(get("/api/v1/admin/audit?" + query).with(httpBasic("admin", "demo123")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].problem").value(containsString(problem)));
    }

    @Test
    void aBadFilterOnThePageIsShownNextToItsField() throws Exception {
        mvc.perform(get("/console/admin/audit?kind=nonsense").session(ConsoleSessions.signIn(mvc, "admin"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-audit-kind\"")))
                .andExpect(content().string(containsString("未知的对象类型")))
                .andExpect(content().string(not(containsString("id=\"audit-table\""))));
    }

    @Test
    void whatPeopleTypedIsShownAsTextNeverAsMarkup() throws Exception {
        String u = "markup-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + u + "\",\"displayName\":\"<img src=x onerror=alert(1)>\",\"password\":\""
                + ConsoleSessions.NEW_USER_PASSWORD + "\",\"role\":\"OPERATOR\",\"enabled\":true}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/admin/users")
                .with(httpBasic("admin", "demo123")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());

        String page = mvc.perform(get("/console/admin/audit?kind=user&user=admin")
                .session(ConsoleSessions.signIn(mvc, "admin")).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    private JsonNode read(String user, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic(user, "demo123"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
