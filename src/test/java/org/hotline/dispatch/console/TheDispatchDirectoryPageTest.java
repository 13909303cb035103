package org.hotline.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The dispatch directory page changes the directory through the admin API's own service: the same checks with
 * the reason beside the field, one entry per category, a change the API then reads; for the administrator only.
 */
@HotlineIntegrationTest
class TheDispatchDirectoryPageTest {

    @Autowired
    MockMvc mvc;

    private String directory() throws Exception {
        return mvc.perform(get("/api/v1/admin/dispatch/directory").with(httpBasic("admin", "demo123")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheAdministratorOpensTheDirectory() throws Exception {
        mvc.perform(get("/console/admin/directory").session(signIn(mvc, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-table\"")));
        for (String user : List.of("director1", "dispatcher1")) {
            mvc.perform(get("/console/admin/directory").session(signIn(mvc, user)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/console/admin/directory").session(signIn(mvc, "admin")).param("categoryCode", "01")
                .param("owner", "territorial").param("duty", "无令牌")).andExpect(status().isForbidden());
    }

    @Test
    void anEntryIsCheckedByTheDirectorysRulesAndACategoryHasOnlyOne() throws Exception {
        mvc.perform(post("/api/v1/admin/categories").with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"95\",\"name\":\"目录页面测试\"}"));
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/directory").session(admin).with(csrf()).param("categoryCode", "95")
                        .param("owner", "dcf-zhzfj").param("duty", " ").param("phrases", "井盖丢失"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-DIRECTORY-duty\"")))
                .andExpect(content().string(containsString("必须填写职责")))
                .andExpect(content().string(containsString("井盖丢失")));
        mvc.perform(post("/console/admin/directory").session(admin).with(csrf()).param("categoryCode", "95")
                        .param("owner", "dcf-zhzfj").param("duty", "井盖管理")
                        .param("phrases", "这是一个超过二十个字的说法用来检查长度限制是否生效了吗"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-DIRECTORY-phrases\"")));

        mvc.perform(post("/console/admin/directory").session(admin).with(csrf()).param("categoryCode", "95")
                        .param("owner", "dcf-zhzfj").param("duty", "井盖管理").param("phrases", "井盖丢失、井盖破损\n窨井")
                        .param("active", "true"))
                .andExpect(redirectedUrl("/console/admin/directory"))
                .andExpect(flash().attribute("notice", "admin.done.directory-added"));
        String api = directory();
        List<Integer> ids = JsonPath.read(api, "$[?(@.categoryCode == '95')].id");
        assertThat(ids).hasSize(1);
        assertThat((List<List<String>>) JsonPath.read(api, "$[?(@.categoryCode == '95')].phrases"))
                .containsExactly(List.of("井盖丢失", "井盖破损", "窨井"));

        mvc.perform(post("/console/admin/directory").session(admin).with(csrf()).param("categoryCode", "95")
                        .param("owner", "territorial").param("duty", "另一条").param("active", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已有派单目录条目")));

        long id = ids.get(0);
        mvc.perform(get("/console/admin/directory/" + id).session(admin))
                .andExpect(content().string(containsString("井盖丢失\n井盖破损\n窨井")));
        mvc.perform(post("/console/admin/directory/" + id).session(admin).with(csrf()).param("categoryCode", "95")
                        .param("owner", "territorial").param("duty", "井盖管理（属地）").param("phrases", "井盖")
                        .param("active", "true"))
                .andExpect(redirectedUrl("/console/admin/directory"));
        assertThat((List<Boolean>) JsonPath.read(directory(), "$[?(@.id == " + id + ")].territorial"))
                .containsExactly(true);

        mvc.perform(post("/console/admin/directory/" + id + "/delete").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/directory"));
        assertThat((List<?>) JsonPath.read(directory(), "$[?(@.categoryCode == '95')]")).isEmpty();
        mvc.perform(get("/console/admin/directory/" + id).session(admin).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDutyWithMarkupIsShownAsText() throws Exception {
        mvc.perform(get("/console/admin/directory").session(signIn(mvc, "admin")).param("q", "<script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"<script>"))));
    }
}
