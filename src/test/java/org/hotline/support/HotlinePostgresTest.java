package org.hotline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a real PostgreSQL, the production database: the same as
 * {@link HotlineIntegrationTest} (demo organisation loaded, no demo orders, no timers) but on an empty
 * database of its own on the JVM's embedded PostgreSQL server ({@link SharedPostgres}). Use it where H2's
 * PostgreSQL mode may differ from the real thing: SQL, locking, triggers, concurrency.
 *
 * <p>Test classes with this annotation share one context and so one database: each test makes its own
 * orders and never assumes an empty table. A class that adds other configuration gets a context, and a
 * database, of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
@TestPropertySource(properties = {
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        // spring-modulith-moments switches @EnableScheduling on by itself, which would start the timers anyway
        "spring.modulith.moments.enabled=false" })
public @interface HotlinePostgresTest {
}
