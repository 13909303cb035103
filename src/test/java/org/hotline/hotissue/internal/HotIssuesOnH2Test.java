package org.hotline.hotissue.internal;

import org.hotline.support.HotlineIntegrationTest;

@HotlineIntegrationTest
class HotIssuesOnH2Test extends HotIssuesContract {
}
