package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.hotline.quality.CallResult;
import org.hotline.quality.ReviewLevel;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The quality loop's pages in a real browser, on a working Wednesday (9 December 2026) of a district center: the
 * enforcement bureau replied a dozen orders yesterday, two of which its leader must call back; the reviewer has
 * today's replies to read, the callback desk yesterday's reviewed ones. The data is made through the services, the
 * clock is the quality tests' own (so the day is the same whenever the tests run), and the database is this
 * class's own.
 */
@BrowserIntegrationTest
@Import({ QualityClock.Config.class, QualityPagesBrowserTest.SameDraw.class })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:quality-browser;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class QualityPagesBrowserTest {

    /**
     * The leader's draw from a seeded generator, so that the screenshots show the same sample on every run (the
     * application draws with SecureRandom; the test reads which orders were drawn from the service either way).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SameDraw {

        @Bean
        @Primary
        @Qualifier("quality")
        RandomGenerator seededQualityRandom() {
            return new Random(12345);
        }
    }

    private static final LocalDate YESTERDAY = LocalDate.parse("2026-12-08");
    private static final String NOW = "2026-12-09T10:00";
    private static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** The orders the tests act on, made once for the class. */
    private static OrderNumber redone;
    private static OrderNumber confidential;
    private static OrderNumber sameDayCallback;

    @Autowired
    WorkOrderService orders;

    @Autowired
    QualityLoop loop;

    @Autowired
    LeaderSamplingService sampling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    Browser browser;

    private QualityDesk desk;

    @BeforeEach
    void aWorkingWednesday() {
        desk = new QualityDesk(orders, loop, jdbc);
        if (redone == null) {
            seed();
        }
        clock.set(NOW);
    }

    // ---------------------------------------------------------------- the reviewer

    @Test
    void aReviewerSendsOneReplyBackWithAReasonAndApprovesAnotherFromTheKeyboard() {
        browser.signIn("reviewer1");
        assertThat(browser.path()).as("the reviewer's work page").startsWith("/console/review");
        assertThat(browser.one("nav.tabs").getText()).contains("区级中心审核", "市级中心审核").doesNotContain("单位领导审核");

        // every reply is scored right after it commits; the screenshot shows the score of the current one
        QualityApi.awaitUntil("the replies of " + redone + " are scored", () -> jdbc.sql("""
                SELECT COUNT(*) FROM work_order_reply r WHERE r.order_number = :n AND NOT EXISTS (SELECT 1 FROM
                reply_quality q WHERE q.order_number = r.order_number AND q.reply_seq = r.seq)""")
                .param("n", redone.value()).query(Integer.class).single() == 0);
        browser.open("/console/review?level=DISTRICT_CENTER&n=" + redone.value());
        String text = browser.mainText();
        assertThat(text).contains("东关街后巷下雨后积水没过脚踝", "已疏通后巷排水口 2 处", "社区已组织清理巷内杂物",
                "现场照片.png", "第 1 次答复", "答复只说已派人查看", "重办 1 次", "133****7007")
                .doesNotContain("13306357007");
        assertThat(browser.one("#reply-quality").getText()).as("the reply's score before the decision")
                .contains("答复质量", " 分", "完整性", "规范性");
        browser.screenshot("review");
        browser.phone().open("/console/review?level=DISTRICT_CENTER&n=" + redone.value());
        assertThat(browser.scrollsSideways()).as("the review page fits a phone's width").isFalse();
        browser.desktop().open("/console/review?level=DISTRICT_CENTER&n=" + redone.value());

        // sent back without a reason: the field says what is missing, nothing changes
        browser.clickAndWait("form[data-action=REVIEW] button[value=false]");
        assertThat(browser.one("#err-REVIEW-reason").getText()).isEqualTo("驳回必须说明理由");
        assertThat(orders.find(redone, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);

        browser.type(By.id("review-reason"), "积水点在巷口还是巷尾没有说明，请附疏通后的现场照片");
        browser.clickAndWait("form[data-action=REVIEW] button[value=false]");
        assertThat(browser.one(".alert-success").getText()).contains(redone.value(), "「区级中心审核」驳回", "重办");
        WorkOrder sentBack = orders.find(redone, QualityDesk.SUPERVISOR);
        assertThat(sentBack.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(sentBack.redoCount()).isEqualTo(2);

        // J moves to the next reply (htmx swaps the panes), A approves it
        String before = selected();
        new Actions(browser.driver()).sendKeys("j").perform();
        waitUntil(() -> !selected().equals(before));
        OrderNumber approved = new OrderNumber(selected());
        ReviewLevel level = desk.currentLevel(approved);
        assertThat(browser.path()).contains("n=" + approved.value());
        var page = browser.one("html");
        new Actions(browser.driver()).sendKeys("a").perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(org.hotline.support.Browser.replaced(page));
        assertThat(browser.one(".alert-success").getText()).contains(approved.value(), "「" + level.label() + "」通过");
        assertThat(desk.currentLevel(approved)).isNotEqualTo(level);
    }

    // ---------------------------------------------------------------- the callback desk

    @Test
    void aSupervisorCallsBackWithTheFullNumberThatNoUnitUserEverSees() {
        browser.signIn("supervisor1").open("/console/callbacks");
        assertThat(browser.mainText()).contains("待回访", "回访话术", "是否联系过您", "问题是否已经解决", "是否满意",
                "第 2 次回访");
        browser.screenshot("callbacks");
        browser.phone().open("/console/callbacks");
        assertThat(browser.scrollsSideways()).as("the callback page fits a phone's width").isFalse();
        browser.desktop().open("/console/callbacks");

        // a citizen who asked for confidentiality: the agent sees the number to dial, the unit never does
        browser.one("a.queue-item[href*='n=" + confidential.value() + "']").click();
        waitUntil(() -> selected().equals(confidential.value()));
        String phone = "13206356006";
        assertThat(browser.one("#callback-detail").getText()).contains(phone, "市民要求保密", "第 1 次回访");
        assertThat(browser.one("#callback-detail a.phone").getAttribute("href")).isEqualTo("tel:" + phone);

        // "未接通" leaves the questions for a reached citizen out
        browser.one("input[name=reached][value=false]").click();
        assertThat(browser.one("[data-if-reached]").isDisplayed()).isFalse();
        browser.one("input[name=reached][value=true]").click();
        browser.one("input[name=resolved][value=true]").click();
        browser.one("input[name=satisfaction][value=SATISFIED]").click();
        browser.type(By.id("cb-comment"), "市民表示违建已拆除，绿地已恢复");
        browser.clickAndWait("form[data-action=CALLBACK] button[type=submit]");

        assertThat(browser.one(".alert-success").getText()).contains(confidential.value(), "已解决，满意", "工单已办结");
        assertThat(orders.find(confidential, QualityDesk.SUPERVISOR).status()).isEqualTo(OrderStatus.CLOSED);

        // a call not yet due again is shown with the loop's reason and no form
        browser.open("/console/callbacks?n=" + sameDayCallback.value());
        assertThat(browser.one("#callback-detail").getText()).contains("上次未接通，下次回访应在 2026-12-10 08:30 之后");
        assertThat(browser.all("form[data-action=CALLBACK]")).isEmpty();

        for (String unitUser : List.of("zf-handler", "zf-leader")) {
            browser.reset();
            browser.signIn(unitUser);
            for (String path : List.of("/console/orders/" + confidential.value(), "/console/orders",
                    "/console/orders?q=" + "兴华小区", "/console/callbacks", "/console/review",
                    "/console/review?n=" + confidential.value(), "/console/leader-samples")) {
                browser.open(path);
                assertThat(browser.pageSource()).as(unitUser + " " + path).doesNotContain(phone);
            }
        }
    }

    // ---------------------------------------------------------------- the unit's leader

    @Test
    void aLeaderRecordsTheDaysCallsAndSignsThemWithThePasswordAfterAWrongOne() {
        List<LeaderSamples.Sample> sample = sampling.samplesFor(QualityDesk.leader(QualityDesk.ENFORCEMENT), null,
                YESTERDAY);
        assertThat(sample).hasSize(2);
        String first = sample.get(0).order().value();
        String second = sample.get(1).order().value();

        browser.signIn("zf-leader");
        browser.clickAndWait("nav.menu a[href='/console/leader-samples']");
        String text = browser.mainText();
        assertThat(text).contains("2026-12-08", "抽访 2 件", "签署期限 2026-12-09 17:30", first, second,
                sample.get(0).citizen().phone(), sample.get(1).citizen().phone());

        browser.phone();
        browser.open("/console/leader-samples");
        assertThat(browser.scrollsSideways()).as("the page fits a phone's width").isFalse();
        browser.screenshot("leader-samples-phone");
        browser.desktop();

        browser.one("input[name='reached." + first + "'][value=true]").click();
        browser.one("input[name='resolved." + first + "'][value=true]").click();
        browser.one("input[name='satisfaction." + first + "'][value=BASICALLY_SATISFIED]").click();
        browser.type(By.id("comment-" + first), "市民说问题解决了，希望以后巡查勤一些");
        browser.one("input[name='reached." + second + "'][value=false]").click();
        browser.type(By.id("comment-" + second), "上午两次拨打均无人接听");
        browser.type(By.id("password-2026-12-08"), "demo12");
        browser.screenshot("leader-samples");

        browser.clickAndWait("form[data-day='2026-12-08'] button[type=submit]");
        assertThat(browser.one("#err-sign-password").getText()).isEqualTo("密码错误，签署未生效");
        assertThat(browser.one("input[name='satisfaction." + first + "'][value=BASICALLY_SATISFIED]").isSelected())
                .as("the calls recorded stay in the form").isTrue();
        assertThat(browser.one("#password-2026-12-08").getAttribute("value")).isEmpty();
        assertThat(sampling.samplesFor(QualityDesk.leader(QualityDesk.ENFORCEMENT), null, YESTERDAY))
                .allSatisfy(s -> assertThat(s.completedAt()).isNull());

        browser.type(By.id("password-2026-12-08"), Browser.DEMO_PASSWORD);
        browser.clickAndWait("form[data-day='2026-12-08'] button[type=submit]");
        assertThat(browser.one(".alert-success").getText()).isEqualTo("已签署 2026-12-08 的 2 件抽访，签署时间 2026-12-09 10:00。");
        String day = browser.one("section[aria-labelledby='h-day-2026-12-08']").getText();
        assertThat(day).contains("已于 2026-12-09 10:00 签署", "已解决，基本满意", "未接通", "上午两次拨打均无人接听");
        assertThat(browser.all("#password-2026-12-08")).as("a signed day is read-only").isEmpty();
        assertThat(sampling.samplesFor(QualityDesk.leader(QualityDesk.ENFORCEMENT), null, YESTERDAY))
                .allSatisfy(s -> assertThat(s.completedAt()).isEqualTo(clock.instant()));
    }

    // ---------------------------------------------------------------- helpers

    /** The number of the item the detail pane shows. */
    private String selected() {
        return browser.one(".detail .detail-head h2 a").getText();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    // ---------------------------------------------------------------- the district's week so far

    private void seed() {
        // Monday: a flooded back lane, handled with 古楼街道; the first reply is sent back on Tuesday
        clock.set("2026-12-07T09:05");
        redone = desk.inProgress("东关街后巷下雨后积水没过脚踝，老人出不了门，排水口像是堵了。", new Citizen("赵大爷", "13306357007", false),
                "古楼街道东关街后巷", "09.05.03", Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of(QualityDesk.GULOU));
        clock.set("2026-12-07T11:20");
        orders.attach(redone, "现场照片.png", "image/png", PHOTO, QualityDesk.handler(QualityDesk.ENFORCEMENT));
        desk.coUnitPart(redone, QualityDesk.GULOU, "社区已组织清理巷内杂物，排水口周边已清空");
        clock.set("2026-12-07T15:40");
        desk.reply(redone, QualityDesk.ENFORCEMENT, "已派人查看现场。", null, null);
        clock.set("2026-12-08T09:10");
        desk.review(redone, QualityDesk.REVIEWER, false, "答复只说已派人查看，未说明排水口是否疏通、积水是否排净");

        // Tuesday: the enforcement bureau replies a dozen orders (two of the citizens asked for confidentiality)
        String[][] day = {
                { "东关街与柳园路交叉口早市占道经营，三轮车堵住人行道，早上七点到九点行人只能走机动车道。", "东关街与柳园路交叉口", "09.01.01", "钱大爷", "13306351111",
                        "已安排中队在早市时段巡查，劝导摊贩进入东关市场内经营，人行道已恢复通行。" },
                { "光明小区南门烧烤店油烟直排，晚上十点后还在营业，整栋楼窗户不敢开。", "光明小区南门", "05.01.03", "王女士", "13812341234",
                        "已责令烧烤店安装油烟净化设施，整改前暂停露天烧烤。" },
                { "花园路 18 号楼顶有人私搭彩钢板房，担心不安全。", "古楼街道花园路 18 号", "09.03.01", "李先生", "13963501234",
                        "经现场核查属违法建设，已下达限期拆除通知书，逾期将依法强制拆除。" },
                { "建设路人行道上的路灯连续一周不亮，晚上走路看不清。", "建设路", "09.05.01", "孙女士", "13806351001",
                        "已联系路灯所更换损坏灯具 3 盏，现已恢复照明。" },
                { "湖滨小区垃圾桶满了三天没人清运，气味很大。", "湖滨小区", "09.02.01", "周先生", "13906352002",
                        "已督促环卫公司当日清运，并将该点位清运频次调整为每日两次。" },
                { "柳园路上有商户在人行道上摆放广告牌，占了盲道。", "柳园路", "09.01.02", "吴女士", "15106353003",
                        "已责令商户移除广告牌，盲道已恢复畅通。" },
                { "新华路夜市收摊后垃圾遍地，第二天早上还没人打扫。", "新华路夜市", "09.02.03", "郑先生", "13706354004",
                        "已要求夜市管理方收摊后一小时内清扫完毕，环卫加派早班保洁。" },
                { "东昌路绿化带里的树枝伸到二楼窗户，刮风时打玻璃。", "东昌路 66 号", "09.04.02", "冯女士", "18806355005",
                        "园林班组已修剪越界树枝。" },
                { "兴华小区 3 号楼一楼住户把院子扩建到公共绿地上，请不要透露我的信息。", "兴华小区 3 号楼", "09.03.02", "陈先生", "13206356006",
                        "经核查属实，已责令当事人限期拆除扩建部分并恢复绿地。" },
                { "花园路农贸市场门口的流动摊贩占用消防通道。", "花园路农贸市场", "09.01.01", "褚女士", "13506357008",
                        "已联合市场管理方清理消防通道，设置隔离护栏。" },
                { "卫育路排水口堵塞，下雨就积水。", "卫育路", "09.05.03", "卫先生", "13606358009",
                        "已疏通排水口，清出淤泥约 0.5 立方米。" },
                { "运河路公厕夜间锁门，附近摆摊的没地方上厕所。", "运河路公厕", "09.02.02", "蒋先生", "15206359010",
                        "已协调管理单位将该公厕开放时间延长至 23 点。" } };
        OrderNumber[] tuesday = new OrderNumber[day.length];
        for (int i = 0; i < day.length; i++) {
            clock.set("2026-12-08T" + String.format("%02d:%02d", 9 + i / 3, 5 + (i % 3) * 17));
            boolean secret = i == 8 || i == 9;
            tuesday[i] = desk.inProgress(day[i][0], new Citizen(day[i][3], day[i][4], secret), day[i][1], day[i][2],
                    Urgency.NORMAL, QualityDesk.ENFORCEMENT, List.of());
            clock.set("2026-12-08T" + String.format("%02d:%02d", 13 + i / 3, 35 + (i % 3) * 7));
            desk.reply(tuesday[i], QualityDesk.ENFORCEMENT, day[i][5], null, i == 2 ? "当事人系该楼住户，态度抵触" : null);
        }
        confidential = tuesday[8];
        // night-time building work: three review levels; the bureau's leader passed the first this morning
        clock.set("2026-12-08T16:50");
        OrderNumber building = desk.inProgress("柳园街道新城工地夜间施工噪音很大，凌晨两点还在打桩，孩子没法睡觉。",
                new Citizen("韩女士", "13306358888", false), "柳园街道新城工地", "01.02.01", Urgency.NORMAL,
                QualityDesk.ENFORCEMENT, List.of());
        desk.reply(building, QualityDesk.ENFORCEMENT, "已责令施工单位停止夜间施工，确需连续作业须办理夜间施工许可并公示。",
                "夜间巡查 2 次", null);

        // Tuesday afternoon: the reviewer passes five; the desk calls one of them in vain
        clock.set("2026-12-08T16:00");
        for (int i : new int[] { 0, 1, 3, 8, 9 }) {
            desk.review(tuesday[i], QualityDesk.REVIEWER, true, null);
        }
        clock.set("2026-12-08T16:40");
        loop.recordCallback(tuesday[3], CallResult.notReached("关机"), QualityDesk.SUPERVISOR);

        // the night's draw of Tuesday
        clock.set("2026-12-09T00:30");
        sampling.draw(YESTERDAY);

        // Wednesday morning: the bureau's leader passes the building site; new replies come in
        clock.set("2026-12-09T08:45");
        desk.review(building, QualityDesk.leader(QualityDesk.ENFORCEMENT), true, null);
        clock.set("2026-12-09T08:50");
        orders.acknowledge(redone, QualityDesk.handler(QualityDesk.ENFORCEMENT), null);
        desk.reply(redone, QualityDesk.ENFORCEMENT,
                "已疏通后巷排水口 2 处，清出淤泥和杂物，积水已于当日排净；已将该点位列入汛期重点巡查。", "疏通排水口 2 处，清淤约 0.3 立方米",
                "巷口排水管老化，已报区住建局列入明年改造计划");
        clock.set("2026-12-09T09:05");
        desk.replied("楼道里堆满杂物，消防通道堵了，物业不管。", new Citizen("郝先生", "13963507777", false), "古楼街道光明小区 5 号楼",
                "10.04.01", QualityDesk.GULOU, "社区已组织物业和志愿者清理楼道杂物，消防通道已畅通。");
        clock.set("2026-12-09T09:15");
        desk.replied("超市卖的酸奶过期三天了还在货架上。", new Citizen("孙女士", "13806352222", false), "东昌路 8 号超市",
                "08.01.03", QualityDesk.MARKET, "已现场检查，责令超市下架过期酸奶 12 盒，立案调查。");
        clock.set("2026-12-09T09:25");
        OrderNumber manhole = desk.inProgress("建设路一处井盖缺失，已经有电动车差点掉进去，很危险。", new Citizen("秦师傅", "15206351234", false),
                "建设路与卫育路路口", "09.05.02", Urgency.URGENT, QualityDesk.ENFORCEMENT, List.of());
        desk.reply(manhole, QualityDesk.ENFORCEMENT, "已设置围挡警示，井盖已于当日补装。", null, null);
        // a call made early this morning that did not get through: due again tomorrow
        clock.set("2026-12-09T09:40");
        sameDayCallback = tuesday[1];
        loop.recordCallback(sameDayCallback, CallResult.notReached("无人接听"), QualityDesk.SUPERVISOR);
        clock.set(NOW);
    }
}
