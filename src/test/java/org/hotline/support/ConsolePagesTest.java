package org.hotline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hotline.dispatch.FakeDispatchModel;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link HotlineIntegrationTest} with the fake dispatch model the intake and dispatch pages show
 * ({@link FakeDispatchModel}), on a database of its own: the dispatches these tests make become training examples,
 * which must not reach the database where another context trains its first model from the demo history.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HotlineIntegrationTest
@Import(FakeDispatchModel.class)
@TestPropertySource(properties = { "hotline.dispatch.train-at-first-start=false",
        "spring.datasource.url=jdbc:h2:mem:hotline-console-pages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
public @interface ConsolePagesTest {
}
