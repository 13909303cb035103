package org.hotline.quality.internal;

import org.hotline.support.HotlinePostgresTest;

/** The quality module's SQL on PostgreSQL, the production database. */
@HotlinePostgresTest
class QualityStorageOnPostgresTest extends QualityStorageContract {
}
