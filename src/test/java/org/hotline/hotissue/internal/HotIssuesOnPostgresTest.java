package org.hotline.hotissue.internal;

import org.hotline.support.HotlinePostgresTest;

@HotlinePostgresTest
class HotIssuesOnPostgresTest extends HotIssuesContract {
}
