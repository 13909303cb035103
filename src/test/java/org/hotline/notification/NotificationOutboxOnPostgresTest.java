package org.hotline.notification;

import org.hotline.support.HotlinePostgresTest;

/** The outbox on PostgreSQL, the production database. */
@HotlinePostgresTest
class NotificationOutboxOnPostgresTest extends NotificationOutboxContract {
}
