package org.hotline.platform;

import org.hotline.support.PostgresDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The bad-input corpus against a running server on PostgreSQL, the production database: where H2 stored a NUL
 * in text, PostgreSQL refuses it, so text is checked at the edge and both answer the same 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
@TestPropertySource(properties = {
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        "spring.modulith.moments.enabled=false" })
class NothingAClientSendsCausesAServerErrorOnPostgresTest extends BadInputCorpus {
}
