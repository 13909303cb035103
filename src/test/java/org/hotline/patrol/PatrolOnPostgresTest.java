package org.hotline.patrol;

import org.hotline.support.HotlinePostgresTest;

/** Patrol reports on PostgreSQL, the production database. */
@HotlinePostgresTest
class PatrolOnPostgresTest extends PatrolContract {
}
