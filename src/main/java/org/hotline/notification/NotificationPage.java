package org.hotline.notification;

import java.util.List;

/** One page of the outbox, newest first. */
public record NotificationPage(List<Notification> items, long total, int page, int size) {
}
