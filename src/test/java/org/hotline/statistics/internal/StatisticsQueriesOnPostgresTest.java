package org.hotline.statistics.internal;

import org.hotline.support.HotlinePostgresTest;

/** The statistics queries on PostgreSQL, the production database. */
@HotlinePostgresTest
class StatisticsQueriesOnPostgresTest extends StatisticsQueriesContract {
}
