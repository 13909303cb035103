package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.UnitId;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.support.Photos;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.hotline.workorder.WorkOrders;
import org.hotline.workorder.internal.OrderNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 待办 in a real browser, for 道口铺街道 on an ordinary working day: orders late, nearly late and fresh, a return under
 * review, a redo, and two parts it owes as co-unit. The handler works on a phone: acknowledges from the list, opens
 * the order, asks for more time, adds a photo and a note, and replies; the co-unit delivers its part; and an order of
 * another unit, opened by its address, does not exist for them.
 */
@BrowserIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitInboxBrowserTest {

    static final UnitId DAOKOUPU = new UnitId("dcf-daokoupu");
    static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    static final UnitId HUXI = new UnitId("dcf-huxi");
    static final String HANDLER = "dkp-handler";

    private static boolean seeded;
    private static OrderNumber fresh;
    private static OrderNumber fresh2;
    private static OrderNumber owedPart;

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

    Browser browser;

    @BeforeEach
    void anOrdinaryWorkingDay() {
        if (seeded) {
            return;
        }
        String base = browser.url("");
        WorkingDay.user(base, HANDLER, "道口铺街道承办人", "UNIT_HANDLER", DAOKOUPU.value());
        WorkingDay.user(base, "huxi-h", "湖西街道承办人", "UNIT_HANDLER", HUXI.value());
        WorkingDay day = new WorkingDay(orders, numbers, deadlines, calendar, clock);
        Instant now = day.now();

        day.store(day.acknowledged(day.supervised(day.dispatched(day.daysAgo(9), DAOKOUPU, List.of(),
                "光明小区3号楼下水道堵塞，污水从井口外溢一周了，楼下商户门口全是污水，多次找物业没人管。", "道口铺街道光明小区3号楼",
                new Citizen("刘女士", "13963512873", false), "09.05.03", Urgency.NORMAL), "已超期，请今日内答复市民",
                now.minus(Duration.ofHours(20))), day.daysAgo(9).plus(Duration.ofHours(1))));
        day.store(day.dispatched(day.acknowledgementMissed(), DAOKOUPU, List.of(),
                "建设路与道口铺街交叉口东南角路灯连续三晚不亮，路口车多，晚上接孩子很危险。", "道口铺街建设路口",
                new Citizen("王先生", "13806356622", false), "09.05.01", Urgency.NORMAL));
        Instant risky = day.leaving(Duration.ofHours(3), Duration.ofHours(6));
        day.store(day.acknowledged(day.dispatched(risky, DAOKOUPU, List.of(),
                "幸福里小区南门外每天早上占道卖菜，车辆进出困难，希望街道管理。", "道口铺街道幸福里小区南门",
                new Citizen("孙先生", "15065318890", false), "09.01.01", Urgency.NORMAL), risky.plus(Duration.ofMinutes(40))));
        Instant calm = day.leaving(Duration.ofHours(22), Duration.ofHours(30));
        day.store(day.acknowledged(day.dispatched(calm, DAOKOUPU, List.of(),
                "楼上住户在楼道里堆放大量纸箱杂物，担心有火灾隐患，请街道协调清理。", "道口铺街道东苑小区6号楼",
                new Citizen("周女士", "18706350021", true), "01.01.01", Urgency.NORMAL), calm.plus(Duration.ofHours(1))));
        WorkOrder redo = day.acknowledged(day.dispatched(day.daysAgo(6), DAOKOUPU, List.of(),
                "小区垃圾桶满了好几天没人清运，天热有异味，苍蝇很多。", "道口铺街道兴华小区",
                new Citizen("陈先生", "13863519976", false), "09.02.01", Urgency.NORMAL), day.daysAgo(6).plus(Duration.ofHours(2)));
        day.redone(redo, day.daysAgo(4), day.leaving(Duration.ofHours(30), Duration.ofHours(40)));
        day.store(day.acknowledged(redo, day.now().minus(Duration.ofHours(1))));
        Instant returnAt = now.minus(Duration.ofHours(3));
        day.store(day.returning(day.dispatched(returnAt.minus(Duration.ofHours(2)), DAOKOUPU, List.of(),
                "湖西街道滨河小区门口下水井盖松动，踩上去会翻。", "湖西街道滨河小区", new Citizen("赵先生", "13706351180", false),
                "09.05.02", Urgency.NORMAL), HUXI, "该小区属湖西街道辖区，不在本街道范围", returnAt));
        day.store(day.dispatched(now.minus(Duration.ofHours(2)), DAOKOUPU, List.of(),
                "道口铺卫生院门口马路上有一处塌陷坑，已有电动车摔倒，请尽快处置。", "道口铺卫生院门口",
                new Citizen("马女士", "13589402217", false), "09.05.02", Urgency.URGENT));
        day.store(day.dispatched(day.daysAgo(7), ENFORCEMENT, List.of(DAOKOUPU),
                "道口铺街道农贸市场周边流动摊贩夜间经营，油烟和噪音扰民。", "道口铺街道农贸市场",
                new Citizen("李先生", "13906359901", false), "09.01.01", Urgency.NORMAL));
        owedPart = day.store(day.dispatched(now.minus(Duration.ofHours(1)), ENFORCEMENT, List.of(DAOKOUPU),
                "光明路沿街商户乱搭建雨棚，占用人行道，行人只能走机动车道。", "道口铺街道光明路",
                new Citizen("吴先生", "13256357714", false), "09.03.02", Urgency.NORMAL)).number();
        fresh = dispatchedNow("东苑小区北门对面工地夜间施工到凌晨一点，噪声很大，影响休息。", "道口铺街道东苑小区北门");
        fresh2 = dispatchedNow("幸福路公交站台顶棚破损漏雨，候车群众淋雨。", "道口铺街道幸福路站");
        seeded = true;
    }

    private OrderNumber dispatchedNow(String content, String address) {
        OrderNumber n = service.register(new WorkOrder.Appeal(org.hotline.workorder.Channel.PHONE,
                org.hotline.workorder.AppealType.COMPLAINT, new Citizen("何先生", "13011112222", false), content,
                new org.hotline.workorder.Location(address, null, null), "09.05.01", Urgency.NORMAL), null,
                WorkingDay.OPERATOR, null, null).order().number();
        service.dispatch(n, DAOKOUPU, List.of(), null, null, WorkingDay.DISPATCHER, null);
        return n;
    }

    private Browser signedIn() {
        browser.open("/login");
        browser.type(By.id("username"), HANDLER);
        browser.type(By.id("password"), WorkingDay.PASSWORD);
        browser.clickAndWait("form[action='/login'] button[type=submit]");
        return browser;
    }

    @Test
    @Order(1)
    void theInboxShowsWhatIsDueFirstInWordsAndColour() {
        signedIn();

        assertThat(browser.path()).isEqualTo("/console/inbox");
        String text = browser.mainText();
        assertThat(text).contains("待办工单", "道口铺街道", "超期", "临期", "正常", "已超期", "剩余", "待签收", "协办工单",
                "区综合行政执法局", "退回审核中", "重办 1 次", "督办 1 次");
        assertThat(browser.all("tr.row-due-overdue")).as("late lines, in red").isNotEmpty();
        assertThat(browser.all("tr.row-due-at-risk")).as("nearly late, in orange").isNotEmpty();
        assertThat(browser.one("#inbox-counters .counter-overdue .counter-n").getText()).isNotEqualTo("0");
        assertThat(text).doesNotContain("18706350021").as("the confidential citizen's number stays masked");
        browser.screenshot("unit-inbox");

        browser.phone().open("/console/inbox");
        assertThat(browser.scrollsSideways()).as("the inbox fits a phone's width").isFalse();
        browser.screenshot("unit-inbox-phone");
    }

    @Test
    @Order(2)
    void aCounterNarrowsTheLists() {
        signedIn();

        browser.clickAndWait("#inbox-counters .counter-overdue");

        assertThat(browser.path()).isEqualTo("/console/inbox?filter=OVERDUE");
        assertThat(browser.all("tbody tr.work-row")).isNotEmpty().allSatisfy(
                row -> assertThat(row.getAttribute("class")).contains("row-due-overdue"));
        assertThat(browser.one(".counter.active").getText()).contains("超期");
    }

    @Test
    @Order(3)
    void onAPhoneTheHandlerAcknowledgesFromTheListThenHandlesTheOrderToItsReply() throws Exception {
        browser.phone();
        signedIn();
        String row = "#led-" + fresh.value();

        browser.one(row + " form[data-action=ACKNOWLEDGE] button").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(row), "已签收。"));

        assertThat(browser.one(row).getText()).contains("办理中", "答复时限").doesNotContain("签收时限");
        assertThat(browser.all(row + " form[data-action=ACKNOWLEDGE]")).isEmpty();
        assertThat(browser.path()).as("no page load: the line changed in place").isEqualTo("/console/inbox");
        assertThat(service.find(fresh, WorkingDay.SUPERVISOR).status()).isEqualTo(OrderStatus.IN_PROGRESS);

        browser.clickAndWait(row + " a.button");
        assertThat(browser.path()).isEqualTo("/console/orders/" + fresh.value());
        assertThat(browser.scrollsSideways()).isFalse();

        // more time, with a reason
        browser.one("details:has(form[data-action=REQUEST_EXTENSION]) > summary").click();
        browser.type(By.id("ext-days"), "3");
        browser.type(By.id("ext-reason"), "需协调施工单位和城管执法中队联合夜查，取证需要时间");
        browser.clickAndWait("form[data-action=REQUEST_EXTENSION] button[type=submit]");
        assertThat(browser.mainText()).contains("已提交延期申请", "待审批延期 3 个工作日");

        // a photo from the site (a real JPEG) and a note
        Path photo = Files.createTempFile("夜间施工现场", ".jpg");
        Files.write(photo, Photos.jpeg(true));
        browser.one("details:has(form[data-action=ATTACH]) > summary").click();
        assertThat(browser.one("#att-camera").getAttribute("capture")).isEqualTo("environment");
        browser.one("#att-camera").sendKeys(photo.toAbsolutePath().toString());
        browser.clickAndWait("form[data-action=ATTACH]:has(#att-camera) button[type=submit]");
        assertThat(browser.mainText()).contains("附件已上传。", photo.getFileName().toString());
        Files.deleteIfExists(photo);

        browser.one("details:has(form[data-action=NOTE]) > summary").click();
        browser.type(By.id("note-text"), "22:40 到现场核实，工地仍在浇筑混凝土，已要求停工并拍照留证");
        browser.clickAndWait("form[data-action=NOTE] button[type=submit]");
        assertThat(browser.mainText()).contains("办理记录已保存。", "内部记录", "已要求停工并拍照留证");

        // the reply, with the appeal beside it
        browser.one("details:has(form[data-action=REPLY]) > summary").click();
        assertThat(browser.one("form[data-action=REPLY] .appeal-quote").getText()).contains("夜间施工到凌晨一点");
        new Select(browser.one("#reply-outcome")).selectByValue("RESOLVED");
        browser.type(By.id("reply-public"), "经街道联合城管执法中队夜查，已责令该工地夜间停止施工，并在工地门口公示施工时间。");
        browser.type(By.id("reply-internal"), "施工单位负责人已签字承诺，下周复查");
        browser.one("#reply-contacted").click();
        browser.clickAndWait("form[data-action=REPLY] button[type=submit]");

        assertThat(browser.mainText()).contains("已答复，等待审核和回访。", "已答复");
        assertThat(browser.scrollsSideways()).isFalse();
        WorkOrder replied = service.find(fresh, WorkingDay.SUPERVISOR);
        assertThat(replied.status()).isEqualTo(OrderStatus.REPLIED);
        assertThat(service.history(fresh, WorkingDay.SUPERVISOR)).extracting(HistoryEntry::action)
                .contains(OrderAction.REQUEST_EXTENSION, OrderAction.ATTACH, OrderAction.NOTE, OrderAction.REPLY);
    }

    @Test
    @Order(4)
    void theCoUnitDeliversItsPartFromItsInbox() {
        browser.phone();
        signedIn();
        String row = "#part-" + owedPart.value();

        browser.one(row + " form[data-action=CO_UNIT_ACKNOWLEDGE] button").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(row), "已协办签收。"));
        browser.clickAndWait(row + " a.button");

        browser.one("details:has(form[data-action=CO_UNIT_SUBMIT]) > summary").click();
        browser.type(By.id("co-contribution"), "街道已约谈沿街商户 6 家，4 家已自行拆除雨棚，其余 2 家限期本周内拆除。");
        browser.clickAndWait("form[data-action=CO_UNIT_SUBMIT] button[type=submit]");

        assertThat(browser.mainText()).contains("已提交协办意见", "已提交", "4 家已自行拆除雨棚");
        assertThat(service.find(owedPart, WorkingDay.SUPERVISOR).coUnit(DAOKOUPU).orElseThrow().hasSubmitted()).isTrue();
        browser.open("/console/inbox?filter=CO_UNIT");
        assertThat(browser.all("#part-" + owedPart.value())).as("delivered: no longer owed").isEmpty();
    }

    @Test
    @Order(5)
    void anotherUnitsOrderOpenedByItsAddressDoesNotExist() {
        OrderNumber huxis = service.register(new WorkOrder.Appeal(org.hotline.workorder.Channel.PHONE,
                org.hotline.workorder.AppealType.COMPLAINT, new Citizen("钱女士", "13811112222", false),
                "湖西街道某小区电梯困人", new org.hotline.workorder.Location("湖西街道", null, null), null, Urgency.NORMAL),
                null, WorkingDay.OPERATOR, null, null).order().number();
        service.dispatch(huxis, HUXI, List.of(), null, null, WorkingDay.DISPATCHER, null);
        browser.phone();
        signedIn();

        browser.open("/console/orders/" + huxis.value());

        assertThat(browser.title()).contains("页面不存在");
        assertThat(browser.mainText()).contains("404").doesNotContain("电梯困人", "钱女士");
        assertThat(fresh2).isNotNull();
    }
}
