package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.support.Browser;
import org.hotline.support.ConsolePagesBrowserTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's intake screen in a real browser, driven from the keyboard as an operator on a headset drives it:
 * the caller's history appears once the number is in, the AI's suggestion follows the typing with its words marked,
 * a call is registered, answered on the spot, or attached to the open order it repeats, and a form sent twice makes
 * one order.
 */
@ConsolePagesBrowserTest
class IntakeBrowserTest {

    @Autowired
    WorkOrderService service;

    Browser browser;

    private static String newPhone() {
        return "138" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private OrderNumber earlier(String phone, String content, String address, AppealType type) {
        return service.register(new WorkOrder.Appeal(Channel.PHONE, type, new Citizen("刘女士", phone, false), content,
                new Location(address, null, null), null, Urgency.NORMAL), null, ConsoleOrders.OPERATOR, null, null)
                .order().number();
    }

    private List<OrderSummary> ordersOf(String phone) {
        return service.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, 0, 50)
                .byCaller(phone, null), ConsoleOrders.SUPERVISOR).items();
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private String focusedId() {
        return focused().getAttribute("id");
    }

    private void tab() {
        focused().sendKeys(Keys.TAB);
    }

    private void chord(Keys modifier, String key) {
        new Actions(browser.driver()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    private void waitFor(String css, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private void waitForNextPage(WebElement before) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(org.hotline.support.Browser.replaced(before));
    }

    /** Written by a supervisor and published by the director through the knowledge API, as people do it. */
    private void published(String title, String answer, String basis, String unit, String... keywords)
            throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", title);
        body.put("answer", answer);
        body.put("policyBasis", basis);
        body.put("unit", unit);
        body.put("keywords", List.of(keywords));
        String created = api("supervisor1", "/api/v1/knowledge", json.writeValueAsString(body), 201);
        long id = json.readTree(created).get("id").asLong();
        api("supervisor1", "/api/v1/knowledge/" + id + "/submit", "{}", 200);
        api("director1", "/api/v1/knowledge/" + id + "/review", "{\"approve\":true}", 200);
    }

    private String api(String user, String path, String body, int expected) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url(path)))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (user + ":demo123").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    @Test
    void anEmergencyIsTransferredAtOnceAndTheCallClosedAsReferred() {
        String phone = newPhone();
        browser.signIn("operator1");
        focused().sendKeys(phone);
        browser.type(By.id("f-name"), "周先生");
        chord(Keys.ALT, "2");
        browser.type(By.id("f-content"), "东关街三号楼着火了，浓烟很大，楼上还有老人没下来");
        browser.type(By.id("f-address"), "古楼街道东关街 3 号楼");
        waitFor("#triage-panel [data-outcome='EMERGENCY']", "请立即转接 119");
        WebElement panel = browser.one("#triage-panel .triage");
        assertThat(panel.getText()).contains("请立即转接 119（消防救援）", "紧急转接：已转 119，登记办结");
        assertThat(browser.all("#triage-panel .marked-text mark")).extracting(WebElement::getText).contains("着火");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("intake-triage-emergency");

        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.one("#settle-emergency").click();
        waitForNextPage(page);
        assertThat(browser.one("[data-done]").getText()).contains("已分流登记并办结", "119 消防救援");
        List<OrderSummary> mine = ordersOf(phone);
        assertThat(mine).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CLOSED));
    }

    @Test
    void anInquiryIsAnsweredFromTheKnowledgeBaseWithOneAction() throws Exception {
        published("租房提取住房公积金怎么办理", "无自有住房且在本市租房居住的职工，可每年提取一次住房公积金支付房租。"
                + "携带身份证、租房合同（或租房备案证明）到区住房公积金管理中心窗口办理，也可在“住房公积金”手机应用上申请，"
                + "3 个工作日内到账。", "《住房公积金管理条例》第二十四条", "dcf-zjj", "租房提取", "公积金取出来");
        published("住房公积金提取需要什么条件和材料", "购房、建房、翻修自住住房，偿还购房贷款本息，离休、退休，"
                + "出境定居等情形可以提取住房公积金。需携带身份证和相应证明材料。", "《住房公积金管理条例》第二十四条",
                "dcf-zjj", "公积金提取");
        published("居住证怎么办理，需要哪些材料", "在本市居住半年以上、有合法稳定就业、住所或连续就读的，"
                + "可携带身份证、居住证明到居住地派出所申领居住证。", "《居住证暂行条例》", "dcf-gafj", "居住证");

        String phone = newPhone();
        browser.signIn("operator1");
        focused().sendKeys(phone);
        browser.type(By.id("f-name"), "孙女士");
        chord(Keys.ALT, "1");
        browser.type(By.id("f-content"), "我在外面租房子住，想问问公积金能不能取出来付房租，需要带什么材料");
        waitFor("#knowledge-panel .kb-list", "租房提取住房公积金怎么办理");
        assertThat(browser.all("#knowledge-panel .kb-list > li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.one("#knowledge-panel .kb-list > li").getText()).contains("租房合同", "用此条答复并办结");
        assertThat(browser.all("#knowledge-panel .kb-title mark")).extracting(WebElement::getText).isNotEmpty();
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("intake-knowledge");

        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.one("#knowledge-panel .kb-list > li .kb-use").click();
        waitForNextPage(page);
        assertThat(browser.one("[data-done]").getText()).contains("已直接答复并办结");
        List<OrderSummary> mine = ordersOf(phone);
        assertThat(mine).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CLOSED));
        assertThat(service.find(mine.get(0).number(), ConsoleOrders.SUPERVISOR).intakeAnswer()).contains("租房合同");
    }

    @Test
    void anOperatorRegistersACallWithTheKeyboardOnlyAndSeesTheHistoryAndTheSuggestion() {
        String phone = newPhone();
        OrderNumber first = earlier(phone, "楼下烧烤店油烟很大，晚上窗户都不敢开", "古楼街道楼南大街", AppealType.COMPLAINT);
        earlier(phone, "咨询孩子入学需要准备哪些材料", "古楼街道", AppealType.INQUIRY);
        String neighbour = newPhone();
        OrderNumber open = earlier(neighbour, "东关街后巷下雨后积水没过脚踝，排水口堵了，老人出不了门", "古楼街道东关街后巷",
                AppealType.COMPLAINT);
        earlier(newPhone(), "东关街路口井盖缺失，晚上有人差点掉进去", "古楼街道东关街", AppealType.REPORT);

        browser.signIn("operator1");
        assertThat(browser.path()).isEqualTo("/console/intake");
        assertThat(focusedId()).as("the cursor starts in the phone field").isEqualTo("f-phone");
        assertThat(browser.mainText()).contains("Alt+1～5", "Alt+S");

        focused().sendKeys(phone);
        waitFor("#caller-history", "该号码共有 2 件历史诉求");
        assertThat(browser.one("#caller-history").getText()).contains(first.value(), "楼下烧烤店油烟很大", "咨询孩子入学");
        tab();
        assertThat(focusedId()).isEqualTo("f-name");
        focused().sendKeys("刘女士");
        tab();
        assertThat(focusedId()).isEqualTo("f-anonymous");
        tab();
        assertThat(focusedId()).isEqualTo("f-confidential");
        tab();
        assertThat(focused().getAttribute("name")).as("the appeal types, one stop").isEqualTo("appealType");
        chord(Keys.ALT, "3");
        assertThat(browser.one("#f-type-COMPLAINT").isSelected()).as("Alt+3 is 投诉").isTrue();
        tab();
        assertThat(focusedId()).isEqualTo("f-content");
        browser.screenshot("intake");

        focused().sendKeys("东关街后巷又积水了，下雨后排水口堵着，老人出门得蹚水");
        waitFor(".assist-suggestion", "排水管网堵塞");
        tab();
        assertThat(focusedId()).isEqualTo("f-address");
        focused().sendKeys("古楼街道东关街后巷");
        waitFor(".similar", open.value());
        waitFor(".assist-suggestion", "地址中");
        WebElement suggestion = browser.one(".assist-suggestion");
        assertThat(suggestion.getText()).contains("单位置信度 92%", "排水管网堵塞 88%", "区综合行政执法局", "古楼街道");
        assertThat(browser.all(".assist-suggestion mark")).extracting(WebElement::getText).contains("积水");
        browser.screenshot("intake-suggestion");

        tab();
        assertThat(focusedId()).isEqualTo("f-urgent");
        tab();
        assertThat(focusedId()).isEqualTo("f-channel");
        tab();
        assertThat(focusedId()).isEqualTo("submit-register");
        WebElement page = browser.driver().findElement(By.tagName("html"));
        chord(Keys.ALT, "s");
        waitForNextPage(page);

        assertThat(browser.one("[data-done]").getText()).contains("已受理，工单编号");
        List<OrderSummary> mine = ordersOf(phone);
        assertThat(mine).hasSize(3);
        OrderSummary registered = mine.get(0);
        assertThat(registered.status()).isEqualTo(OrderStatus.REGISTERED);
        assertThat(registered.appealType()).isEqualTo(AppealType.COMPLAINT);
        assertThat(registered.citizen().name()).isEqualTo("刘女士");
        assertThat(registered.content()).startsWith("东关街后巷又积水了");
        assertThat(registered.address()).isEqualTo("古楼街道东关街后巷");
        assertThat(browser.one("[data-done]").getText()).contains(registered.number().value());
        assertThat(focusedId()).as("ready for the next call").isEqualTo("f-phone");
    }

    @Test
    void aFormSentTwiceMakesOneOrder() {
        String phone = newPhone();
        browser.signIn("operator1");
        browser.type(By.id("f-phone"), phone);
        browser.one("#f-type-REPORT").click();
        browser.type(By.id("f-content"), "柳园路与建设路路口的井盖缺失，晚上很危险");
        browser.type(By.id("f-address"), "柳园街道柳园路");

        // an impatient double click: the page sends it once, and the button says so
        WebElement page = browser.driver().findElement(By.tagName("html"));
        new Actions(browser.driver()).doubleClick(browser.one("#submit-register")).perform();
        waitForNextPage(page);
        assertThat(ordersOf(phone)).hasSize(1);

        // a retry after a timeout: the same form (its key) sent twice at once, as a browser would send it again
        String second = newPhone();
        browser.type(By.id("f-phone"), second);
        browser.one("#f-type-REPORT").click();
        browser.type(By.id("f-content"), "柳园路的井盖还是没有补上");
        Object statuses = browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var form = document.getElementById('intake-form');
                var send = function () {
                  return fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)),
                    redirect: 'manual', credentials: 'same-origin' }).then(function (r) { return r.type; });
                };
                Promise.all([send(), send()]).then(done);
                """);
        assertThat(statuses.toString()).contains("opaqueredirect");
        assertThat(ordersOf(second)).as("two sends of one form").hasSize(1);
    }

    @Test
    void anInquiryIsAnsweredOnTheSpotFromTheKeyboard() {
        String phone = newPhone();
        browser.signIn("operator1");
        focused().sendKeys(phone);
        assertThat(browser.one("#answer-group").isDisplayed()).as("only for inquiries").isFalse();
        chord(Keys.ALT, "1");
        assertThat(browser.one("#answer-group").isDisplayed()).isTrue();
        browser.one("#f-content").sendKeys("社保卡丢了，补办需要带什么材料？");
        browser.one("#f-answer").sendKeys("携带本人身份证到区政务服务中心社保窗口办理，当场可取。");
        WebElement page = browser.driver().findElement(By.tagName("html"));
        chord(Keys.CONTROL, Keys.ENTER.toString());
        waitForNextPage(page);

        assertThat(browser.one("[data-done]").getText()).contains("已直接答复并办结");
        OrderSummary answered = ordersOf(phone).get(0);
        assertThat(answered.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(service.find(answered.number(), ConsoleOrders.SUPERVISOR).intakeAnswer())
                .startsWith("携带本人身份证");
    }

    @Test
    void aRepeatCallIsAttachedToTheSimilarOpenOrder() {
        OrderNumber open = new ConsoleOrders(service).dispatched("兴华路菜市场门口商户占道经营，人行道走不通",
                new Citizen("周先生", newPhone(), false));
        // the helper registers at 古楼街道东关街; this matter is at 兴华路
        String phone = newPhone();
        OrderNumber master = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("吴女士", newPhone(), false), "兴华路菜市场门口商户占道摆摊，人行道走不通，推车过不去",
                new Location("新区街道兴华路菜市场", null, null), null, Urgency.NORMAL), null, ConsoleOrders.OPERATOR, null,
                null).order().number();

        browser.signIn("operator1");
        focused().sendKeys(phone);
        chord(Keys.ALT, "3");
        browser.one("#f-content").sendKeys("兴华路菜市场门口又有人占道摆摊，人行道根本走不了");
        browser.one("#f-address").sendKeys("新区街道兴华路菜市场");
        waitFor(".similar", master.value());

        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.one(".similar li[data-number='" + master.value() + "'] button.attach").click();
        waitForNextPage(page);

        assertThat(browser.one("[data-done]").getText()).contains("来电已登记为", "并入工单", master.value());
        OrderSummary call = ordersOf(phone).get(0);
        assertThat(call.status()).isEqualTo(OrderStatus.MERGED);
        assertThat(service.find(master, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isEqualTo(1);
        assertThat(service.find(open, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isZero();
    }

    @Test
    void theIntakeScreenFitsAPhone() {
        browser.phone().signIn("operator1");
        focused().sendKeys(newPhone());
        browser.one("#f-content").sendKeys("建设路上的坑洼很多，电动车骑过去很危险");
        waitFor(".assist-suggestion", "城区道路破损");
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void anOrderAlreadyRepliedIsNotOfferedAsTheOneToAttachTo() {
        OrderNumber replied = new ConsoleOrders(service).underway("卫育路路灯一排都不亮，晚上很黑",
                new Citizen("郑先生", newPhone(), false));
        service.reply(replied, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已更换控制器", null, null, true),
                ConsoleOrders.handler("zf-handler", ConsoleOrders.ENFORCEMENT), null);

        browser.signIn("operator1");
        focused().sendKeys(newPhone());
        browser.one("#f-content").sendKeys("卫育路路灯一排都不亮");
        waitFor(".assist-suggestion", "路灯不亮");
        assertThat(browser.all(".similar li[data-number='" + replied.value() + "']")).isEmpty();
    }
}
