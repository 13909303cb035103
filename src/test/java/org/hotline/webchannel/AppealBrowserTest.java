package org.hotline.webchannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.organization.Actor;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 我要诉求 on a phone, as a citizen files it: number, code (read from the notification log, as in the demo), appeal. */
@BrowserIntegrationTest
class AppealBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkOrderService orders;

    Browser browser;

    @Test
    void aCitizenFilesAnAppealOnAPhoneAndGetsTheOrderNumber() {
        browser.phone().open("/appeal");
        assertThat(browser.mainText()).contains("我要诉求", "验证手机号", "查询办理进度");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.type(By.id("appeal-phone"), "13963501234");
        browser.clickAndWait("form[action='/appeal/code'] button[type=submit]");

        assertThat(browser.mainText()).contains("验证码已发送至 139****1234");
        String challenge = browser.path().replaceFirst(".*c=", "");
        browser.type(By.id("appeal-code"), code(challenge));
        browser.one("input[name=appealType][value=COMPLAINT]").click();
        browser.type(By.id("appeal-content"), "柳园路农贸市场东门早上五点开始卸货，噪音很大，已持续两周，希望规定卸货时间。");
        new org.openqa.selenium.support.ui.Select(browser.one("#appeal-street")).selectByVisibleText("柳园街道");
        browser.type(By.id("appeal-community"), "柳园社区");
        browser.type(By.id("appeal-detail"), "柳园路农贸市场东门");
        browser.type(By.id("appeal-name"), "刘女士");
        assertThat(browser.all("input[type=file][accept='image/*'][capture]")).hasSize(3);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("appeal-phone");

        browser.clickAndWait("form[action='/appeal'] button[type=submit]");

        String text = browser.mainText();
        assertThat(text).contains("诉求已受理", "查询办理进度");
        Matcher number = Pattern.compile("\\d{8}-\\d{6}").matcher(text);
        assertThat(number.find()).isTrue();
        assertThat(orders.find(new OrderNumber(number.group()), Actor.system()).channel()).isEqualTo(Channel.WEB);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("appeal-filed-phone");
    }

    private String code(String challenge) {
        String text = jdbc.sql("SELECT text FROM notification WHERE dedupe_key = :k").param("k", "CODE:" + challenge)
                .query(String.class).single();
        Matcher m = Pattern.compile("验证码为 (\\d{6})").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
