package org.hotline.dispatch.internal.routing;

import org.hotline.support.HotlineIntegrationTest;

/** The dispatch directory's storage and API on H2 in PostgreSQL mode, the development database. */
@HotlineIntegrationTest
class TheDispatchDirectoryIsDataAnAdministratorEditsOnH2Test extends TheDispatchDirectoryIsDataAnAdministratorEditsContract {
}
