package org.hotline.notification;

/**
 * The way out for one medium: an SMS gateway, a mail server, or the log. The platform calls it from the outbox
 * job, outside any order's transaction, never from a request that changes an order.
 *
 * <p>To plug in a gateway: a Spring bean implementing this interface for its {@link #medium()} replaces the
 * shipped log notifier for that medium (the SMS gateway adapter in this module is one, switched on by
 * {@code hotline.notification.sms.enabled=true}). An e-mail notifier is written the same way (the platform ships
 * no mail library: Spring Mail is not among the dependencies this build resolves).
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

    /** One message as it leaves: to whom (a phone number or an address) and the text. */
    record Outgoing(long id, Medium medium, String recipient, String text) {
    }
}
