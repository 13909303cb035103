package org.hotline.patrol;

import org.hotline.support.HotlineIntegrationTest;

/** Patrol reports on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class PatrolOnH2Test extends PatrolContract {
}
