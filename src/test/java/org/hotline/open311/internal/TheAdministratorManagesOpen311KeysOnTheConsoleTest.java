package org.hotline.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ForbiddenException;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console's Open311 key page (系统管理 · Open311 密钥) is an adapter of {@link ApiKeys}, the one place that decides
 * about keys for the page and the admin API alike: only an administrator manages keys; a new key's secret is shown
 * once and then only its last four characters; a key is renamed and given a new rate, and revoked only after a
 * confirmation, for good; bad input is shown beside its field and changes nothing; every change is a line of the
 * administrators' audit, written in the change's own transaction.
 */
@HotlineIntegrationTest
class TheAdministratorManagesOpen311KeysOnTheConsoleTest {

    private static final Actor ADMIN = new Actor("admin", "系统管理员", Role.ADMIN, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    @Autowired
    AdminAudit audit;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Issues a key on the page; returns its id and (from the one page that shows it) its secret. */
    private String[] issue(MockHttpSession admin, String name, String client, String rate) throws Exception {
        MvcResult created = mvc.perform(post("/console/admin/open311-keys").session(admin).with(csrf())
                        .param("name", name).param("clientApplication", client).param("ratePerMinute", rate))
                .andExpect(redirectedUrlPattern("/console/admin/open311-keys/*"))
                .andExpect(flash().attribute("notice", "open311.keys.done.issued"))
                .andReturn();
        String secret = (String) created.getFlashMap().get("issuedSecret");
        String url = created.getResponse().getRedirectedUrl();
        return new String[] {url.substring(url.lastIndexOf('/') + 1), secret, url};
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyAnAdministratorManagesKeysWhicheverWayItIsAsked() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String[] key = issue(admin, unique("权限测试"), "测试应用", "");
        for (String user : List.of("director1", "supervisor1", "operator1")) {
            MockHttpSession other = signIn(mvc, user);
            mvc.perform(get("/console/admin/open311-keys").session(other).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/revoke").session(other).with(csrf())
                    .param("confirm", "true")).andExpect(status().isForbidden());
            mvc.perform(patch("/api/v1/admin/open311/keys/" + key[0]).with(httpBasic(user, "demo123"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"ratePerMinute\":1}"))
                    .andExpect(status().isForbidden());
        }
        // the rule is the service's own, not only the address's
        Actor director = new Actor("director1", "主任", Role.DIRECTOR, null);
        assertThatThrownBy(() -> keys.revoke(Long.parseLong(key[0]), director)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> keys.list(director)).isInstanceOf(ForbiddenException.class);
        assertThat(keys.authenticate(key[1])).isPresent();
    }

    @Test
    void aNewKeysSecretIsShownOnceAndThenOnlyItsLastFourCharacters() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String name = unique("街道App");
        String[] key = issue(admin, name, "古楼街道便民 App", "120");
        String secret = key[1];
        assertThat(secret).startsWith("o311_").hasSizeGreaterThan(40);

        // the redirect after issuing: the page shows the secret, once
        String once = page(admin, key[2]);
        assertThat(once).contains(secret).contains("只显示这一次");
        String again = page(admin, key[2]);
        assertThat(again).doesNotContain(secret).contains("••••" + secret.substring(secret.length() - 4))
                .contains("古楼街道便民 App").contains("每分钟最多 120 件");
        assertThat(page(admin, "/console/admin/open311-keys")).doesNotContain(secret).contains(name)
                .contains("••••" + secret.substring(secret.length() - 4)).contains("从未使用");
        // the key works for Open311 at once
        assertThat(keys.authenticate(secret)).get().extracting(ApiKeys.ApiKey::ratePerMinute).isEqualTo(120);
    }

    @Test
    void aKeysUseIsListedWithTheRequestsItFiled() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String name = unique("使用统计");
        String[] key = issue(admin, name, "", "");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/open311/v2/requests.json").param("api_key", key[1]).param("service_code", "09.02.01")
                    .param("address_string", "新区街道花园北路").param("description", "垃圾桶满了没人清运，第 " + i + " 次反映"))
                    .andExpect(status().isCreated());
        }
        String listed = page(admin, "/console/admin/open311-keys");
        String row = listed.substring(listed.indexOf("data-key=\"" + key[0] + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(name).doesNotContain("从未使用").contains("data-label=\"已提交诉求\">2</td>");
        mvc.perform(get("/api/v1/admin/open311/keys").with(httpBasic("admin", "demo123")))
                .andExpect(jsonPath("$[?(@.id == %s)].requests".formatted(key[0])).value(2));
    }

    @Test
    void aKeyIsRenamedAndGivenANewRateAndEachChangeIsAudited() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String[] key = issue(admin, unique("改名前"), "旧应用", "600");
        String renamed = unique("改名后");

        mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/name").session(admin).with(csrf())
                        .param("name", renamed).param("clientApplication", "FixMyStreet 聊城站"))
                .andExpect(redirectedUrl("/console/admin/open311-keys/" + key[0]))
                .andExpect(flash().attribute("notice", "open311.keys.done.renamed"));
        mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/rate").session(admin).with(csrf())
                        .param("ratePerMinute", "30"))
                .andExpect(flash().attribute("notice", "open311.keys.done.rate"));

        ApiKeys.ApiKey now = keys.authenticate(key[1]).orElseThrow();
        assertThat(now.name()).isEqualTo(renamed);
        assertThat(now.clientApplication()).isEqualTo("FixMyStreet 聊城站");
        assertThat(now.ratePerMinute()).isEqualTo(30);
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, key[0], 10)).extracting(AdminAudit.Entry::action)
                .containsExactly("RATE", "RENAME", "CREATE");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, key[0], 10)).allMatch(e -> e.actor().equals("admin"));
        assertThat(page(admin, key[2])).contains("每分钟限额 600 件改为 30 件").contains("改为「" + renamed + "」")
                .contains("客户端应用「旧应用」改为「FixMyStreet 聊城站」");

        // the API's PATCH is the same rule and the same audit
        mvc.perform(patch("/api/v1/admin/open311/keys/" + key[0]).with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ratePerMinute\":45}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ratePerMinute").value(45))
                .andExpect(jsonPath("$.name").value(renamed));
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, key[0], 1).get(0).detail()).contains("30 件改为 45 件");
    }

    @Test
    void aKeyIsRevokedOnlyAfterAConfirmationAndForGood() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String[] key = issue(admin, unique("待停用"), "", "");

        mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/revoke").session(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<details class=\"confirm\" open=\"open\">")));
        assertThat(keys.authenticate(key[1])).isPresent();

        mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/revoke").session(admin).with(csrf())
                        .param("confirm", "true"))
                .andExpect(flash().attribute("notice", "open311.keys.done.revoked"));
        assertThat(keys.authenticate(key[1])).isEmpty();
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, key[0], 1).get(0).action()).isEqualTo("REVOKE");
        assertThat(page(admin, key[2])).contains("已停用").doesNotContain("id=\"confirm-revoke\"");

        // a revoked key is not changed any more: refused with the reason, nothing written
        mvc.perform(post("/console/admin/open311-keys/" + key[0] + "/rate").session(admin).with(csrf())
                        .param("ratePerMinute", "5"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已停用，不能再修改")));
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, key[0], 10)).hasSize(2);
    }

    @Test
    void badInputIsShownBesideItsFieldAndChangesNothing() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String taken = unique("已有名称");
        String[] first = issue(admin, taken, "", "");
        String[] second = issue(admin, unique("另一个"), "", "");

        mvc.perform(post("/console/admin/open311-keys").session(admin).with(csrf()).param("name", taken)
                        .param("ratePerMinute", "10"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-ISSUE-name\"")))
                .andExpect(content().string(containsString("已有同名的密钥")));
        mvc.perform(post("/console/admin/open311-keys/" + second[0] + "/name").session(admin).with(csrf())
                        .param("name", taken))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-RENAME-name\"")));
        mvc.perform(post("/console/admin/open311-keys/" + second[0] + "/rate").session(admin).with(csrf())
                        .param("ratePerMinute", "很多"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-RATE-ratePerMinute\"")));
        mvc.perform(post("/console/admin/open311-keys/" + second[0] + "/rate").session(admin).with(csrf())
                        .param("ratePerMinute", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("应在 1 到 1000000 之间")));
        // only the two issues were recorded: the refused changes wrote nothing
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, first[0], 10)).hasSize(1);
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, second[0], 10)).hasSize(1);
        mvc.perform(get("/console/admin/open311-keys/999999").session(admin).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndNamesAreShownAsText() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        mvc.perform(post("/console/admin/open311-keys").session(admin).param("name", unique("无令牌")))
                .andExpect(status().isForbidden());
        String name = unique("<script>alert(1)</script>");
        String[] key = issue(admin, name, "<img src=x onerror=alert(2)>", "");
        assertThat(page(admin, key[2])).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)")
                .doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(page(admin, "/console/admin/open311-keys")).doesNotContain("<script>alert(1)");
    }

    @Test
    void theMenuOffersTheKeyPageToAdministratorsOnly() throws Exception {
        assertThat(page(signIn(mvc, "admin"), "/console/admin/users")).contains("href=\"/console/admin/open311-keys\"");
        mvc.perform(get("/console/supervision").session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(not(containsString("/console/admin/open311-keys"))));
    }
}
