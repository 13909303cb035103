package org.hotline.quality.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The quality module's SQL on H2 in PostgreSQL mode, the development database. */
@HotlineIntegrationTest
class QualityStorageOnH2Test extends QualityStorageContract {
}
