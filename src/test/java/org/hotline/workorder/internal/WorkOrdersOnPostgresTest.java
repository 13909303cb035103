package org.hotline.workorder.internal;

import org.hotline.support.HotlinePostgresTest;

/** The repository contract on PostgreSQL, the production database. */
@HotlinePostgresTest
class WorkOrdersOnPostgresTest extends WorkOrdersContract {
}
