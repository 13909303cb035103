package org.hotline.statistics.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The triage figures on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class TriageFiguresOnH2Test extends TriageFiguresContract {
}
