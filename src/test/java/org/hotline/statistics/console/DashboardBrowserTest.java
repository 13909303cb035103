package org.hotline.statistics.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.statistics.StatisticsRows;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The director's dashboard in a real browser, on a working day's figures: the period and the unit are changed, a
 * number and a bar open the orders behind them, the page fits a phone, and names with markup stay text in the
 * tables and in the charts' tooltips. The orders are made through the services (and, for clocks that must have run
 * for days, written as the repository leaves them), so that the screenshot shows a center at work.
 */
@BrowserIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    static final String ENFORCEMENT = "dcf-zhzfj";

    /** A working day: unit, channel, category, content; how far each got. */
    record Seed(String unit, Channel channel, String category, String content) {
    }

    static final List<Seed> DAY = List.of(
            new Seed(ENFORCEMENT, Channel.PHONE, "01.02.01", "工地夜间施工噪音扰民，凌晨一点还在打桩"),
            new Seed(ENFORCEMENT, Channel.PHONE, "05.01.03", "楼下烧烤店油烟直排，窗户不敢开"),
            new Seed(ENFORCEMENT, Channel.APP, "09.05.03", "东关街后巷排水口堵塞，下雨积水没过脚踝"),
            new Seed(ENFORCEMENT, Channel.WEB, "01.02.01", "渣土车夜间运输撒漏，路面全是泥"),
            new Seed("dcf-scjgj", Channel.PHONE, "02.01.01", "超市拖欠三个月工资不发"),
            new Seed("dcf-scjgj", Channel.WEB, "01.01.01", "健身房预付卡老板跑路，要求退费"),
            new Seed("dcf-scjgj", Channel.PHONE, "05.01.03", "饭店后厨卫生差，吃完腹泻"),
            new Seed("dcf-gulou", Channel.PHONE, "01.01.01", "小区物业不作为，楼道垃圾堆放多日"),
            new Seed("dcf-gulou", Channel.APP, "09.05.03", "楼南大街雨水井盖破损，存在安全隐患"),
            new Seed("dcf-gulou", Channel.PHONE, "01.01.01", "物业乱收停车费，车位费一年涨两次"),
            new Seed("dcf-liuyuan", Channel.PHONE, "01.02.02", "振兴路工地扬尘严重，没有覆盖防尘网"),
            new Seed("dcf-liuyuan", Channel.WEB, "01.01.01", "老旧小区电梯停运一周无人维修"),
            new Seed("dcf-zjj", Channel.PHONE, "01.01.02", "新房交付墙体开裂，开发商不处理"),
            new Seed("dcf-zjj", Channel.APP, "01.01.02", "房屋漏水，维修基金申请不下来"),
            new Seed("dcf-rsj", Channel.PHONE, "02.01.01", "装修公司拖欠农民工工资"),
            new Seed("dcf-rsj", Channel.PHONE, "02.01.02", "公司不签劳动合同，不交社保"),
            new Seed("dcf-xinqu", Channel.PHONE, "09.05.03", "花园路下水道返味，夏天尤其严重"),
            new Seed("dcf-houying", Channel.WEB, "01.02.02", "村口搅拌站粉尘大，庄稼都是灰"));

    @Autowired
    WorkOrderService orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    Browser browser;

    private static boolean seeded;

    /** Today's intake through the services, older running orders and callbacks as stored, the month assessed. */
    private void aWorkingDay() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        List<OrderNumber> replied = new ArrayList<>();
        for (int i = 0; i < DAY.size(); i++) {
            Seed s = DAY.get(i);
            OrderNumber n = orders.register(new WorkOrder.Appeal(s.channel(), i % 5 == 0 ? AppealType.HELP_REQUEST
                    : AppealType.COMPLAINT, new Citizen("市民" + i, "1390635" + String.format("%04d", 1000 + i), false),
                    s.content(), new Location("东昌府区", null, null), s.category(), Urgency.NORMAL), null, OPERATOR, null,
                    null).order().number();
            UnitId unit = new UnitId(s.unit());
            orders.dispatch(n, unit, List.of(), null, null, DISPATCHER, null);
            if (i % 3 != 2) {
                Actor handler = new Actor("handler", "承办人", Role.UNIT_HANDLER, unit);
                orders.acknowledge(n, handler, null);
                if (i % 2 == 0) {
                    orders.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已到现场处理，问题已解决。",
                            "现场核查并处理", null, true), handler, null);
                    replied.add(n);
                }
            }
        }
        // the citizens' answers at the callback, as the quality loop records them
        StatisticsRows rows = new StatisticsRows(jdbc);
        String now = LocalDateTime.now(SHANGHAI).withSecond(0).withNano(0).toString();
        String[] answers = { "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "SATISFIED", "UNSATISFIED", "SATISFIED" };
        for (int i = 0; i < replied.size(); i++) {
            String unit = jdbc.queryForObject("SELECT lead_unit_id FROM work_order WHERE number = ?", String.class,
                    replied.get(i).value());
            rows.reached(replied.get(i).value(), unit, now, answers[i % answers.length], i % 5 != 4);
        }
        // orders dispatched days ago whose clocks ran on: overdue, at risk, fine
        Instant t = Instant.now();
        String earlier = LocalDateTime.now(SHANGHAI).minusHours(3).withSecond(0).withNano(0).toString();
        Object[][] running = { { ENFORCEMENT, -30, -60 }, { ENFORCEMENT, -5, -40 }, { ENFORCEMENT, 20, -2 },
                { "dcf-scjgj", -50, -90 }, { "dcf-scjgj", 6, -1 }, { "dcf-gulou", 30, 10 }, { "dcf-gulou", 3, -4 },
                { "dcf-houying", -70, -100 }, { "dcf-houying", -20, -50 }, { "dcf-liuyuan", 40, 12 } };
        for (Object[] r : running) {
            rows.order(earlier).lead((String) r[0]).status("IN_PROGRESS").category("01.01.01")
                    .deadline(t.plus(Duration.ofHours((Integer) r[1]))).atRiskFrom(t.plus(Duration.ofHours((Integer) r[2])))
                    .insert();
        }
        // the days before: closed orders whose callbacks the assessment scores, better in some units than in others
        String[] units = { ENFORCEMENT, "dcf-scjgj", "dcf-gulou", "dcf-liuyuan", "dcf-zjj", "dcf-rsj", "dcf-xinqu",
                "dcf-houying" };
        for (int u = 0; u < units.length; u++) {
            for (int k = 0; k < 4; k++) {
                LocalDateTime at = LocalDateTime.now(SHANGHAI).minusDays(1 + k % 3).withHour(9 + k).withMinute(0)
                        .withSecond(0).withNano(0);
                String n = rows.order(at.toString()).lead(units[u]).channel(k % 2 == 0 ? "PHONE" : "APP")
                        .category(DAY.get((u + k) % DAY.size()).category()).status("CLOSED")
                        .deadline(at.plusDays(7).toString())
                        .replied(at.plusHours(5).toString()).closed(at.plusHours(8).toString()).insert();
                rows.reached(n, units[u], at.plusHours(7).toString(), (u + k) % 4 == 3 || u == units.length - 1 && k % 2 == 0
                        ? "UNSATISFIED" : k % 3 == 1 ? "BASICALLY_SATISFIED" : "SATISFIED", (u + k) % 5 != 4);
            }
        }
        // the month assessed, as the nightly job does, and one case still open
        // the assessment computes only days that are over: the month up to yesterday
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate yesterday = today.minusDays(1);
        post("/api/v1/assessment/recompute", "{\"from\":\"" + yesterday.withDayOfMonth(1) + "\",\"to\":\"" + yesterday
                + "\"}");
        openCase("dcf-houying", "侯营镇", YearMonth.from(today).minusMonths(1),
                "侯营镇在属地镇街中连续两个月排名末位：上月第 9 名、本月第 9 名（共 9 个单位）", replied.get(0).value());
    }

    private void openCase(String unit, String unitName, YearMonth month, String reason, String order) {
        jdbc.update("""
                INSERT INTO accountability_case (version, kind, unit_id, unit_name, ranking_group, case_month, opened_at,
                  reason, addressed_to, status)
                VALUES (0, 'BOTTOM_THREE', ?, ?, 'TERRITORIAL', ?, ?, ?, '中心督办员；区纪委监委', 'OPENED')""", unit, unitName,
                month.atDay(1), OffsetDateTime.now(ZoneOffset.UTC), reason);
        Long id = jdbc.queryForObject("SELECT id FROM accountability_case WHERE unit_id = ? AND case_month = ?",
                Long.class, unit, month.atDay(1));
        jdbc.update("INSERT INTO accountability_case_order (case_id, seq, order_number, indicator, occurred_at)"
                + " VALUES (?, 1, ?, 'UNSATISFIED', ?)", id, order, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo123".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    private void waitForCharts() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.hotlineCharts && document.querySelectorAll('.chart.drawn').length > 0;")));
    }

    private void choose(String select, String value) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        new Select(browser.one(select)).selectByValue(value);
        // the filter submits itself when the period or the unit changes
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(org.hotline.support.Browser.replaced(page));
    }

    @Test
    @Order(1)
    void theDirectorNarrowsTheDashboardAndOpensTheOrdersBehindANumber() throws Exception {
        aWorkingDay();
        browser.signIn("director1");
        assertThat(browser.path()).isEqualTo("/console/dashboard");
        waitForCharts();
        assertThat(browser.mainText()).contains("今日受理", "本月受理", "超期未办结", "临期", "渠道构成", "分类占比",
                "满意率、解决率走势", "单位考核排名", "未办结的问责事项", "侯营镇");
        assertThat(browser.all(".chart.drawn")).hasSize(5);
        browser.screenshot("dashboard");

        choose("#d-period", "today");
        assertThat(browser.path()).contains("period=today");
        choose("#d-unit", ENFORCEMENT);
        assertThat(browser.path()).contains("unit=" + ENFORCEMENT);
        assertThat(browser.mainText()).contains("区综合行政执法局");

        WebElement phone = browser.one("#table-channel tbody tr:first-child td:nth-child(2) a");
        String figure = phone.getText();
        String channel = browser.one("#table-channel tbody tr:first-child td:first-child").getText();
        browser.clickAndWait("#table-channel tbody tr:first-child td:nth-child(2) a");

        assertThat(browser.path()).startsWith("/console/orders?").contains("lead=" + ENFORCEMENT)
                .contains("from=" + LocalDate.now(SHANGHAI));
        assertThat(browser.mainText()).contains("共 " + figure + " 件");
        assertThat(new Select(browser.one("#f-channel")).getFirstSelectedOption().getText()).isEqualTo(channel);
        assertThat(new Select(browser.one("#f-lead")).getFirstSelectedOption().getText()).isEqualTo("区综合行政执法局");
        assertThat(browser.all("table.table tbody tr")).hasSize(Integer.parseInt(figure));
    }

    @Test
    @Order(2)
    void aBarOfTheOverdueChartOpensThatUnitsOverdueOrders() throws Exception {
        aWorkingDay();
        browser.signIn("director1");
        waitForCharts();
        browser.script("document.getElementById('chart-due').scrollIntoView({block: 'center'});");
        // the top unit's overdue bar: the chart lists units bottom up, so the first unit is the last category
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("""
                var c = window.hotlineCharts.due;
                var labels = c.getOption().yAxis[0].data;
                var last = labels.length - 1;
                var value = c.getOption().series[0].data[last];
                return c.convertToPixel({seriesIndex: 0}, [value / 2, last]);""");
        WebElement chart = browser.one("#chart-due");
        int dx = at.get(0).intValue() - chart.getSize().getWidth() / 2;
        int dy = at.get(1).intValue() - chart.getSize().getHeight() / 2;
        WebElement page = browser.driver().findElement(By.tagName("html"));
        new Actions(browser.driver()).moveToElement(chart, dx, dy).click().perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(org.hotline.support.Browser.replaced(page));

        assertThat(browser.path()).startsWith("/console/orders?overdue=true&lead=");
        assertThat(browser.all("table.table tbody tr")).isNotEmpty();
        assertThat(browser.all("table.table tbody .badge.due-overdue")).hasSameSizeAs(browser.all("table.table tbody tr"));
    }

    @Test
    @Order(3)
    void theDashboardFitsAPhone() throws Exception {
        aWorkingDay();
        browser.phone().signIn("director1");
        waitForCharts();

        assertThat(browser.scrollsSideways()).as("the dashboard fits a phone's width").isFalse();
        browser.screenshot("dashboard-phone");
    }

    /** Last: the names it writes stay in the database for the rest of the run, in a month of their own. */
    @Test
    @Order(4)
    void namesWithMarkupAreTextInTheTablesAndTheChartsTooltips() throws Exception {
        String hostile = "<img src=x onerror=\"window.__injected=1\">街道<script>window.__injected=2</script>";
        post("/api/v1/admin/units", "{\"id\":\"browser-hostile\",\"name\":" + json(hostile)
                + ",\"kind\":\"TERRITORIAL\"}");
        post("/api/v1/admin/categories", "{\"code\":\"97\",\"name\":" + json("<img src=y onerror=\"window.__injected=3\">分类")
                + "}");
        StatisticsRows rows = new StatisticsRows(jdbc);
        for (int i = 0; i < 3; i++) {
            String n = rows.order("2025-06-1" + i + "T10:00").lead("browser-hostile").category("97").channel("WEB")
                    .status("CLOSED").insert();
            rows.reached(n, "browser-hostile", "2025-06-2" + i + "T10:00", "SATISFIED", true);
        }
        openCase("browser-hostile", hostile, YearMonth.of(2025, 5), hostile + "连续两个月排名末位", "20000103-000001");

        browser.signIn("director1").open("/console/dashboard?period=pick&month=2025-06");
        waitForCharts();

        assertThat(browser.one("#table-category").getText()).contains("<img src=y onerror=\"window.__injected=3\">分类");
        assertThat(browser.one("#table-cases").getText()).contains(hostile);
        for (String chart : List.of("category", "channel")) {
            browser.script("window.hotlineCharts." + chart + ".dispatchAction({type: 'showTip', seriesIndex: 0,"
                    + " dataIndex: 0});");
        }
        browser.script("window.hotlineCharts.trend.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 9});");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> browser.one("#chart-category").getText()
                .contains("分类"));
        assertThat(browser.one("#chart-category").getText()).contains("<img src=y onerror=\"window.__injected=3\">分类");
        assertThat(browser.all("#main img, #main .chart script")).as("no element made from a name").isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.script("return typeof window.__injected;")).isEqualTo("undefined");

        browser.open("/console/dashboard?period=pick&month=2025-06&unit=browser-hostile");
        waitForCharts();
        assertThat(browser.mainText()).contains(hostile);
        assertThat(browser.all("#main img")).isEmpty();
        assertThat(browser.script("return typeof window.__injected;")).isEqualTo("undefined");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
