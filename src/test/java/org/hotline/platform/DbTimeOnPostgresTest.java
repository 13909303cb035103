package org.hotline.platform;

import org.hotline.support.HotlinePostgresTest;

/** Moments and days through {@link DbTime} on PostgreSQL, the production database. */
@HotlinePostgresTest
class DbTimeOnPostgresTest extends DbTimeContract {
}
