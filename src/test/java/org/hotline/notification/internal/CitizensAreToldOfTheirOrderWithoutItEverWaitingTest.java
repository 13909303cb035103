package org.hotline.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.notification.Medium;
import org.hotline.notification.Notification;
import org.hotline.notification.NotificationKind;
import org.hotline.notification.NotificationStatus;
import org.hotline.notification.Notifications;
import org.hotline.notification.Notifier;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The citizen's notices as the order moves, with an SMS gateway that is down the whole time: the order is
 * registered, dispatched, acknowledged and replied as if nothing were wrong, while its notices wait in the outbox
 * for their retries. What the texts say, and who gets none.
 */
@HotlineIntegrationTest
@Import(CitizensAreToldOfTheirOrderWithoutItEverWaitingTest.DeadGateway.class)
class CitizensAreToldOfTheirOrderWithoutItEverWaitingTest {

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    private static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    private static final Actor HANDLER = new Actor("zf-handler", "综合执法局承办人", Role.UNIT_HANDLER, ENFORCEMENT);
    private static final String CONTENT = "东关街烧烤摊占道经营，油烟很大";
    private static final String INTERNAL_NOTE = "内部备注：摊主系某单位家属";

    @Autowired
    WorkOrderService orders;

    @Autowired
    Notifications notifications;

    @Autowired
    DeadGateway gateway;

    @Test
    void aGatewayThatIsDownNeverHoldsUpTheOrderAndItsNoticesWaitForTheirRetry() {
        OrderNumber n = register(Channel.PHONE, new Citizen("王女士", "13812340001", false));
        orders.dispatch(n, ENFORCEMENT, List.of(), null, null, DISPATCHER, null);
        orders.acknowledge(n, HANDLER, null);
        WorkOrder replied = orders.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已取缔占道摊点。",
                "现场执法", INTERNAL_NOTE, true), HANDLER, null);

        assertThat(replied.status()).isEqualTo(OrderStatus.REPLIED);
        List<Notification> told = await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications.about(n.value()), list -> list.size() == 3);
        assertThat(told).extracting(Notification::kind).containsExactly(NotificationKind.REGISTERED,
                NotificationKind.REPLIED, NotificationKind.SATISFACTION);

        int before = gateway.tries.get();
        notifications.deliverDue();
        assertThat(gateway.tries.get()).as("the gateway was tried").isGreaterThan(before);
        assertThat(notifications.about(n.value())).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isAfter(m.createdAt());
            assertThat(m.lastError()).isEqualTo("短信网关返回 HTTP 503");
        });
    }

    @Test
    void theNoticesCarryTheOrderNumberAndNeverTheAppealANameOrInternalText() {
        OrderNumber n = register(Channel.WEB, new Citizen("李先生", "13812340002", true));

        List<Notification> told = await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications.about(n.value()), list -> !list.isEmpty());

        assertThat(told.get(0).text()).contains(n.value(), "/cases").doesNotContain(CONTENT, "李", "13812340002",
                "执法");
        assertThat(told.get(0).maskedRecipient()).isEqualTo("138****0002");
        assertThat(told.get(0).medium()).isEqualTo(Medium.SMS);
    }

    @Test
    void anAnonymousCitizenALandlineAndAPatrolReportAreToldNothing() {
        OrderNumber anonymous = register(Channel.WEB, new Citizen(null, null, false));
        OrderNumber landline = register(Channel.PHONE, new Citizen("赵大爷", "0635-8888888", false));
        OrderNumber patrol = register(Channel.PATROL, new Citizen("网格员", "13812340003", false));
        OrderNumber told = register(Channel.PHONE, new Citizen("周女士", "13812340004", false));

        // the last order's notice arrives after the others' events were handled (one listener, in order)
        await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.about(told.value()).isEmpty());
        assertThat(notifications.about(anonymous.value())).isEmpty();
        assertThat(notifications.about(landline.value())).isEmpty();
        assertThat(notifications.about(patrol.value())).isEmpty();
    }

    private OrderNumber register(Channel channel, Citizen citizen) {
        return orders.register(new WorkOrder.Appeal(channel, AppealType.COMPLAINT, citizen, CONTENT,
                new Location("古楼街道东关街", null, null), null, Urgency.NORMAL), null, OPERATOR, null, null)
                .order().number();
    }

    /** An SMS gateway that answers 503 to everything, as a real one does during an outage. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DeadGateway implements Notifier {

        final AtomicInteger tries = new AtomicInteger();

        @Override
        public Medium medium() {
            return Medium.SMS;
        }

        @Override
        public String name() {
            return "dead-gateway";
        }

        @Override
        public void send(Outgoing message) throws Exception {
            tries.incrementAndGet();
            throw new java.io.IOException("短信网关返回 HTTP 503");
        }
    }
}
