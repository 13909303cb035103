package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 办件查询 as a citizen uses it, signed in as nobody. The limit on failed lookups counts per client address, and
 * all of this class's lookups come from the same address: the test that uses the limit up runs last.
 */
@BrowserIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenLookupBrowserTest {

    private static final String INTERNAL_NOTE = "内部备注：该商户负责人系某单位职工，注意沟通方式";

    @Autowired
    WorkOrderService service;

    Browser browser;

    @Test
    @Order(1)
    void theCitizenSeesTheStatusTheDeadlineAndThePublicReplyAndNothingInternal() {
        ConsoleOrders orders = new ConsoleOrders(service);
        OrderNumber n = orders.underway("昌润路烧烤店油烟直排，楼上住户无法开窗。", new Citizen("吴先生", "13106359009", false));
        service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已责令商户安装油烟净化设施，执法人员将回查。",
                "现场检查并下达整改通知书", INTERNAL_NOTE, true), ConsoleOrders.handler("zf-handler",
                        ConsoleOrders.ENFORCEMENT), null);

        lookUp(n.value(), "9009");

        String text = browser.mainText();
        assertThat(text).contains(n.value(), "已答复", "受理时间", "已责令商户安装油烟净化设施，执法人员将回查。");
        assertThat(text).as("nothing internal: no note, no staff, no units, no citizen, not the appeal itself")
                .doesNotContain(INTERNAL_NOTE, "现场检查并下达整改通知书", "zf-handler", "综合行政执法局", "古楼街道",
                        "督办", "吴先生", "13106359009", "油烟直排");
        browser.screenshot("citizen-lookup");
    }

    @Test
    @Order(2)
    void theLookupFitsAPhone() {
        ConsoleOrders orders = new ConsoleOrders(service);
        OrderNumber n = orders.dispatched("柳园路与兴华路交叉口东北角雨水井盖缺失，夜间行人容易踩空。",
                new Citizen("孙女士", "13806351001", false));

        browser.phone();
        lookUp(n.value(), "1001");

        assertThat(browser.mainText()).contains("办理中", "答复期限");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("citizen-lookup-phone");
    }

    @Test
    @Order(3)
    void wrongDigitsSayNothingAndTooManyOfThemStopTheLookup() {
        ConsoleOrders orders = new ConsoleOrders(service);
        OrderNumber n = orders.dispatched("小区 3 号楼停电。", new Citizen("周女士", "13206358008", false));

        for (int i = 0; i < 10; i++) {
            lookUp(n.value(), String.format("%04d", i));
            assertThat(browser.mainText()).contains("未查到该工单").doesNotContain("办理中");
        }
        lookUp(n.value(), "8008");

        assertThat(browser.mainText()).contains("查询失败次数过多").doesNotContain("办理中", "答复期限");
    }

    private void lookUp(String number, String digits) {
        browser.open("/cases");
        browser.type(By.id("case-number"), number);
        browser.type(By.id("case-phone"), digits);
        browser.clickAndWait("form[action='/cases'] button[type=submit]");
    }
}
