package org.hotline.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator's Open311 keys in a real browser: the list of a working district (keys in use with their
 * requests, one revoked), a new key issued and its secret copied from the one page that shows it, its rate lowered,
 * and another revoked after the confirmation. Desktop and phone are photographed for the README.
 */
@BrowserIntegrationTest
class Open311KeysBrowserTest {

    private static final Actor ADMIN = new Actor("admin", "系统管理员", Role.ADMIN, null);

    Browser browser;

    @Autowired
    ApiKeys keys;

    private void file(String key, String description, String address) throws Exception {
        String form = "api_key=" + enc(key) + "&service_code=09.02.01&address_string=" + enc(address)
                + "&description=" + enc(description);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(browser.url("/open311/v2/requests.json")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theAdministratorIssuesAKeyLowersItsRateAndRevokesAnother() throws Exception {
        String fixMyStreet = keys.issue("fixmystreet-lc", "FixMyStreet 聊城站", 600, ADMIN).secret();
        String street = keys.issue("gulou-app", "古楼街道便民服务 App", 120, ADMIN).secret();
        keys.issue("scj-miniprogram", "市场监管投诉小程序", 60, ADMIN);
        long old = keys.issue("test-client-2025", "旧版测试客户端", 30, ADMIN).key().id();
        keys.revoke(old, ADMIN);
        file(fixMyStreet, "花园北路垃圾桶满了没人清运，气味很大", "新区街道花园北路");
        file(fixMyStreet, "东关街路灯连续三晚不亮", "古楼街道东关街");
        file(fixMyStreet, "振兴路人行道地砖松动，老人容易绊倒", "柳园街道振兴路");
        file(street, "小区门口排水口堵塞，下雨积水", "古楼街道东关街后巷");

        browser.signIn("admin").open("/console/admin/open311-keys");
        assertThat(browser.one("#key-table").getText()).contains("fixmystreet-lc", "FixMyStreet 聊城站", "已停用");
        browser.type(By.id("nk-name"), "aidcf-app");
        browser.type(By.id("nk-client"), "爱东昌 App（区融媒体中心）");
        browser.type(By.id("nk-rate"), "300");
        browser.clickAndWait("form[data-action=ISSUE] button[type=submit]");

        String secret = browser.one("#secret-value").getAttribute("value");
        assertThat(secret).startsWith("o311_");
        assertThat(browser.mainText()).contains("只显示这一次", "爱东昌 App（区融媒体中心）");
        browser.screenshot("admin-open311-key-issued");
        assertThat(keys.authenticate(secret)).isPresent();

        browser.type(By.id("rk-rate"), "200");
        browser.clickAndWait("form[data-action=RATE] button[type=submit]");
        assertThat(browser.all("#secret-value")).as("the secret is shown once").isEmpty();
        assertThat(browser.mainText()).contains("每分钟最多 200 件", "每分钟限额 300 件改为 200 件",
                "••••" + secret.substring(secret.length() - 4));

        browser.open("/console/admin/open311-keys").clickAndWait("tr[data-key] a[href$='/" + keys.authenticate(
                street).orElseThrow().id() + "']");
        browser.one("details.confirm > summary").click();
        browser.clickAndWait("#confirm-revoke");
        assertThat(browser.mainText()).contains("密钥已停用", "停用密钥「gulou-app」");
        assertThat(keys.authenticate(street)).isEmpty();

        browser.open("/console/admin/open311-keys");
        assertThat(browser.one("#key-audit").getText()).contains("停用密钥「gulou-app」", "发放密钥「aidcf-app」");
        browser.screenshot("admin-open311-keys");
        browser.phone().open("/console/admin/open311-keys");
        assertThat(browser.scrollsSideways()).as("the key list fits a phone").isFalse();
        browser.screenshot("admin-open311-keys-phone");
    }
}
