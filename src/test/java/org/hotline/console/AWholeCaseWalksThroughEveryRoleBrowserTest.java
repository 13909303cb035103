package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.hotline.dispatch.FakeDispatchModel;
import org.hotline.quality.ReviewLevel;
import org.hotline.quality.ReviewLevels;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.support.Photos;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One citizen's call, from the phone ringing to the leader's signature, walked by every person it passes through,
 * each in their own page of the console in a real browser, on an ordinary Wednesday and the Thursday after.
 *
 * <p>At 09:00 Mrs Chen calls: after the rain the lane behind 东关社区 is flooded up to the ankle and the old people
 * cannot get out. The operator registers the call on the intake screen while the AI suggests the enforcement
 * bureau. The dispatcher knows better: a blocked drain in a community lane is for the street office, and
 * dispatches it to 古楼街道 instead. The street office's handler acknowledges it from the inbox, adds a photo of
 * the site and replies, with a public reply and an internal note. The reviewer finds the reply says nothing about
 * whether the water is gone and sends it back with that reason; the handler reads the reason on the order page,
 * does the work again and replies again; the reviewer approves it at every level the category needs. The
 * callback agent reaches Mrs Chen, who says it is resolved and she is satisfied: the order closes. That night the
 * draw gives the street office's leader this order (the only one the office replied that day); on Thursday
 * morning the leader calls her too and signs the day's sample with the password. The director's dashboard,
 * narrowed to the street office, counts it in the month's intake and in the satisfaction rate; the figure opens the
 * order, whose timeline tells the whole story.
 *
 * <p>Every step is taken by clicking and typing in the console; the services and the database are used only to
 * set the clock, to stand in for the nightly draw (the timer is off in tests) and to read back what happened.
 * The application's clock is this test's own, and so is the database.
 */
@BrowserIntegrationTest
@Import({ FakeDispatchModel.class, AWholeCaseWalksThroughEveryRoleBrowserTest.StoryClock.Config.class })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:whole-case-browser;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class AWholeCaseWalksThroughEveryRoleBrowserTest {

    /** The application's clock, moved by the story from one step to the next (Beijing times). */
    static final class StoryClock extends Clock {

        static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

        private volatile Instant now = LocalDateTime.parse("2026-12-09T08:00").atZone(ZONE).toInstant();

        void set(String beijingTime) {
            now = LocalDateTime.parse(beijingTime).atZone(ZONE).toInstant();
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Config {

            @Bean
            @Primary
            StoryClock storyClock() {
                return new StoryClock();
            }
        }
    }

    static final String PHONE = "13906351288";
    static final String DAY = "2026-12-09";
    static final String GULOU = "古楼街道";
    static final String ENFORCEMENT = "区综合行政执法局";
    static final String SEND_BACK_REASON = "答复只说已派人清理，没有说明排水口是否疏通、巷内积水是否排净，请补充处置结果";
    static final Actor READER = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);

    @Autowired
    StoryClock clock;

    @Autowired
    WorkOrderService orders;

    @Autowired
    ReviewLevels reviewLevels;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @Test
    void aFloodedLaneIsRegisteredDispatchedHandledSentBackRedoneApprovedCalledBackSampledAndCounted() throws Exception {
        OrderNumber n = theOperatorRegistersTheCall();
        theDispatcherCorrectsTheSuggestion(n);
        theHandlerAcknowledgesAddsAPhotoAndReplies(n);
        theReviewerSendsItBack(n);
        theUnitRedoesIt(n);
        theReviewerApprovesEveryLevel(n);
        theCallbackAgentRecordsASatisfiedCitizen(n);
        theLeaderSignsTheNextMorning(n);
        theDirectorSeesItCounted(n);
        theOrderPageTellsTheWholeStory(n);
    }

    // ---------------------------------------------------------------- Wednesday

    private OrderNumber theOperatorRegistersTheCall() {
        clock.set(DAY + "T09:02");
        browser.signIn("operator1");
        assertThat(browser.path()).isEqualTo("/console/intake");
        browser.type(By.id("f-phone"), PHONE);
        browser.type(By.id("f-name"), "陈女士");
        browser.one("#f-type-COMPLAINT").click();
        browser.type(By.id("f-content"), "东关社区光明巷下雨后积水没过脚踝，排水口堵了，巷里的老人出不了门");
        browser.type(By.id("f-address"), "古楼街道东关社区光明巷");
        // the suggestion follows the typing (htmx swaps it): waited for until it shows the address's matter
        waitUntil(() -> browser.one(".assist-suggestion").getText().contains(ENFORCEMENT)
                && browser.one(".assist-suggestion").getText().contains("排水管网堵塞"));

        browser.clickAndWait("#submit-register");
        WebElement done = browser.one("[data-done]");
        assertThat(done.getText()).contains("已受理，工单编号", "待派单");
        OrderNumber n = new OrderNumber(browser.one("[data-done] a.mono").getText());
        assertThat(orders.find(n, READER).status()).isEqualTo(OrderStatus.REGISTERED);
        browser.signOut();
        return n;
    }

    private void theDispatcherCorrectsTheSuggestion(OrderNumber n) {
        clock.set(DAY + "T09:10");
        browser.signIn("dispatcher1");
        assertThat(browser.path()).isEqualTo("/console/dispatch");
        String row = "article[data-number='" + n.value() + "']";
        assertThat(browser.one(row + " tr[data-rank='1']").getText()).as("the AI's first suggestion")
                .contains(ENFORCEMENT);

        browser.clickAndWait(row + " a.item-action");
        assertThat(browser.one("li[data-rank='1'] strong").getText()).isEqualTo(ENFORCEMENT);
        assertThat(new Select(browser.one("#d-lead")).getFirstSelectedOption().getText())
                .as("prefilled with the first suggestion").isEqualTo(ENFORCEMENT);
        new Select(browser.one("#d-lead")).selectByValue("dcf-gulou");
        browser.type(By.id("d-note"), "巷内排水口堵塞，由属地街道就近组织疏通更快");
        browser.clickAndWait("form[data-action=DISPATCH] button[type=submit]");

        assertThat(browser.one("[data-done]").getText()).contains(n.value(), GULOU);
        WorkOrder dispatched = orders.find(n, READER);
        assertThat(dispatched.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(dispatched.leadUnit().value()).isEqualTo("dcf-gulou");
        // the correction reaches the dispatch record after the commit, as a person's change of the suggestion
        until(() -> Boolean.TRUE.equals(jdbc.sql("SELECT human_changed FROM dispatch_record WHERE order_number = :n")
                .param("n", n.value()).query(Boolean.class).optional().orElse(null)));
        browser.signOut();
    }

    private void theHandlerAcknowledgesAddsAPhotoAndReplies(OrderNumber n) throws Exception {
        clock.set(DAY + "T09:40");
        browser.signIn("gulou-handler");
        assertThat(browser.path()).isEqualTo("/console/inbox");
        String row = "#led-" + n.value();
        assertThat(browser.one(row).getText()).contains("待签收", "光明巷");
        browser.one(row + " form[data-action=ACKNOWLEDGE] button").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row), "已签收。"));
        assertThat(browser.one(row).getText()).contains("办理中");

        clock.set(DAY + "T10:35");
        browser.clickAndWait(row + " a.button");
        assertThat(browser.path()).isEqualTo("/console/orders/" + n.value());
        assertThat(browser.one(".page-head").getText()).contains("办理中");
        Path photo = Files.createTempDirectory("whole-case").resolve("光明巷积水现场.jpg");
        Files.write(photo, Photos.jpeg(true));
        try {
            browser.one("details:has(form[data-action=ATTACH]) > summary").click();
            browser.one("#att-file").sendKeys(photo.toAbsolutePath().toString());
            browser.clickAndWait("form[data-action=ATTACH]:has(#att-file) button[type=submit]");
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(photo.getParent());
        }
        assertThat(browser.mainText()).contains("附件已上传。", "光明巷积水现场.jpg");

        clock.set(DAY + "T11:20");
        reply("已安排人员到现场清理。", "巷口排水口被落叶和塑料袋堵塞");
        browser.signOut();
    }

    private void theReviewerSendsItBack(OrderNumber n) {
        clock.set(DAY + "T14:00");
        ReviewLevel first = levels(n).get(0);
        signInToReview(first);
        pick(n, "#review-panes");
        assertThat(browser.one("#review-detail").getText()).contains("东关社区光明巷下雨后积水", "已安排人员到现场清理。",
                "光明巷积水现场.jpg", "第 1 次答复", GULOU);

        browser.type(By.id("review-reason"), SEND_BACK_REASON);
        browser.clickAndWait("form[data-action=REVIEW] button[value=false]");
        assertThat(browser.one(".alert-success").getText()).contains(n.value(), "「" + first.label() + "」驳回", "重办");
        WorkOrder sentBack = orders.find(n, READER);
        assertThat(sentBack.status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(sentBack.redoCount()).isEqualTo(1);
        browser.signOut();
    }

    private void theUnitRedoesIt(OrderNumber n) {
        clock.set(DAY + "T14:30");
        browser.signIn("gulou-handler");
        String row = "#led-" + n.value();
        assertThat(browser.one(row).getText()).contains("重办 1 次", "待签收");
        browser.clickAndWait(row + " a.button");
        assertThat(browser.one(".page-head").getText()).contains("待签收");
        assertThat(browser.one(".timeline").getText()).as("the reason, shown to the unit")
                .contains("重办", SEND_BACK_REASON);

        browser.clickAndWait("form[data-action=ACKNOWLEDGE] button");
        assertThat(browser.mainText()).contains("已签收。");
        assertThat(browser.one(".page-head").getText()).contains("办理中");

        clock.set(DAY + "T15:40");
        reply("已疏通光明巷排水口 2 处，清出落叶淤泥约 0.2 立方米，巷内积水当日下午已排净，老人出行已无影响；"
                + "该点位已列入汛期重点巡查。", "排水口上游管道老化，已报区住建局列入改造计划");
        browser.signOut();
    }

    private void theReviewerApprovesEveryLevel(OrderNumber n) {
        clock.set(DAY + "T16:05");
        List<ReviewLevel> levels = levels(n);
        for (ReviewLevel level : levels) {
            signInToReview(level);
            pick(n, "#review-panes");
            assertThat(browser.one("#review-detail").getText()).contains("第 2 次答复", "已疏通光明巷排水口 2 处",
                    SEND_BACK_REASON);
            browser.clickAndWait("form[data-action=REVIEW] button[value=true]");
            assertThat(browser.one(".alert-success").getText()).contains(n.value(), "「" + level.label() + "」通过");
            browser.signOut();
        }
        assertThat(orders.find(n, READER).status()).as("passed, waiting for the callback")
                .isEqualTo(OrderStatus.REPLIED);
    }

    private void theCallbackAgentRecordsASatisfiedCitizen(OrderNumber n) {
        clock.set(DAY + "T16:40");
        browser.signIn("supervisor1");
        browser.clickAndWait("nav.menu a[href='/console/callbacks']");
        pick(n, "#callback-panes");
        String detail = browser.one("#callback-detail").getText();
        assertThat(detail).contains(PHONE, "陈女士", "第 1 次回访", "已疏通光明巷排水口 2 处");

        browser.one("input[name=reached][value=true]").click();
        browser.one("input[name=resolved][value=true]").click();
        browser.one("input[name=satisfaction][value=SATISFIED]").click();
        browser.type(By.id("cb-comment"), "陈女士说排水口通了，巷子里不再积水，很满意");
        browser.clickAndWait("form[data-action=CALLBACK] button[type=submit]");

        assertThat(browser.one(".alert-success").getText()).contains(n.value(), "已解决，满意", "工单已办结");
        assertThat(orders.find(n, READER).status()).isEqualTo(OrderStatus.CLOSED);
        browser.signOut();
    }

    // ---------------------------------------------------------------- Thursday

    private void theLeaderSignsTheNextMorning(OrderNumber n) throws Exception {
        // the night's draw (the timer is off in tests: the administrator's run of it, as after an outage)
        clock.set("2026-12-10T00:30");
        adminPost("/api/v1/admin/quality/leader-samples/draws?day=" + DAY);

        clock.set("2026-12-10T09:30");
        browser.signIn("gulou-leader");
        browser.clickAndWait("nav.menu a[href='/console/leader-samples']");
        String day = browser.one("section[aria-labelledby='h-day-" + DAY + "']").getText();
        assertThat(day).contains(DAY, "抽访 1 件", n.value(), PHONE);

        browser.one("input[name='reached." + n.value() + "'][value=true]").click();
        browser.one("input[name='resolved." + n.value() + "'][value=true]").click();
        browser.one("input[name='satisfaction." + n.value() + "'][value=SATISFIED]").click();
        browser.type(By.id("comment-" + n.value()), "陈女士确认巷内已不积水，对街道处置满意");
        browser.type(By.id("password-" + DAY), Browser.DEMO_PASSWORD);
        browser.clickAndWait("form[data-day='" + DAY + "'] button[type=submit]");

        assertThat(browser.one(".alert-success").getText()).isEqualTo("已签署 " + DAY + " 的 1 件抽访，签署时间 2026-12-10 09:30。");
        assertThat(browser.one("section[aria-labelledby='h-day-" + DAY + "']").getText())
                .contains("已于 2026-12-10 09:30 签署", "已解决，满意");
        browser.signOut();
    }

    private void theDirectorSeesItCounted(OrderNumber n) {
        clock.set("2026-12-10T10:00");
        browser.signIn("director1");
        assertThat(browser.path()).isEqualTo("/console/dashboard");
        WebElement page = browser.one("html");
        new Select(browser.one("#d-unit")).selectByValue("dcf-gulou");
        // the filter sends itself when the unit changes
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(Browser.replaced(page));
        assertThat(browser.path()).contains("unit=dcf-gulou");
        assertThat(browser.one(".page-head").getText()).contains("2026-12-01 至 2026-12-10", GULOU);
        assertThat(kpi("本月受理")).as("this month's intake of the street office").isEqualTo("1");
        assertThat(kpi("今日受理")).as("registered yesterday").isEqualTo("0");
        assertThat(kpi("超期未办结")).isEqualTo("0");
        assertThat(kpi("办理中")).as("closed, so no longer running").isEqualTo("0");
        assertThat(kpi("满意率（1 件评价）")).isEqualTo("100.0%");
        assertThat(kpi("解决率")).isEqualTo("100.0%");

        // the number opens the orders behind it: this one
        browser.clickAndWait("section.kpis > a.kpi:nth-child(" + kpiPosition("本月受理") + ")");
        assertThat(browser.path()).startsWith("/console/orders?").contains("lead=dcf-gulou");
        assertThat(browser.one("#main").getText()).contains("共 1 件");
        assertThat(browser.all("table.table tbody tr")).singleElement().satisfies(row -> assertThat(row.getText())
                .contains(n.value(), "已办结", GULOU, "东关社区光明巷"));
        browser.clickAndWait("table.table tbody a[href='/console/orders/" + n.value() + "']");
    }

    /** The figure of the dashboard's key number with this label. */
    private String kpi(String label) {
        return browser.all("a.kpi").stream().filter(k -> k.findElement(By.className("kpi-label")).getText().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no key number " + label))
                .findElement(By.className("kpi-value")).getText();
    }

    /** Where the key number with this label stands among the others (1 for the first). */
    private int kpiPosition(String label) {
        List<WebElement> kpis = browser.all("section.kpis > a.kpi");
        for (int i = 0; i < kpis.size(); i++) {
            if (kpis.get(i).findElement(By.className("kpi-label")).getText().equals(label)) {
                return i + 1;
            }
        }
        throw new AssertionError("no key number " + label);
    }

    private void theOrderPageTellsTheWholeStory(OrderNumber n) {
        assertThat(browser.path()).isEqualTo("/console/orders/" + n.value());
        assertThat(browser.one(".page-head").getText()).contains(n.value(), "已办结");
        assertThat(browser.all(".timeline li .tl-head strong")).extracting(WebElement::getText)
                .as("every step, in the order it happened").containsExactly("受理", "派单", "签收", "上传附件", "答复",
                        "审核", "重办", "签收", "答复", "审核", "回访", "办结");
        String timeline = browser.one(".timeline").getText();
        assertThat(timeline).contains("主办：古楼街道", "巷内排水口堵塞，由属地街道就近组织疏通更快", "光明巷积水现场.jpg",
                "区级中心审核：驳回", SEND_BACK_REASON, "第 1 次重办", "区级中心审核：通过", "第 1 次回访：已解决，满意",
                "陈女士说排水口通了");
        assertThat(browser.all("form[data-action]")).as("nothing left to do on a closed order").isEmpty();
        browser.screenshot("whole-case");

        WorkOrder closed = orders.find(n, READER);
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.leadUnit().value()).isEqualTo("dcf-gulou");
        assertThat(closed.redoCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT satisfaction FROM callback_attempt WHERE order_number = :n AND reached")
                .param("n", n.value()).query(String.class).list()).containsExactly("SATISFIED");
        assertThat(jdbc.sql("SELECT leader FROM leader_sample WHERE order_number = :n AND completed_at IS NOT NULL")
                .param("n", n.value()).query(String.class).list()).containsExactly("gulou-leader");
    }

    // ---------------------------------------------------------------- helpers

    /** The reply form on the order page, filled and sent: resolved, with the citizen contacted. */
    private void reply(String publicReply, String internalNote) {
        browser.one("details:has(form[data-action=REPLY]) > summary").click();
        new Select(browser.one("#reply-outcome")).selectByValue("RESOLVED");
        browser.type(By.id("reply-public"), publicReply);
        browser.type(By.id("reply-internal"), internalNote);
        browser.one("#reply-contacted").click();
        browser.clickAndWait("form[data-action=REPLY] button[type=submit]");
        assertThat(browser.mainText()).contains("已答复，等待审核和回访。", publicReply, internalNote);
        assertThat(browser.one(".page-head").getText()).contains("已答复");
    }

    /** The levels this order's reply passes, as configured for its category and urgency. */
    private List<ReviewLevel> levels(OrderNumber n) {
        WorkOrder o = orders.find(n, READER);
        return reviewLevels.levelsFor(o.categoryCode(), o.urgency());
    }

    private void signInToReview(ReviewLevel level) {
        browser.signIn(level == ReviewLevel.UNIT_LEADER ? "gulou-leader" : "reviewer1");
        browser.open("/console/review?level=" + level.name());
    }

    /**
     * Picks the order in a queue (review, callbacks): htmx replaces the panes with the order's. The reply's check
     * opens just after the reply commits, so the queue is reloaded until it lists the order.
     */
    private void pick(OrderNumber n, String panes) {
        String item = "a.queue-item[href*='n=" + n.value() + "']";
        reloadUntil(() -> !browser.all(item).isEmpty());
        WebElement before = browser.one(panes);
        browser.one(item).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(Browser.replaced(before));
        waitUntil(() -> selected().equals(n.value()));
    }

    /** The number of the item the detail pane shows. */
    private String selected() {
        return browser.one(".detail .detail-head h2 a").getText();
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    private void reloadUntil(BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300))
                .until(d -> {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
    }

    private void until(BooleanSupplier condition) {
        new FluentWait<>(condition).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .until(BooleanSupplier::getAsBoolean);
    }

    private void adminPost(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Browser.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
    }
}
