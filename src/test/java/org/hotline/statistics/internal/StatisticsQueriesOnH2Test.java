package org.hotline.statistics.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The statistics queries on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class StatisticsQueriesOnH2Test extends StatisticsQueriesContract {
}
