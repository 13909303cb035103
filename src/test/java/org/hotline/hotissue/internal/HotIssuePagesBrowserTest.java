package org.hotline.hotissue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.awaitility.Awaitility;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The supervisors' hot-issue pages in a real browser: the day's top list, and one issue under tackling. */
@BrowserIntegrationTest
class HotIssuePagesBrowserTest {

    @Autowired
    WorkOrderService orders;
    @Autowired
    HotIssueService hotIssues;
    @Autowired
    JdbcClient jdbc;

    Browser browser;

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private static final Actor SUPERVISOR = new Actor("supervisor1", "督办员", Role.SUPERVISOR, null);
    private static final Actor DIRECTOR = new Actor("director1", "主任", Role.DIRECTOR, null);

    private String register(String phone, String content, String address) {
        String number = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("市民", phone, false), content, new Location(address, null, null), null, Urgency.NORMAL),
                null, OPERATOR, null, null).order().number().value();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM hot_issue_member WHERE order_number = :n").param("n", number)
                .query(Integer.class).single() == 1);
        return number;
    }

    private long seedAWorkingDay() {
        String first = register("13806350001", "银河花园底层烧烤店每天晚上油烟直排，窗户都不敢开", "古楼街道银河花园");
        register("13806350002", "银河花园一楼烧烤店油烟直排，家里全是油烟味", "古楼街道银河花园");
        register("13806350003", "银河花园楼下烧烤店油烟直排扰民，晚上十二点还在营业", "古楼街道银河花园");
        register("13806350004", "银河花园烧烤店油烟直排，老人咳嗽不止", "古楼街道银河花园");
        register("13806350005", "东关街后巷下雨后积水没过脚踝，老人出不了门", "古楼街道东关街后巷");
        register("13806350006", "东关街后巷一下雨就积水，排水口堵了", "古楼街道东关街后巷");
        register("13806350007", "东关街后巷积水严重，孩子上学要蹚水", "古楼街道东关街后巷");
        register("13806350008", "翠湖花园物业擅自上涨停车费，每月从一百涨到三百", "柳园街道翠湖花园");
        register("13806350009", "翠湖花园停车费上涨没有经过业主大会", "柳园街道翠湖花园");
        long id = jdbc.sql("SELECT issue_id FROM hot_issue_member WHERE order_number = :n").param("n", first)
                .query(Long.class).single();
        hotIssues.propose(id, "一周内 4 名居民反映同一烧烤店油烟", SUPERVISOR);
        hotIssues.choose(id, YearMonth.now().plusMonths(1), DIRECTOR);
        hotIssues.assign(id, new UnitId("dcf-zhzfj"), List.of(new UnitId("dcf-gulou")), SUPERVISOR);
        hotIssues.addMeasure(id, "责令烧烤店安装油烟净化设施", new UnitId("dcf-zhzfj"), LocalDate.now().plusDays(10),
                SUPERVISOR);
        hotIssues.addMeasure(id, "社区夜间巡查，劝导露天烧烤", new UnitId("dcf-gulou"), LocalDate.now().plusDays(20),
                SUPERVISOR);
        hotIssues.completeMeasure(id, 1, LocalDate.now(), SUPERVISOR);
        return id;
    }

    @Test
    void aSupervisorReadsTheTopListAndFollowsAnIssueUnderTackling() {
        long id = seedAWorkingDay();

        browser.signIn("supervisor1").open("/console/hot-issues");
        assertThat(browser.mainText()).contains("每日热点榜", "银河花园", "东关街后巷", "翠湖花园", "规模", "攻坚中");
        browser.screenshot("hot-issues");

        browser.open("/console/hot-issues/" + id);
        assertThat(browser.mainText()).contains("银河花园", "攻坚中", "责令烧烤店安装油烟净化设施", "未完成", "提名攻坚",
                "明确责任单位");
        browser.screenshot("hot-issue");

        browser.type(By.id("f-result"), "油烟净化设施已安装");
        browser.clickAndWait("form[action$='/result'] button");
        assertThat(browser.mainText()).contains("已报告攻坚结果。", "已报结果");

        browser.phone().open("/console/hot-issues");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("hot-issues-phone");
    }
}
