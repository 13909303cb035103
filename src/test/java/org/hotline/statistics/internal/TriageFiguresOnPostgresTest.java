package org.hotline.statistics.internal;

import org.hotline.support.HotlinePostgresTest;

/** The triage figures on PostgreSQL, the production database. */
@HotlinePostgresTest
class TriageFiguresOnPostgresTest extends TriageFiguresContract {
}
