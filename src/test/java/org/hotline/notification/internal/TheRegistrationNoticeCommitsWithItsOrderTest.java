package org.hotline.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.notification.Notification;
import org.hotline.notification.NotificationKind;
import org.hotline.notification.Notifications;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox rule at intake: the citizen's registration notice is queued in the transaction that registers the
 * order, so an acknowledged order always has its notice waiting, and an intake that does not commit leaves none.
 */
@HotlineIntegrationTest
class TheRegistrationNoticeCommitsWithItsOrderTest {

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);

    @Autowired
    WorkOrderService orders;
    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theNoticeIsInTheOutboxWhenTheIntakeReturns() {
        OrderNumber n = register("13812340101");

        // no waiting: it committed with the order
        assertThat(notifications.about(n.value())).extracting(Notification::kind)
                .containsExactly(NotificationKind.REGISTERED);
    }

    @Test
    void anIntakeThatDoesNotCommitLeavesNoNotice() {
        OrderNumber n = new TransactionTemplate(transactions).execute(tx -> {
            OrderNumber registered = register("13812340102");
            assertThat(notifications.about(registered.value())).hasSize(1);
            tx.setRollbackOnly();
            return registered;
        });

        assertThat(notifications.about(n.value())).isEmpty();
    }

    private OrderNumber register(String phone) {
        return orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("王女士", phone, false), "东关街烧烤摊占道经营，油烟很大", Location.none(), null,
                Urgency.NORMAL), null, OPERATOR, null, null).order().number();
    }
}
