package org.hotline.knowledge.internal;

import org.hotline.support.HotlinePostgresTest;

/** The knowledge base's SQL on PostgreSQL, the production database. */
@HotlinePostgresTest
class KnowledgeStorageOnPostgresTest extends KnowledgeStorageContract {
}
