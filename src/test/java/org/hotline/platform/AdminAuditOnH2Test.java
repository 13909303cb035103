package org.hotline.platform;

import org.hotline.support.HotlineIntegrationTest;

@HotlineIntegrationTest
class AdminAuditOnH2Test extends AdminAuditContract {
}
