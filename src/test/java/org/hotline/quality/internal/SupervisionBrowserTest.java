package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.quality.CallResult;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.Satisfaction;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.hotline.workorder.WorkOrders;
import org.hotline.workorder.console.WorkingDay;
import org.hotline.workorder.internal.OrderNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 督办 in a real browser: the supervisor lands on the desk, sees the late and nearly late orders across units with
 * their counts, presses a unit on an overdue order with one action, and concludes an order escalated after two
 * redos, which closes it; a repeat appeal is merged into the same caller's open order.
 */
@BrowserIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionBrowserTest {

    static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    static final UnitId MARKET = new UnitId("dcf-scjgj");
    static final UnitId HOUSING = new UnitId("dcf-zjj");
    static final UnitId LABOUR = new UnitId("dcf-rsj");
    static final UnitId BEICHENG = new UnitId("dcf-beicheng");
    static final UnitId YANSI = new UnitId("dcf-yansi");
    static final Actor REVIEWER = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);

    private static boolean seeded;
    private static OrderNumber overdue;
    private static OrderNumber escalated;
    private static OrderNumber repeat;

    @Autowired
    WorkOrderService service;

    @Autowired
    WorkOrders orders;

    @Autowired
    OrderNumbers numbers;

    @Autowired
    Deadlines deadlines;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Clock clock;

    @Autowired
    QualityLoop loop;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void lateOrdersAcrossUnits() {
        if (seeded) {
            return;
        }
        WorkingDay day = new WorkingDay(orders, numbers, deadlines, calendar, clock);
        Instant now = day.now();
        overdue = day.store(day.acknowledged(day.dispatched(day.daysAgo(10), MARKET, List.of(),
                "北城街道万达广场一楼奶茶店预付卡充值 2000 元后关门跑路，商家联系不上，要求退款。", "北城街道万达广场",
                new Citizen("韩女士", "13563518870", false), null, Urgency.NORMAL), day.daysAgo(10).plus(Duration.ofHours(1))))
                .number();
        day.store(day.acknowledged(day.supervised(day.dispatched(day.daysAgo(9), HOUSING, List.of(BEICHENG),
                "恒大名都小区电梯频繁故障，上周困人两次，物业只修不换，要求更换电梯。", "北城街道恒大名都",
                new Citizen("郑先生", "13906351234", false), "01.01.02", Urgency.NORMAL), "已超期，请今日内答复市民",
                now.minus(Duration.ofHours(26))), day.daysAgo(9).plus(Duration.ofHours(3))));
        day.store(day.acknowledged(day.dispatched(day.daysAgo(8), ENFORCEMENT, List.of(),
                "柳园路夜市烧烤摊油烟直排，晚上窗户都不敢开。", "柳园街道柳园路", new Citizen("冯女士", "13792461002", false),
                "05.01.03", Urgency.NORMAL), day.daysAgo(8).plus(Duration.ofHours(2))));
        day.store(day.dispatched(day.acknowledgementMissed(), YANSI, List.of(),
                "阎寺街道辖区内一处废品收购站占道堆放，影响通行。", "阎寺街道光岳路", new Citizen("蒋先生", "15163502286", false),
                "09.01.01", Urgency.NORMAL));
        Instant risky = day.leaving(Duration.ofHours(2), Duration.ofHours(5));
        day.store(day.acknowledged(day.dispatched(risky, LABOUR, List.of(),
                "在星光建筑工地干活三个月，老板拖欠工资 1.2 万元不给。", "北城街道星光工地", new Citizen("杨先生", "13256379901", false),
                "02.01.01", Urgency.NORMAL), risky.plus(Duration.ofMinutes(30))));
        Instant risky2 = day.leaving(Duration.ofHours(5), Duration.ofHours(8));
        day.store(day.acknowledged(day.dispatched(risky2, ENFORCEMENT, List.of(),
                "东昌路两侧共享单车乱停放，盲道被占满。", "古楼街道东昌路", new Citizen("许先生", "18963528811", false),
                "07.04.02", Urgency.NORMAL), risky2.plus(Duration.ofMinutes(30))));
        WorkOrder twice = day.acknowledged(day.dispatched(day.daysAgo(12), HOUSING, List.of(),
                "阳光小区楼顶漏水三年，每逢下雨家里就漏，维修资金一直批不下来。", "新区街道阳光小区",
                new Citizen("何女士", "13406355520", false), "01.01.03", Urgency.NORMAL), day.daysAgo(12).plus(Duration.ofHours(1)));
        day.redone(twice, day.daysAgo(10), day.daysAgo(9));
        day.acknowledged(twice, day.daysAgo(9).plus(Duration.ofHours(1)));
        day.redone(twice, day.daysAgo(5), day.daysAgo(4));
        day.store(day.acknowledged(twice, day.daysAgo(4).plus(Duration.ofHours(1))));
        repeat = day.store(day.dispatched(now.minus(Duration.ofHours(3)), MARKET, List.of(),
                "万达广场奶茶店预付卡的事又打来问，上次反映后还没有退款。", "北城街道万达广场",
                new Citizen("韩女士", "13563518870", false), null, Urgency.NORMAL)).number();
        escalated = escalatedAfterTwoRedos();
        seeded = true;
    }

    /** The quality loop's own way to an escalation: two redos after unsatisfied callbacks, then a third failure. */
    private OrderNumber escalatedAfterTwoRedos() {
        Actor supervisor = WorkingDay.SUPERVISOR;
        Actor handler = new Actor("rsj-handler", "人社局承办人", Role.UNIT_HANDLER, LABOUR);
        OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("王女士", "13812341234", false), "鑫源物流公司拖欠 12 名装卸工三个月工资，多次讨要无果。",
                new Location("古楼街道物流园", null, null), null, Urgency.NORMAL), null, WorkingDay.OPERATOR, null, null)
                .order().number();
        service.dispatch(n, LABOUR, List.of(), null, null, WorkingDay.DISPATCHER, null);
        CallResult unhappy = CallResult.reached(false, Satisfaction.UNSATISFIED, "工资还是没有发");
        for (int round = 0; round < 3; round++) {
            service.acknowledge(n, handler, null);
            service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已督促企业限期支付工资。", "约谈企业负责人",
                    null, true), handler, null);
            int replies = round + 1;
            QualityApi.awaitUntil("the check of reply " + replies + " is open", () -> jdbc.sql(
                    "SELECT COUNT(*) FROM reply_check WHERE order_number = :n").param("n", n.value())
                    .query(Long.class).single() == replies);
            loop.review(n, null, true, null, REVIEWER);
            ReplyCheck check = loop.recordCallback(n, unhappy, supervisor);
            if (round == 2) {
                assertThat(service.find(n, supervisor).status()).isEqualTo(OrderStatus.REPLIED);
                assertThat(check.outcome()).hasToString("ESCALATED");
            }
        }
        return n;
    }

    @Test
    @Order(1)
    void theSupervisorLandsOnTheLateOrdersAcrossUnitsWithTheirCounts() {
        browser.signIn("supervisor1");

        assertThat(browser.path()).isEqualTo("/console/supervision");
        String text = browser.mainText();
        assertThat(text).contains("督办", "超期", "临期", "签收超期", "重办两次以上", "转督办", "并单", "区市场监督管理局",
                "区住房和城乡建设局", "已超期", "预付卡");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tabs a[href$='/escalations'] .tab-count")));
        assertThat(browser.one(".tabs a[href$='/escalations'] .tab-count").getText()).isNotEqualTo("0");
        assertThat(browser.all("#sv-" + overdue.value() + " form[data-action=SUPERVISE]")).hasSize(1);
        browser.screenshot("supervision");

        browser.clickAndWait(".tabs a[href*='kind=AT_RISK']");
        assertThat(browser.mainText()).contains("临期", "拖欠工资", "剩余");
        browser.clickAndWait(".tabs a[href*='kind=REDONE']");
        assertThat(browser.mainText()).contains("阳光小区楼顶漏水", "重办 2 次");
    }

    @Test
    @Order(2)
    void aSupervisorPressesTheUnitOnAnOverdueOrderWithOneAction() {
        browser.signIn("supervisor1");
        String row = "#sv-" + overdue.value();
        int before = service.find(overdue, WorkingDay.SUPERVISOR).supervision().count();

        browser.one(row + " form[data-action=SUPERVISE] button[type=submit]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row), "已督办。"));

        assertThat(browser.one(row).getText()).contains("督办 " + (before + 1) + " 次", "最近督办");
        assertThat(service.find(overdue, WorkingDay.SUPERVISOR).supervision().count()).isEqualTo(before + 1);
        assertThat(service.history(overdue, WorkingDay.SUPERVISOR)).last()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("已超期，请立即办理并答复市民"));
    }

    @Test
    @Order(3)
    void aSupervisorConcludesAnEscalationAndTheOrderCloses() {
        browser.signIn("supervisor1").open("/console/supervision/escalations");
        assertThat(browser.mainText()).contains("转督办工单", "鑫源物流", "已重办 2 次", "工资还是没有发");
        browser.screenshot("supervision-escalations");

        browser.type(By.id("conclusion-" + escalated.value()), "经协调，企业已与 12 名工人签订分期支付协议，首期已到账，市民表示认可。");
        browser.clickAndWait("#esc-" + escalated.value() + " form[data-action=CONCLUDE] button[type=submit]");

        assertThat(browser.mainText()).contains("已作出督办结论，工单已办结。").doesNotContain("鑫源物流");
        assertThat(service.find(escalated, WorkingDay.SUPERVISOR).status()).isEqualTo(OrderStatus.CLOSED);
        browser.open("/console/orders/" + escalated.value());
        assertThat(browser.mainText()).contains("督办办结：经协调，企业已与 12 名工人签订分期支付协议");
    }

    @Test
    @Order(4)
    void aRepeatAppealIsMergedIntoTheCallersOpenOrder() {
        browser.signIn("supervisor1").open("/console/supervision/merges?number=" + repeat.value());
        assertThat(browser.mainText()).contains("重复诉求", "同一来电人的其他在办工单", overdue.value());
        browser.screenshot("supervision-merges");

        browser.clickAndWait("form[data-action=MERGE] input[name=master][value='" + overdue.value()
                + "'] ~ button[type=submit]");

        assertThat(browser.mainText()).contains("已并单，重复诉求将随主工单办理。", repeat.value());
        assertThat(service.find(repeat, WorkingDay.SUPERVISOR).status()).isEqualTo(OrderStatus.MERGED);
        assertThat(service.find(overdue, WorkingDay.SUPERVISOR).merge().mergedCount()).isEqualTo(1);
    }
}
