package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The order page in a real browser, as the center and the units see it, on a desktop and on a phone. */
@BrowserIntegrationTest
class OrderPageBrowserTest {

    @Autowired
    WorkOrderService service;

    Browser browser;

    private ConsoleOrders orders() {
        return new ConsoleOrders(service);
    }

    @Test
    void aSupervisorSeesTheWholeOrderWithTheCitizensNumberAndOnlyTheCentersActions() {
        OrderNumber n = orders().underway("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));

        browser.signIn("supervisor1").open("/console/orders/" + n.value());

        String text = browser.mainText();
        assertThat(text).contains(n.value(), "办理中", "东关街后巷下雨后积水", "赵大爷", "13306357007",
                "区综合行政执法局", "古楼街道", "已提交", "签收时限", "答复时限", "剩余", "流转记录", "督办");
        assertThat(browser.all("form[data-action=SUPERVISE]")).hasSize(1);
        assertThat(browser.all("form[data-action=ACKNOWLEDGE], form[data-action=REPLY], form[data-action=REQUEST_RETURN]"))
                .as("the unit's actions are not the supervisor's").isEmpty();
        browser.screenshot("order-page");
    }

    @Test
    void aUnitSeesAConfidentialCitizenMaskedAsTheApiMasksThem() {
        OrderNumber n = orders().dispatched("楼道里堆满杂物，担心消防隐患，请不要透露我的信息。",
                new Citizen("钱女士", "13912345678", true));

        browser.signIn("gulou-handler").open("/console/orders/" + n.value());

        String text = browser.mainText();
        assertThat(text).contains("保密", "139****5678").doesNotContain("钱女士", "13912345678");
    }

    @Test
    void aUnitHandlerAcknowledgesFromAPhoneWithoutScrollingSideways() {
        OrderNumber n = orders().dispatched("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));

        browser.phone().signIn("zf-handler").open("/console/orders/" + n.value());

        assertThat(browser.scrollsSideways()).as("the order page fits a phone's width").isFalse();
        assertThat(browser.mainText()).contains("待签收", "13306357007");
        browser.screenshot("order-page-phone");

        browser.clickAndWait("form[data-action=ACKNOWLEDGE] button");

        assertThat(browser.mainText()).contains("已签收。", "办理中");
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void aRuleThatSaysNoIsShownWithItsOwnReasonAndChangesNothing() {
        OrderNumber n = orders().dispatched("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));
        browser.signIn("zf-handler").open("/console/orders/" + n.value());

        browser.one("details:has(form[data-action=REQUEST_RETURN]) > summary").click();
        new Select(browser.one("#ret-unit")).selectByValue("dcf-zhzfj"); // its own unit
        browser.type(By.id("ret-explanation"), "不属于本单位职责");
        browser.clickAndWait("form[data-action=REQUEST_RETURN] button[type=submit]");

        assertThat(browser.one(".alert-error").getText()).contains("建议承办单位不能是本单位");
        assertThat(browser.one("#ret-explanation").getAttribute("value")).isEqualTo("不属于本单位职责");
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);
    }

    @Test
    void aPhotoIsAttachedThroughThePageAndListedWithItsLink() throws Exception {
        OrderNumber n = orders().underway("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("现场照片", ".png");
        java.nio.file.Files.write(photo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        browser.signIn("zf-handler").open("/console/orders/" + n.value());

        browser.one("details:has(form[data-action=ATTACH]) > summary").click();
        browser.one("#att-file").sendKeys(photo.toAbsolutePath().toString());
        browser.clickAndWait("form[data-action=ATTACH] button[type=submit]");

        assertThat(browser.mainText()).contains("附件已上传。", photo.getFileName().toString());
        assertThat(browser.all("a[href*='/attachments/']")).hasSize(1);
        java.nio.file.Files.deleteIfExists(photo);
    }

    @Test
    void theDirectorClosesARepliedOrderOutsideTheLoopAndTheTimelineSetsItApart() {
        OrderNumber n = orders().underway("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));
        service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "排水口已疏通，积水已排净。", "清掏排水口淤泥",
                null, true), ConsoleOrders.handler("zf-handler", ConsoleOrders.ENFORCEMENT), null);
        Actor reviewer = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
        service.recordReview(n, "区级中心审核", true, null, reviewer);
        service.recordCallback(n, 1, "未接通", null, ConsoleOrders.SUPERVISOR);

        browser.signIn("director1").open("/console/orders/" + n.value());
        assertThat(browser.all("form[data-action=OVERRIDE_CLOSE]")).hasSize(1);
        browser.one("details:has(form[data-action=OVERRIDE_CLOSE]) > summary").click();
        browser.type(By.id("close-reason"), "市民来电表示问题已解决，撤回诉求，无需再回访。");
        browser.clickAndWait("form[data-action=OVERRIDE_CLOSE] button[type=submit]");

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(browser.mainText()).contains("已决定办结", "已办结", "区级中心审核：通过", "第 1 次回访：未接通",
                "主任决定办结", "市民来电表示问题已解决");
        assertThat(browser.all(".timeline li.tl-quality")).as("the review and the callback").hasSize(2);
        assertThat(browser.all(".timeline li.tl-override")).as("the override").hasSize(1);
        assertThat(browser.one(".timeline li.tl-override").getText()).contains("例外办结", "未经审核回访办结");
        assertThat(browser.all("form[data-action]")).as("nothing left to do on a closed order").isEmpty();
        browser.screenshot("order-page-closed");
    }

    @Test
    void anotherUnitsOrderOpenedByItsAddressIsAChineseNotFoundPage() {
        OrderNumber n = orders().dispatched("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。",
                new Citizen("赵大爷", "13306357007", false));

        browser.signIn("scj-handler").open("/console/orders/" + n.value());

        assertThat(browser.title()).contains("页面不存在");
        assertThat(browser.mainText()).contains("404", "不存在").doesNotContain("东关街后巷", "赵大爷");
        assertThat(browser.pageSource()).doesNotContain("Exception", "at org.");
        assertThat(browser.all("link[href$='/console/console.css']")).as("in the console's layout").hasSize(1);
        assertThat(browser.all("form.logout")).as("with the signed-in user's header").hasSize(1);
        browser.screenshot("error-page");
    }

    @Test
    void aComplaintWithScriptAndImageTagsIsShownAsTextAndRunsNothing() {
        String hostile = "<script>window.__injected = 1; alert('x')</script><img src=x onerror=\"window.__injected = 2\">东关街积水";
        OrderNumber n = orders().dispatched(hostile, new Citizen("<b>王</b>", "13306357007", false));

        browser.signIn("supervisor1").open("/console/orders/" + n.value());

        assertThat(browser.mainText()).contains("<script>window.__injected = 1; alert('x')</script>",
                "<img src=x onerror=\"window.__injected = 2\">", "<b>王</b>");
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.script("return typeof window.__injected;")).isEqualTo("undefined");
        assertThat(browser.all("#main img, #main script, #main b")).as("no element made from the text").isEmpty();
    }
}
