package org.hotline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hotline.dispatch.FakeDispatchModel;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link BrowserIntegrationTest} with the fake dispatch model the intake and dispatch pages show
 * ({@link FakeDispatchModel}), on a database of its own, so that the screenshots show these tests' working day
 * and nothing another browser test left behind.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BrowserIntegrationTest
@Import(FakeDispatchModel.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-browser-desk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
public @interface ConsolePagesBrowserTest {
}
