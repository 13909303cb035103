package org.hotline.knowledge.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The knowledge base's SQL on H2 in PostgreSQL mode, the development database. */
@HotlineIntegrationTest
class KnowledgeStorageOnH2Test extends KnowledgeStorageContract {
}
