package org.hotline.notification;

/**
 * The way out for one medium: an SMS gateway, a mail server, or the log. The platform calls it from the outbox
 * job, outside any order's transaction, never from a request that changes an order.
 *
 * <p>To plug in a gateway: a Spring bean implementing this interface for its {@link #medium()} replaces the
 * shipped log notifier for that medium. This module ships two: the SMS gateway adapter
 * ({@code hotline.notification.sms.enabled=true}) and the SMTP adapter for e-mail
 * ({@code hotline.notification.email.enabled=true}).
 */
public interface Notifier {

    /** The medium this notifier delivers. */
    Medium medium();

    /** A short name recorded with each message it delivered ("log", "sms-gateway"). */
    String name();

    /**
     * Delivers the message or throws: any exception counts as a failed try, retried later with backoff. Must
     * not take longer than a few seconds (set the client's timeouts).
     */
    void send(Outgoing message) throws Exception;

    /**
     * One message as it leaves: to whom (a phone number or an address), the text, and what it is for (its kind and
     * order, null for a one-time code), from which a medium with a subject line (e-mail) writes one.
     */
    record Outgoing(long id, Medium medium, String recipient, String text, NotificationKind kind,
            String orderNumber) {

        /** A subject line in the citizen's language: "12345 市民热线：受理告知（工单 20261130-000001）". */
        public String subject() {
            String what = kind == null ? "通知" : kind.label();
            return "12345 市民热线：" + what + (orderNumber == null ? "" : "（工单 " + orderNumber + "）");
        }
    }
}
