package org.hotline.workorder.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The keyword search's contract on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class KeywordSearchOnH2Test extends KeywordSearchContract {
}
