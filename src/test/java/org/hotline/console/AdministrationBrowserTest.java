package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's working day in a real browser: a new colleague gets an account and a colleague who left is
 * disabled; a history file is uploaded, its columns mapped, its progress followed to the rejected rows; a dispatch
 * model is retrained with the progress bar the training job drives, and the new version activated. Each page is
 * photographed for the README.
 */
@BrowserIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministrationBrowserTest {

    Browser browser;

    @TempDir
    Path files;

    @Test
    @Order(1)
    void theAdministratorCreatesAUserAndDisablesAnother() {
        browser.signIn("admin");
        assertThat(browser.path()).isEqualTo("/console/admin/users");

        browser.type(By.id("nu-username"), "operator9");
        browser.type(By.id("nu-name"), "话务员九");
        browser.type(By.id("nu-password"), "夜班交接2026");
        new Select(browser.one("#nu-role")).selectByValue("OPERATOR");
        browser.clickAndWait("form[data-action=CREATE_USER] button[type=submit]");
        assertThat(browser.mainText()).contains("operator9", "话务员九");

        browser.open("/console/admin/users?role=OPERATOR").clickAndWait("button[data-toggle=operator2]");
        assertThat(browser.one("#user-table").getText()).contains("停用");
        browser.open("/console/admin/users");
        browser.screenshot("admin-users");

        browser.open("/console/admin/units");
        browser.screenshot("admin-units");
        browser.open("/console/admin/categories");
        browser.screenshot("admin-categories");
        browser.open("/console/admin/rules");
        browser.screenshot("admin-rules");
        browser.phone().open("/console/admin/users");
        assertThat(browser.scrollsSideways()).as("the users list fits a phone").isFalse();
    }

    @Test
    @Order(2)
    void aHistoryIsUploadedMappedAndItsRejectedRowsShown() throws Exception {
        StringBuilder csv = new StringBuilder("编号,分类编码,标题,内容\n");
        String[][] kinds = { { "01.02.01", "夜间施工噪音", "工地凌晨还在施工打桩，噪音很大" },
                { "05.01.03", "餐饮油烟", "楼下饭店油烟直排，窗户不敢开" },
                { "09.05.03", "排水堵塞", "小区门口排水口堵塞，下雨积水" },
                { "02.01.01", "拖欠工资", "公司拖欠工资三个月不发" } };
        for (int i = 0; i < 40; i++) {
            String[] k = kinds[i % kinds.length];
            csv.append(i + 1).append(',').append(k[0]).append(',').append(k[1]).append(',').append(k[2])
                    .append("，第").append(i + 1).append("次反映\n");
        }
        csv.append("41,,路灯不亮,柳园路路灯不亮\n42,城市建设,道路破损,光岳路路面破损\n");
        Path file = Files.writeString(files.resolve("历史工单.csv"), csv, StandardCharsets.UTF_8);

        browser.signIn("admin").open("/console/admin/imports");
        browser.one("#imp-file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWait("form[data-action=UPLOAD] button[type=submit]");
        assertThat(browser.path()).startsWith("/console/admin/imports/mapping");
        assertThat(browser.one("#preview-table").getText()).contains("工地凌晨还在施工打桩");
        new Select(browser.one("#map-label")).selectByValue("分类编码");
        new Select(browser.one("#map-subject")).selectByValue("标题");
        new Select(browser.one("#map-body")).selectByValue("内容");
        browser.screenshot("admin-import-mapping");
        browser.clickAndWait("form[data-action=MAPPING] button[type=submit]");

        // the progress bar is polled until the job ends, then the page is drawn again with the rejected rows
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> !browser.all("#reject-table").isEmpty());
        assertThat(browser.one("#reject-table").getText()).contains("缺少标签", "城市建设");
        assertThat(browser.mainText()).contains("40");
        browser.screenshot("admin-import");
    }

    @Test
    @Order(3)
    void aModelIsRetrainedWithAProgressBarAndActivated() {
        browser.signIn("admin").open("/console/admin/models");
        browser.type(By.id("t-note"), "加入本月导入的历史");
        if (browser.one("#t-activate").isSelected()) {
            browser.one("#t-activate").click(); // activated by hand below
        }
        browser.clickAndWait("form[data-action=TRAIN] button[type=submit]");
        assertThat(browser.path()).startsWith("/console/admin/models?training=");
        // while the job runs the bar is there; when it ends htmx redraws the page with the new version listed
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).until(d -> !browser.all("#version-table tbody tr")
                .isEmpty() && browser.all("#training-progress [hx-trigger]").isEmpty());
        assertThat(browser.mainText()).contains("加入本月导入的历史");
        browser.clickAndWait("button[data-activate]");
        assertThat(browser.one("#version-table").getText()).contains("使用中");
        browser.screenshot("admin-models");
    }

    @Test
    @Order(4)
    void aNewerModelIsActivatedAndRolledBackFromThePageAndBothAreAudited() {
        browser.signIn("admin").open("/console/admin/models");
        int versions = browser.all("#version-table tbody tr").size();
        browser.type(By.id("t-note"), "试用新版本");
        if (!browser.one("#t-activate").isSelected()) {
            browser.one("#t-activate").click(); // this one is served as soon as it is trained
        }
        browser.clickAndWait("form[data-action=TRAIN] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).until(d -> browser.all("#version-table tbody tr")
                .size() > versions && browser.all("#training-progress [hx-trigger]").isEmpty());
        // the newest version is served; the one before it offers a rollback
        browser.clickAndWait("button[data-activate]");
        assertThat(browser.mainText()).contains("已回滚到该模型版本");
        assertThat(browser.one("#model-audit").getText()).contains("回滚：版本", "训练完成后自动启用");
        browser.screenshot("admin-models");
    }
}
