package org.hotline.dispatch.internal.routing;

import org.hotline.support.HotlinePostgresTest;

/** The dispatch directory's storage and API on PostgreSQL, the production database. */
@HotlinePostgresTest
class TheDispatchDirectoryIsDataAnAdministratorEditsOnPostgresTest
        extends TheDispatchDirectoryIsDataAnAdministratorEditsContract {
}
