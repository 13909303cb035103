package org.hotline.audit;

import org.hotline.support.HotlinePostgresTest;

@HotlinePostgresTest
class AChangeAndItsRecordCommitTogetherOnPostgresTest extends AChangeAndItsRecordCommitTogetherContract {
}
