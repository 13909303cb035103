package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.organization.Categories;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.organization.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The organisation API against the application as it starts: the demo organisation loaded at startup,
 * read by any signed-in user and maintained by the admin. Each test creates its own units and users, so
 * the tests do not depend on each other's order. The mock users are the demo's: every request acts as the
 * signed-in user's account is, so a name the accounts do not know would be refused.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:organization-api;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@WithMockUser(username = "admin", roles = "ADMIN")
class OrganizationApiIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Categories categories;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    @WithMockUser(username = "operator1", roles = "OPERATOR")
    void anyUserReadsTheUnitsLoadedAtStartup() throws Exception {
        mvc.perform(get("/api/v1/units"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'dcf-scjgj')].kind").value("INDUSTRY"))
                .andExpect(jsonPath("$[?(@.id == 'dcf-gulou')].name").value("古楼街道"));
        mvc.perform(get("/api/v1/units/dcf-zhzfj"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("区综合行政执法局"));
    }

    @Test
    @WithMockUser(username = "operator1", roles = "OPERATOR")
    void anUnknownUnitIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/units/dcf-nowhere")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "operator1", roles = "OPERATOR")
    void categoriesComeFlatWithParentsOrAsATree() throws Exception {
        mvc.perform(get("/api/v1/categories"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '09.01.01')].parentCode").value("09.01"))
                .andExpect(jsonPath("$[?(@.code == '09.01.01')].effectiveDefaultUnitId").value("dcf-zhzfj"));
        mvc.perform(get("/api/v1/categories").param("tree", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("01"))
                .andExpect(jsonPath("$[0].children[0].code").value("01.01"))
                .andExpect(jsonPath("$[0].children[0].children[0].code").value("01.01.01"));
    }

    @Test
    @WithMockUser(username = "operator1", roles = "OPERATOR")
    void placesAreSearchedByNameAndAlias() throws Exception {
        mvc.perform(get("/api/v1/places").param("q", "东昌西路"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("road-dongchang"))
                .andExpect(jsonPath("$[0].unitId").value("dcf-xinqu"));
        mvc.perform(get("/api/v1/places").param("q", "闫寺"))
                .andExpect(jsonPath("$[*].name", hasItem("阎寺街道")));
    }

    @Test
    void aDeactivatedUnitIsStillFoundButInactive() throws Exception {
        admin(post("/api/v1/admin/units"), """
                {"id": "dcf-test-dissolved", "name": "区某临时指挥部", "kind": "INDUSTRY"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.active").value(true));

        admin(put("/api/v1/admin/units/dcf-test-dissolved"), """
                {"name": "区某临时指挥部", "kind": "INDUSTRY", "active": false}""")
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/units/dcf-test-dissolved"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(units.find(new UnitId("dcf-test-dissolved"))).get().extracting(Unit::active).isEqualTo(false);
    }

    @Test
    void aDuplicateUnitIdIsAConflict() throws Exception {
        admin(post("/api/v1/admin/units"), """
                {"id": "dcf-scjgj", "name": "重复的局", "kind": "INDUSTRY"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("unit-exists"));
    }

    @Test
    void aMissingUnitNameIsRefusedNamingTheField() throws Exception {
        admin(post("/api/v1/admin/units"), """
                {"id": "dcf-test-nameless", "kind": "INDUSTRY"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aUnitStillDefaultForCategoriesCannotBeDeactivated() throws Exception {
        admin(put("/api/v1/admin/units/dcf-power"), """
                {"name": "东昌府供电服务中心", "kind": "INDUSTRY", "active": false}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("unit-in-use"));
    }

    @Test
    void aUserOfAnUnknownUnitIsRefusedNamingTheUnitField() throws Exception {
        admin(post("/api/v1/admin/users"), """
                {"username": "test-ghost", "displayName": "某承办人", "password": "long-enough-1",
                 "role": "UNIT_HANDLER", "unitId": "dcf-nowhere"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        assertThat(userAccounts.find("test-ghost")).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.hotline.organization.Actor#PLATFORM_USERNAMES")
    void theUsernamesThePlatformActsUnderAreReservedForIt(String platformUsername) throws Exception {
        admin(post("/api/v1/admin/users"), """
                {"username": "%s", "displayName": "冒名者", "password": "long-enough-1", "role": "ADMIN"}"""
                .formatted(platformUsername))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].problem").value(containsString("系统保留的用户名")));
        assertThat(userAccounts.find(platformUsername)).isEmpty();
    }

    @Test
    void aUnitRoleWithoutAUnitIsRefusedNamingTheUnitField() throws Exception {
        admin(post("/api/v1/admin/users"), """
                {"username": "test-unitless", "displayName": "某承办人", "password": "long-enough-1",
                 "role": "UNIT_LEADER"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
    }

    @Test
    void aNewUsersPasswordIsStoredHashedAndNeverReturned() throws Exception {
        admin(post("/api/v1/admin/users"), """
                {"username": "test-handler", "displayName": "古楼新承办人", "password": "first-pass-1",
                 "role": "UNIT_HANDLER", "unitId": "dcf-gulou"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", not(hasKey("password"))))
                .andExpect(jsonPath("$", not(hasKey("passwordHash"))))
                .andExpect(jsonPath("$.unitId").value("dcf-gulou"));
        String hash = userAccounts.find("test-handler").orElseThrow().passwordHash();
        assertThat(hash).isNotEqualTo("first-pass-1");
        assertThat(passwordEncoder.matches("first-pass-1", hash)).isTrue();

        admin(post("/api/v1/admin/users/test-handler/password"), """
                {"password": "second-pass-2"}""")
                .andExpect(status().isNoContent());
        assertThat(passwordEncoder.matches("second-pass-2", userAccounts.find("test-handler").orElseThrow()
                .passwordHash())).isTrue();

        mvc.perform(get("/api/v1/admin/users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0]", not(hasKey("passwordHash"))));
    }

    @Test
    void anAdminMovesAUserToAnotherUnitAndDisablesThem() throws Exception {
        admin(post("/api/v1/admin/users"), """
                {"username": "test-mover", "displayName": "调动人员", "password": "long-enough-1",
                 "role": "UNIT_HANDLER", "unitId": "dcf-gulou"}""")
                .andExpect(status().isCreated());
        admin(put("/api/v1/admin/users/test-mover"), """
                {"displayName": "调动人员", "role": "UNIT_LEADER", "unitId": "dcf-liuyuan", "enabled": false}""")
                .andExpect(status().isOk());
        assertThat(userAccounts.find("test-mover")).get().satisfies(u -> {
            assertThat(u.unit()).isEqualTo(new UnitId("dcf-liuyuan"));
            assertThat(u.enabled()).isFalse();
        });
    }

    @Test
    void aCategoryLevelThatContradictsItsCodeIsRefusedNamingTheField() throws Exception {
        admin(post("/api/v1/admin/categories"), """
                {"code": "08.01.09", "name": "新类别", "level": 2}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void aCategoryUnderAMissingParentIsRefusedNamingTheParent() throws Exception {
        admin(post("/api/v1/admin/categories"), """
                {"code": "77.01", "name": "无上级的类别"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
    }

    @Test
    void aNewCategoryInheritsItsDefaultUnitAtOnce() throws Exception {
        admin(post("/api/v1/admin/categories"), """
                {"code": "08.02.09", "name": "直播带货纠纷", "parentCode": "08.02"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value(3));
        // the read cache was dropped on commit: no waiting for the time-to-live
        assertThat(categories.defaultUnitOf("08.02.09")).contains(new UnitId("dcf-scjgj"));
    }

    @Test
    void aPlaceMustBelongToATerritorialUnit() throws Exception {
        admin(post("/api/v1/admin/places"), """
                {"id": "test-market", "name": "某农贸市场", "kind": "COMMUNITY", "unitId": "dcf-scjgj"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
    }

    @Test
    void aNewPlaceIsFoundBySearchAndADeactivatedOneIsNot() throws Exception {
        admin(post("/api/v1/admin/places"), """
                {"id": "gulou-test", "name": "测试新社区", "kind": "COMMUNITY", "parentId": "gulou",
                 "unitId": "dcf-gulou", "aliases": ["测试老村"]}""")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/places").param("q", "测试老村"))
                .andExpect(jsonPath("$[0].id").value("gulou-test"));

        admin(put("/api/v1/admin/places/gulou-test"), """
                {"name": "测试新社区", "kind": "COMMUNITY", "parentId": "gulou", "unitId": "dcf-gulou",
                 "aliases": ["测试老村"], "active": false}""")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/places").param("q", "测试老村"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    private ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String json) throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
