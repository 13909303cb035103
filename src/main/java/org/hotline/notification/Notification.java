package org.hotline.notification;

import java.time.Instant;

import org.hotline.workorder.Citizen;

/**
 * One message in the outbox, as the console's 通知记录 lists it: the recipient is masked (138****1234), the text is
 * what was or will be sent (it never holds internal text: the notices are written from fixed templates with the
 * order number only).
 */
public record Notification(long id, NotificationKind kind, Medium medium, String maskedRecipient, String text,
        String orderNumber, NotificationStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
        Instant sentAt, String deliveredBy, String lastError) {

    /** The recipient as staff may see it: a phone masked like everywhere else, an address cut after 3 characters. */
    public static String mask(Medium medium, String recipient) {
        if (recipient == null) {
            return null;
        }
        if (medium == Medium.SMS) {
            return Citizen.mask(recipient);
        }
        int at = recipient.indexOf('@');
        return at <= 0 ? "***" : recipient.substring(0, Math.min(3, at)) + "***" + recipient.substring(at);
    }
}
