package org.hotline.platform;

import org.hotline.support.HotlinePostgresTest;

@HotlinePostgresTest
class AdminAuditOnPostgresTest extends AdminAuditContract {
}
