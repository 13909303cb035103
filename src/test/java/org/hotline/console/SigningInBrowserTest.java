package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in and out of the console, where each role lands, and what a refused request looks like. */
@BrowserIntegrationTest
class SigningInBrowserTest {

    @Autowired
    WorkOrderService orders;

    Browser browser;

    @Test
    void theLoginPageIsInChineseAndAWrongPasswordSaysSo() {
        browser.open("/console/orders");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.mainText()).contains("工作人员登录", "用户名", "密码", "办件查询");
        browser.screenshot("login");

        browser.type(By.id("username"), "zf-handler");
        browser.type(By.id("password"), "wrong-password");
        browser.clickAndWait("form[action='/login'] button");

        assertThat(browser.mainText()).contains("用户名或密码错误，或账号已停用。");
    }

    @Test
    void eachRoleLandsOnItsWorkPageAfterSigningIn() {
        for (String user : List.of("operator1", "dispatcher1", "zf-handler", "scj-leader", "reviewer1", "supervisor1",
                "director1", "admin")) {
            browser.reset();
            browser.signIn(user);
            assertThat(browser.path()).as(user).isEqualTo(Navigation.landing(roleOf(user)));
            assertThat(browser.one("header").getText()).as(user).contains("退出登录");
        }
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn("supervisor1").signOut();

        assertThat(browser.mainText()).contains("您已安全退出。");
        browser.open("/console/orders");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Actor operator = new Actor("operator1", "话务员一", Role.OPERATOR, null);
        OrderNumber n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("孙女士", "13806351001", false), "雨水井盖缺失，夜间容易踩空。", Location.none(), null,
                Urgency.NORMAL), null, operator, null, null).order().number();
        browser.signIn("supervisor1").open("/console/orders/" + n.value());

        browser.script("document.querySelectorAll('form[data-action=SUPERVISE] input[name=_csrf]')"
                + ".forEach(function (i) { i.remove(); });");
        browser.one("details:has(form[data-action=SUPERVISE]) > summary").click();
        browser.type(By.id("sup-reason"), "请尽快处理");
        browser.clickAndWait("form[data-action=SUPERVISE] button[type=submit]");

        assertThat(browser.title()).contains("无权访问");
        assertThat(browser.mainText()).contains("403", "页面已过期或请求未通过安全校验，未做任何更改");
        assertThat(orders.find(n, operator).supervision().count()).isZero();
    }

    @Test
    void anUnknownAddressIsAChinesePageNotAStackTrace() {
        browser.signIn("zf-handler").open("/console/no-such-page");

        assertThat(browser.title()).contains("页面不存在");
        assertThat(browser.mainText()).contains("404", "返回工作台");
        assertThat(browser.pageSource()).doesNotContain("Exception", "Whitelabel", "at org.");
    }

    private static Role roleOf(String user) {
        return switch (user) {
            case "operator1" -> Role.OPERATOR;
            case "dispatcher1" -> Role.DISPATCHER;
            case "zf-handler" -> Role.UNIT_HANDLER;
            case "scj-leader" -> Role.UNIT_LEADER;
            case "reviewer1" -> Role.REVIEWER;
            case "supervisor1" -> Role.SUPERVISOR;
            case "director1" -> Role.DIRECTOR;
            default -> Role.ADMIN;
        };
    }

}
