package org.hotline.notification;

import org.hotline.support.HotlineIntegrationTest;

/** The outbox on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class NotificationOutboxOnH2Test extends NotificationOutboxContract {
}
