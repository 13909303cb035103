package org.hotline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on an in-memory H2 database (PostgreSQL mode, the same migrations as production),
 * with the demo organisation loaded but no demo orders and no timers: tests call scheduled jobs themselves.
 * The AI dispatcher only suggests, so a registered order waits for the test's own dispatch; tests about AI
 * dispatch switch it on with {@code hotline.dispatch.automatic=true}.
 * Test classes share one context, so each test makes its own orders and never assumes an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        // the workflow tests know the demo taxonomy's leaf categories: version 1 trains from the demo history
        // (AFreshInstallServesTheShippedModelTest starts a context of its own with the shipped model)
        "hotline.dispatch.shipped-model=",
        // spring-modulith-moments switches @EnableScheduling on by itself, which would start the timers anyway
        "spring.modulith.moments.enabled=false" })
public @interface HotlineIntegrationTest {
}
