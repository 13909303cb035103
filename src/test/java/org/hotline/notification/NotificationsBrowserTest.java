package org.hotline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 通知记录 as an admin reads it after a few orders: sent notices, one waiting for its retry. */
@BrowserIntegrationTest
class NotificationsBrowserTest {

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");

    @Autowired
    WorkOrderService orders;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @Test
    void anAdminSeesWhatCitizensWereToldMaskedWithRetries() {
        OrderNumber replied = register("13705351001", "东昌路与柳园路路口信号灯夜间不亮");
        register("13705351002", "小区二次供水水压不足，高层用不上水");
        register("13705351003", "幼儿园门口早晚接送时段车辆乱停");
        orders.dispatch(replied, ENFORCEMENT, List.of(), null, null,
                new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null), null);
        Actor handler = new Actor("zf-handler", "综合执法局承办人", Role.UNIT_HANDLER, ENFORCEMENT);
        orders.acknowledge(replied, handler, null);
        orders.reply(replied, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已联系交警部门修复信号灯。", "现场核实",
                null, true), handler, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.about(replied.value()).size() == 3);
        notifications.deliverDue();
        // one message a gateway refused twice, waiting for its third try
        long failing = notifications.queue(NotificationKind.REGISTERED, Medium.SMS, "13705351004",
                "【12345】您的诉求已受理，工单编号 20261204-000031。可凭工单编号和手机号后 4 位在 http://localhost:8080/cases 查询办理进度。",
                null, "DEMO:retry", Instant.now().plus(Duration.ofMinutes(4)));
        jdbc.sql("UPDATE notification SET attempts = 2, last_error = '短信网关返回 HTTP 503' WHERE id = :id")
                .param("id", failing).update();

        browser.desktop().signIn("admin");
        browser.open("/console/notifications");

        String text = browser.mainText();
        assertThat(text).contains("通知记录", "受理告知", "答复告知", "满意度评价", "137****1001", "已发送",
                "已尝试 2 次", "短信网关返回 HTTP 503", replied.value());
        assertThat(text).doesNotContain("13705351001");
        browser.screenshot("notifications");
    }

    private OrderNumber register(String phone, String content) {
        return orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, new Citizen("市民", phone, false),
                content, new Location("古楼街道", null, null), null, Urgency.NORMAL), null, OPERATOR, null, null)
                .order().number();
    }
}
