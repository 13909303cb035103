package org.hotline.workorder.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The repository contract on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class WorkOrdersOnH2Test extends WorkOrdersContract {
}
