package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.organization.Categories;
import org.hotline.organization.OrganizationAdministration;
import org.hotline.organization.UnitId;
import org.hotline.organization.UserAccounts;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator's organisation pages refuse what the admin API refuses, with its words next to the field
 * (a reserved username, a password the hasher cannot read) or the rule's reason (a unit still in use), change
 * what it changes, are for the administrator only, and take no change without the session's CSRF token.
 */
@HotlineIntegrationTest
class TheAdministratorsOrganisationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Categories categories;

    @Autowired
    OrganizationAdministration organization;

    @Test
    void theAdministratorLandsOnTheUsersAndNobodyElseMayOpenThem() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        mvc.perform(get("/").session(admin)).andExpect(redirectedUrl("/console/admin/users"));
        mvc.perform(get("/console/admin").session(admin)).andExpect(redirectedUrl("/console/admin/users"));
        for (String page : List.of("/console/admin/users", "/console/admin/units", "/console/admin/categories",
                "/console/admin/users/operator1", "/console/admin/units/dcf-gulou", "/console/admin/categories/01")) {
            mvc.perform(get(page).session(admin)).andExpect(status().isOk());
        }
        for (String user : List.of("director1", "supervisor1", "dispatcher1", "zf-handler")) {
            mvc.perform(get("/console/admin/users").session(signIn(mvc, user)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aUserIsCreatedWithARoleAndAUnitAndSignsIn() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/users").session(admin).with(csrf()).param("username", "page-handler")
                        .param("displayName", "页面新建承办人").param("password", "page-secret-1").param("role", "UNIT_HANDLER")
                        .param("unitId", "dcf-gulou"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "admin.done.user-created"));

        assertThat(accounts.find("page-handler")).hasValueSatisfying(u -> {
            assertThat(u.unit()).isEqualTo(new UnitId("dcf-gulou"));
            assertThat(u.enabled()).isTrue();
        });
        signIn(mvc, "page-handler", "page-secret-1");
        mvc.perform(get("/console/admin/users").session(admin).param("q", "page-handler"))
                .andExpect(content().string(containsString("页面新建承办人")))
                .andExpect(content().string(containsString("古楼街道")));
    }

    @Test
    void aReservedUsernameAndAShortPasswordAreRefusedWithTheServicesReasons() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/users").session(admin).with(csrf()).param("username", "system")
                        .param("displayName", "系统").param("password", "long-enough-1").param("role", "OPERATOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CREATE_USER-username\"")))
                .andExpect(content().string(containsString("系统保留的用户名")))
                .andExpect(content().string(containsString("value=\"system\"")));
        mvc.perform(post("/console/admin/users").session(admin).with(csrf()).param("username", "short-pw")
                        .param("displayName", "短密码").param("password", "short").param("role", "OPERATOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CREATE_USER-password\"")))
                .andExpect(content().string(containsString("长度应为 8 到 72 个字符")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post("/console/admin/users").session(admin).with(csrf()).param("username", "no-unit")
                        .param("displayName", "无单位").param("password", "long-enough-1").param("role", "UNIT_HANDLER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("必须指定承办单位")));
        assertThat(accounts.find("system")).isEmpty();
        assertThat(accounts.find("short-pw")).isEmpty();
    }

    @Test
    void aDisabledUserCannotSignInAndANewPasswordReplacesTheOld() throws Exception {
        organization.createUser("page-disabled", "待停用", "page-secret-1", org.hotline.organization.Role.OPERATOR,
                null, true, new org.hotline.organization.Actor("admin", "系统管理员", org.hotline.organization.Role.ADMIN,
                        null));
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/users/page-disabled/password").session(admin).with(csrf())
                        .param("password", "page-secret-2").param("repeat", "page-secret-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("两次输入的密码不一致")));
        mvc.perform(post("/console/admin/users/page-disabled/password").session(admin).with(csrf())
                        .param("password", "page-secret-2").param("repeat", "page-secret-2"))
                .andExpect(flash().attribute("notice", "admin.done.password"));
        signIn(mvc, "page-disabled", "page-secret-2");

        mvc.perform(post("/console/admin/users/page-disabled/enabled").session(admin).with(csrf())
                        .param("enabled", "false"))
                .andExpect(flash().attribute("notice", "admin.done.user-disabled"));

        assertThat(accounts.find("page-disabled")).hasValueSatisfying(u -> assertThat(u.enabled()).isFalse());
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin("/login").user("page-disabled").password("page-secret-2"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenChangesNothing() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/users").session(admin).param("username", "no-csrf")
                        .param("displayName", "无令牌").param("password", "long-enough-1").param("role", "OPERATOR"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/users/operator2/enabled").session(admin).param("enabled", "false"))
                .andExpect(status().isForbidden());

        assertThat(accounts.find("no-csrf")).isEmpty();
        assertThat(accounts.find("operator2")).hasValueSatisfying(u -> assertThat(u.enabled()).isTrue());
    }

    @Test
    void unitsAreCreatedAndEditedAndAUnitStillInUseIsNotDeactivated() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(post("/console/admin/units").session(admin).with(csrf()).param("id", "page-street")
                        .param("name", "页面新建街道").param("kind", "TERRITORIAL").param("contactPhone", "0635-1234567"))
                .andExpect(flash().attribute("notice", "admin.done.unit-created"));
        mvc.perform(post("/console/admin/units/page-street").session(admin).with(csrf()).param("name", "页面街道（改名）")
                        .param("kind", "TERRITORIAL").param("parentId", "").param("active", "true"))
                .andExpect(flash().attribute("notice", "admin.done.unit-updated"));
        mvc.perform(get("/console/admin/units").session(admin))
                .andExpect(content().string(containsString("页面街道（改名）")));

        // 区市场监督管理局 is the default unit of categories: deactivating it is refused with the rule's reason
        mvc.perform(post("/console/admin/units/dcf-scjgj").session(admin).with(csrf()).param("name", "区市场监督管理局")
                        .param("kind", "INDUSTRY"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("仍是以下分类的默认承办单位")));
        mvc.perform(post("/console/admin/units").session(admin).with(csrf()).param("id", "Bad Id")
                        .param("name", "坏编号").param("kind", "TERRITORIAL"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-CREATE_UNIT-id\"")));
    }

    @Test
    void categoriesAreAddedUnderTheirParentAndTheirDefaultUnitChanged() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");

        mvc.perform(get("/console/admin/categories").session(admin))
                .andExpect(content().string(containsString("data-category=\"01\"")))
                .andExpect(content().string(containsString("沿用上级")));
        mvc.perform(post("/console/admin/categories").session(admin).with(csrf()).param("code", "01.99")
                        .param("name", "页面新增分类").param("defaultUnitId", "dcf-zjj"))
                .andExpect(flash().attribute("notice", "admin.done.category-created"));
        mvc.perform(post("/console/admin/categories/01.99").session(admin).with(csrf()).param("name", "页面新增分类")
                        .param("defaultUnitId", "dcf-zhzfj").param("active", "true"))
                .andExpect(flash().attribute("notice", "admin.done.category-updated"));

        assertThat(categories.defaultUnitOf("01.99")).contains(new UnitId("dcf-zhzfj"));
        mvc.perform(post("/console/admin/categories").session(admin).with(csrf()).param("code", "98.01")
                        .param("name", "无上级"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("上级分类「98」不存在")));
    }
}
