package org.hotline.notification.internal;

import org.hotline.notification.Medium;
import org.hotline.notification.Notification;
import org.hotline.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: a message is "sent" by being recorded (the outbox row) and logged with its recipient masked. */
final class LogNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

    private final Medium medium;

    LogNotifier(Medium medium) {
        this.medium = medium;
    }

    @Override
    public Medium medium() {
        return medium;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Outgoing message) {
        log.info("Notification {} by {} to {} recorded in the outbox only (no gateway configured)", message.id(),
                medium, Notification.mask(medium, message.recipient()));
    }
}
