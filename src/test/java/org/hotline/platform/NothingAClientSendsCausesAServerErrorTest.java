package org.hotline.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** The bad-input corpus against a running server on H2 (PostgreSQL mode, the production migrations). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-corpus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        "spring.modulith.moments.enabled=false" })
class NothingAClientSendsCausesAServerErrorTest extends BadInputCorpus {
}
