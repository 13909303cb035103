package org.hotline.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline.notification.CitizenEmails;
import org.hotline.notification.Medium;
import org.hotline.notification.NotificationKind;
import org.hotline.notification.Notifications;
import org.hotline.organization.Actor;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderEvent;
import org.hotline.workorder.WorkOrderService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the work order and queues the citizen's notices in the outbox. Queueing only writes a row; the
 * sending (and its retries) is the outbox job's, so the order never waits for a gateway.
 *
 * <p>The notice of a registration is queued inside the intake transaction (a plain listener, called where the
 * event is published): the order and its notice commit together or not at all, in the intake's group commit. A
 * listener after the commit cost each order an event publication row, a transaction and a commit of its own, and
 * its completion: about as much as the intake itself. The notices of a reply are queued after the reply has
 * committed, in a transaction of their own, through Spring Modulith's publication registry (an event not handled
 * before a restart is handled after it).
 *
 * <p>Text messages go to the citizen's mobile number; with {@code hotline.notification.email.enabled} the same notices
 * also go by e-mail to the address the order's channel collected ({@link CitizenEmails}, written alongside the order
 * in the intake transaction, so it is there when the registration is heard of), each medium a message of its own
 * with its own key, so that one failing never holds up the other.
 */
@Component
class OrderNoticeListener {

    private final WorkOrderService orders;
    private final Notifications notifications;
    private final String publicUrl;
    private final Duration satisfactionDelay;
    private final boolean email;
    private final List<CitizenEmails> emails;

    OrderNoticeListener(WorkOrderService orders, Notifications notifications,
            @Value("${hotline.notification.public-url:http://localhost:8080}") String publicUrl,
            @Value("${hotline.notification.satisfaction-delay:PT0S}") Duration satisfactionDelay,
            @Value("${hotline.notification.email.enabled:false}") boolean email, List<CitizenEmails> emails) {
        this.orders = orders;
        this.notifications = notifications;
        this.publicUrl = publicUrl;
        this.satisfactionDelay = satisfactionDelay;
        this.email = email;
        this.emails = emails;
    }

    @EventListener
    void on(WorkOrderEvent.Registered registered) {
        // the order just stored, read on the intake's connection, inside its transaction
        WorkOrder order = orders.find(registered.order(), Actor.system());
        String n = registered.order().value();
        Optional<String> mobile = CitizenNotices.recipient(order.channel(), order.citizen());
        mobile.ifPresent(phone -> notifications.queue(
                NotificationKind.REGISTERED, Medium.SMS, phone, CitizenNotices.registered(n, publicUrl), n,
                "REGISTERED:" + n, null));
        emailOf(order).ifPresent(address -> notifications.queue(NotificationKind.REGISTERED, Medium.EMAIL, address,
                CitizenNotices.registeredEmail(n, publicUrl, mobile.isPresent()), n, "EMAIL:REGISTERED:" + n, null));
    }

    /** A reply (the first, or one after a redo): where to read it, then the request to rate it. */
    @ApplicationModuleListener
    void on(WorkOrderEvent.Replied replied) {
        WorkOrder order = orders.find(replied.order(), Actor.system());
        String n = replied.order().value();
        String round = n + ":" + replied.redoCount();
        Optional<String> mobile = CitizenNotices.recipient(order.channel(), order.citizen());
        mobile.ifPresent(phone -> {
            notifications.queue(NotificationKind.REPLIED, Medium.SMS, phone, CitizenNotices.replied(n, publicUrl), n,
                    "REPLIED:" + round, null);
            notifications.queue(NotificationKind.SATISFACTION, Medium.SMS, phone, CitizenNotices.satisfaction(n), n,
                    "SATISFACTION:" + round, replied.at().plus(satisfactionDelay));
        });
        emailOf(order).ifPresent(address -> {
            notifications.queue(NotificationKind.REPLIED, Medium.EMAIL, address,
                    CitizenNotices.repliedEmail(n, publicUrl, mobile.isPresent()), n, "EMAIL:REPLIED:" + round, null);
            notifications.queue(NotificationKind.SATISFACTION, Medium.EMAIL, address,
                    CitizenNotices.satisfactionEmail(n), n, "EMAIL:SATISFACTION:" + round,
                    replied.at().plus(satisfactionDelay));
        });
    }

    /** The address to write to, when the e-mail channel is on and the order's channel collected one. */
    private Optional<String> emailOf(WorkOrder order) {
        if (!email) {
            return Optional.empty();
        }
        OrderNumber number = order.number();
        return CitizenNotices.emailRecipient(order.channel(), emails.stream().map(e -> e.addressFor(number))
                .flatMap(Optional::stream).findFirst());
    }
}
