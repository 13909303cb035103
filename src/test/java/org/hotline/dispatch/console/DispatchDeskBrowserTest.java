package org.hotline.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.hotline.support.Browser;
import org.hotline.support.ConsolePagesBrowserTest;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispatcher's desk in a real browser, on a working morning: the queue with the AI's ranked suggestions and
 * the words behind them, one suggestion accepted with a click and another corrected, a return request approved with
 * the unit it names, and the counters of each section.
 */
@ConsolePagesBrowserTest
class DispatchDeskBrowserTest {

    @Autowired
    WorkOrderService service;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    private DeskOrders orders() {
        return new DeskOrders(service);
    }

    /** A morning's queue, returns and extensions, made once for the class's screenshots. */
    private static boolean seeded;

    @BeforeEach
    void aWorkingMorning() {
        if (seeded) {
            return;
        }
        seeded = true;
        DeskOrders o = orders();
        o.registered("楼上邻居装修噪音太大，每天早上七点就开始砸墙，孩子没法休息", "柳园街道龙湾社区");
        o.registered("小区门口的井盖缺失好几天了，晚上有人差点踩空", "新区街道花园社区");
        o.registered("东关街后巷下雨后积水没过脚踝，排水口堵了", "古楼街道东关街后巷", Urgency.URGENT);
        o.registered("公司拖欠三个月工资，老板联系不上", "湖西街道振兴路 18 号");
        o.registered("建设路上的坑洼很多，电动车骑过去很危险", "柳园街道建设路");
        o.registered("楼下饭店油烟直排，家里窗户都不敢开", "古楼街道楼南社区");
        o.registered("光岳路夜市有人占道摆摊，堵住消防通道", "古楼街道光岳路");
        o.returnRequested("小区物业不作为，电梯坏了一个月没人修", "柳园街道利民社区", DeskOrders.ENFORCEMENT,
                DeskOrders.HOUSING, "物业服务纠纷属住建部门职责，非本单位职责范围");
        o.returnRequested("农贸市场门口商户占道经营", "新区街道兴华路", DeskOrders.MARKET, DeskOrders.ENFORCEMENT,
                "占道经营属综合执法部门职责");
        o.extensionRequested("工地夜间施工扬尘，附近居民反映强烈", "新区街道花园路", DeskOrders.ENFORCEMENT, 3,
                "需等待环保部门出具检测报告后处理");
        o.extensionRequested("超市销售过期食品", "湖西街道湖南路", DeskOrders.MARKET, 2, "涉事批次需送检，检测周期 2 个工作日");
    }

    private Map<String, Object> awaitFinalLead(OrderNumber n) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> record = jdbc.queryForMap("SELECT * FROM dispatch_record WHERE order_number = ?",
                    n.value());
            if (record.get("final_lead") != null) {
                return record;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no dispatch recorded for " + n);
    }

    @Test
    void theDispatcherAcceptsOneSuggestionAndCorrectsAnother() throws Exception {
        OrderNumber vending = orders().registered("东关社区门口每天晚上有人占道摆摊卖烧烤", "古楼街道东关社区");
        OrderNumber noise = orders().registered("隔壁棋牌室半夜噪音扰民", "柳园街道柳园社区");

        browser.signIn("dispatcher1");
        assertThat(browser.path()).isEqualTo("/console/dispatch");
        assertThat(browser.one("nav.tabs").getText()).contains("待派单", "退回申请", "延期申请");
        String row = "article[data-number='" + vending.value() + "']";
        // the ranked units, each with its unit confidence, the categories behind it and the whole words
        assertThat(browser.one(row).getText()).contains("单位置信度", "占道经营", "区综合行政执法局", "古楼街道", "95%",
                "采纳建议 1");
        assertThat(browser.all(row + " .marked-text mark")).extracting(e -> e.getText()).contains("占道摆摊");
        assertThat(browser.all(row + " mark.word")).extracting(e -> e.getText()).contains("占道", "摆摊");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("dispatch");

        browser.clickAndWait(row + " tr[data-rank='1'] form[data-action=ACCEPT] button");
        assertThat(browser.one("[data-done]").getText()).contains(vending.value(), "区综合行政执法局");
        assertThat(orders().find(vending).status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(orders().find(vending).leadUnit()).isEqualTo(DeskOrders.ENFORCEMENT);
        assertThat(browser.all(row)).as("gone from the queue").isEmpty();

        browser.clickAndWait("article[data-number='" + noise.value() + "'] a.item-action");
        assertThat(browser.mainText()).contains("隔壁棋牌室半夜噪音扰民", "社会生活噪声");
        browser.screenshot("dispatch-order");
        new Select(browser.one("#d-lead")).selectByValue("dcf-liuyuan");
        browser.type(By.id("d-note"), "棋牌室噪音先由属地街道协调处置");
        browser.clickAndWait("form[data-action=DISPATCH] button[type=submit]");

        assertThat(browser.one("[data-done]").getText()).contains(noise.value(), "柳园街道");
        assertThat(orders().find(noise).leadUnit()).isEqualTo(DeskOrders.LIUYUAN);
        Map<String, Object> record = awaitFinalLead(noise);
        assertThat(record.get("human_changed")).as("recorded as a person's correction").isEqualTo(true);
    }

    @Test
    void theDispatcherApprovesAReturnRequestWithTheUnitItNames() {
        OrderNumber n = orders().returnRequested("老旧小区楼道灯坏了，物业不管", "古楼街道西关社区", DeskOrders.ENFORCEMENT,
                DeskOrders.HOUSING, "楼道照明属物业管理范围，请改派住建部门");

        browser.signIn("dispatcher1");
        browser.clickAndWait("nav.tabs a[data-tab=returns]");
        String row = "article[data-number='" + n.value() + "']";
        assertThat(browser.one(row).getText()).contains("区综合行政执法局", "区住房和城乡建设局", "楼道照明属物业管理范围");
        assertThat(new Select(browser.one(row + " select[name=newLeadUnit]")).getFirstSelectedOption().getText())
                .as("the unit the request names, preselected").isEqualTo("区住房和城乡建设局");
        assertThat(browser.one("nav.tabs a[data-tab=returns] .count").getText()).isNotEqualTo("0");
        browser.screenshot("dispatch-returns");

        browser.clickAndWait(row + " form[data-action=APPROVE_RETURN] button");
        assertThat(browser.one("[data-done]").getText()).contains(n.value(), "区住房和城乡建设局");
        assertThat(orders().find(n).status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(orders().find(n).leadUnit()).isEqualTo(DeskOrders.HOUSING);
        assertThat(browser.all(row)).isEmpty();
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedWithTheRulesWordsBesideTheRow() {
        OrderNumber n = orders().returnRequested("垃圾桶满了没人清运", "新区街道向阳社区", DeskOrders.ENFORCEMENT,
                DeskOrders.GULOU, "应由属地处理");

        browser.signIn("dispatcher1");
        browser.open("/console/dispatch?tab=returns");
        String row = "article[data-number='" + n.value() + "']";
        // the browser asks for the reason first; past that (a blank reason), the rule says why
        browser.script("document.querySelector(arguments[0]).removeAttribute('required');",
                row + " form[data-action=REJECT_RETURN] textarea");
        browser.type(By.cssSelector(row + " form[data-action=REJECT_RETURN] textarea"), "   ");
        browser.clickAndWait(row + " form[data-action=REJECT_RETURN] button");

        assertThat(browser.one(".alert-error").getText()).contains("驳回退回必须说明理由");
        assertThat(orders().find(n).status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> browser.all(row).size() == 1);
    }

    @Test
    void theDeskFitsAPhone() {
        browser.phone().signIn("dispatcher1");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.open("/console/dispatch?tab=extensions");
        assertThat(browser.mainText()).contains("需等待环保部门出具检测报告后处理");
        assertThat(browser.scrollsSideways()).isFalse();
        OrderNumber n = orders().registered("向阳社区北门的井盖松动了，踩上去会翻", "新区街道向阳社区");
        browser.open("/console/dispatch/" + n.value());
        assertThat(browser.mainText()).contains("井盖松动", "并单");
        assertThat(browser.scrollsSideways()).isFalse();
    }
}
