package org.hotline.workorder.internal;

import org.hotline.support.HotlinePostgresTest;

/** The keyword search's contract on PostgreSQL, the production database. */
@HotlinePostgresTest
class KeywordSearchOnPostgresTest extends KeywordSearchContract {
}
