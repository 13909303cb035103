package org.hotline.platform;

import org.hotline.support.HotlineIntegrationTest;

/** Moments and days through {@link DbTime} on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class DbTimeOnH2Test extends DbTimeContract {
}
