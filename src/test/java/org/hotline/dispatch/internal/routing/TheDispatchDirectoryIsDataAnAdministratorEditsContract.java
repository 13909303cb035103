package org.hotline.dispatch.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * The dispatch directory (派单目录) is data an administrator edits, on either database: loaded from the file
 * shipped with the demo organisation at first start, then added to, changed and removed through
 * /api/v1/admin/dispatch/directory; each change is what the next decision routes by; wrong input is refused
 * naming the field, and only an admin may touch it.
 */
abstract class TheDispatchDirectoryIsDataAnAdministratorEditsContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryStore store;

    private static final String PATH = "/api/v1/admin/dispatch/directory";

    private ResultActions post(String user, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(PATH).with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions put(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(path).with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theShippedDirectoryIsLoadedAtFirstStart() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(PATH).with(httpBasic("admin", "demo123"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.categoryCode == '09.05.01')].unitId").value("dcf-zhzfj"))
                .andExpect(jsonPath("$[?(@.categoryCode == '09.05.01')].phrases[0]").value("路灯"))
                .andExpect(jsonPath("$[?(@.categoryCode == '16.02')].territorial").value(true));
        assertThat(store.current().entryOf("05.01.03").map(DirectoryEntry::unit)).contains(new UnitId("dcf-zhzfj"));
    }

    @Test
    void anEntryIsAddedChangedAndRemovedAndRoutingFollowsAtOnce() throws Exception {
        // 10.05.01 防汛排涝 has no entry in the shipped file: the taxonomy says emergency management
        assertThat(store.current().unitOf("10.05.01", categories())).contains(new UnitId("dcf-yjglj"));

        String created = post("admin", """
                {"categoryCode":"10.05.01","unitId":"dcf-slj","duty":"防汛排涝","phrases":["内涝","排涝"," 内涝 "]}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.unitName").value("区水利局"))
                .andExpect(jsonPath("$.phrases.length()").value(2)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(store.current().unitOf("10.05.01", categories())).contains(new UnitId("dcf-slj"));

        put(PATH + "/" + id, """
                {"categoryCode":"10.05.01","territorial":true,"duty":"防汛排涝由镇街负责","phrases":["内涝"]}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.territorial").value(true));
        assertThat(store.current().territorial("10.05.01", categories())).isTrue();

        post("admin", """
                {"categoryCode":"10.05.01","unitId":"dcf-zjj","duty":"重复","phrases":[]}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("directory-category-taken"));

        mvc.perform(MockMvcRequestBuilders.delete(PATH + "/" + id).with(httpBasic("admin", "demo123")))
                .andExpect(status().isNoContent());
        assertThat(store.current().unitOf("10.05.01", categories())).contains(new UnitId("dcf-yjglj"));
        mvc.perform(MockMvcRequestBuilders.delete(PATH + "/" + id).with(httpBasic("admin", "demo123")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aWrongEntryIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        int before = store.all().size();
        post("admin", """
                {"categoryCode":"99.99","unitId":"dcf-zjj","duty":"x","phrases":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        post("admin", """
                {"categoryCode":"10.05.02","unitId":"dcf-nowhere","duty":"x","phrases":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitId"));
        post("admin", """
                {"categoryCode":"10.05.02","unitId":"dcf-zjj","territorial":true,"duty":"x","phrases":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitId"));
        post("admin", """
                {"categoryCode":"10.05.02","unitId":"dcf-zjj","duty":" ","phrases":[]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("duty"));
        post("admin", """
                {"categoryCode":"10.05.02","unitId":"dcf-zjj","duty":"救助","phrases":["灾后",""]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phrases[1]"));
        assertThat(store.all()).hasSize(before);
    }

    @Test
    void onlyAnAdminEditsTheDirectory() throws Exception {
        post("dispatcher1", """
                {"categoryCode":"10.05.02","unitId":"dcf-zjj","duty":"救助","phrases":[]}""")
                .andExpect(status().isForbidden());
    }

    private org.hotline.organization.Categories categories() {
        return org.hotline.dispatch.internal.routing.DemoOrganization.DONGCHANGFU.categories();
    }
}
