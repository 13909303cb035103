package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import org.hotline.organization.Actor;
import org.hotline.organization.OrganizationAdministration;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 操作审计 in a real browser after a working morning of the administration: a new colleague's account made, given
 * another role and a new password, then disabled on the users page; a new unit (the civil air defence office) and a category with its default
 * unit and its dispatch directory entry; the director's recompute of the assessment. The administrator reads it
 * newest first, filters it, follows a line to the user it is about; the director reads the same without links; on
 * a phone the lines stack. Desktop and phone are photographed for the README.
 */
@BrowserIntegrationTest
class AdminAuditBrowserTest {

    private static final Actor ADMIN = new Actor("admin", "系统管理员", Role.ADMIN, null);

    Browser browser;

    @Autowired
    OrganizationAdministration organization;

    @Test
    void theAdministratorAndTheDirectorReadWhatWasChangedNewestFirst() throws Exception {
        organization.createUser("xinqu-handler2", "王晓明", "新区街道2026", Role.UNIT_HANDLER, "dcf-xinqu", true, ADMIN);
        organization.updateUser("xinqu-handler2", "王晓明", Role.UNIT_LEADER, "dcf-xinqu", true, ADMIN);
        organization.changePassword("xinqu-handler2", "交接后新密码2026", ADMIN);
        organization.createUnit("dcf-rfb", "区人民防空办公室", UnitKind.INDUSTRY, "0635-0000199", null, true, ADMIN);
        organization.createCategory("14.03.03", "政务新媒体留言", "dcf-zfb", true, ADMIN);
        organization.updateCategory("14.03.03", "政务新媒体留言", "dcf-xzsp", true, ADMIN);
        call("admin", "POST", "/api/v1/admin/dispatch/directory", """
                {"categoryCode":"14.03.03","unitId":"dcf-xzsp","duty":"政务新媒体平台留言的办理和回复",
                 "phrases":["公众号留言","微博留言","抖音留言"]}""", 201);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        call("director1", "POST", "/api/v1/assessment/recompute", "{\"from\":\"" + yesterday.minusDays(2)
                + "\",\"to\":\"" + yesterday + "\"}", 200);

        // the last change of the morning, on the users page
        browser.signIn("admin").open("/console/admin/users?q=xinqu-handler2").clickAndWait(
                "button[data-toggle=xinqu-handler2]");

        browser.open("/console/admin/audit");
        assertThat(browser.title()).contains("操作审计");
        String newest = browser.all("#audit-table tbody tr").get(0).getText();
        assertThat(newest).contains("停用", "xinqu-handler2", "状态：「启用」 → 「停用」", "系统管理员");
        assertThat(browser.one("#audit-table").getText()).contains("角色变更", "角色：「承办人」 → 「单位负责人」",
                "重置用户 xinqu-handler2（王晓明）的密码", "区人民防空办公室", "默认承办单位", "政务新媒体平台留言的办理和回复",
                "重新计算", "中心主任").doesNotContain("交接后新密码2026", "新区街道2026");
        browser.screenshot("admin-audit");

        new Select(browser.one("#a-kind")).selectByValue("user");
        new Select(browser.one("#a-user")).selectByValue("admin");
        browser.clickAndWait("#audit-filters button[type=submit]");
        assertThat(browser.all("#audit-table tbody tr")).allSatisfy(r -> assertThat(r.getAttribute("data-kind"))
                .isEqualTo("user"));
        browser.clickAndWait("#audit-table a[href='/console/admin/users/xinqu-handler2']");
        assertThat(browser.path()).isEqualTo("/console/admin/users/xinqu-handler2");

        browser.phone().open("/console/admin/audit");
        assertThat(browser.scrollsSideways()).as("the audit fits a phone").isFalse();
        browser.screenshot("admin-audit-phone");

        browser.desktop().signOut().signIn("director1").open("/console/admin/audit");
        assertThat(browser.one("#audit-table").getText()).contains("xinqu-handler2");
        assertThat(browser.all("#audit-table a")).as("no links to pages the director may not open").isEmpty();
        assertThat(browser.all("nav.tabs")).as("the administrators' sections").isEmpty();
    }

    private void call(String user, String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo123")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    }
}
