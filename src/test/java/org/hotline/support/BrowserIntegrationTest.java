package org.hotline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port, as a browser meets it, with a headless Chromium for the test class
 * ({@link Browser}, injected as a parameter or field). In-memory H2 with the demo organisation (the demo users,
 * password demo123) but no demo orders and no timers; tests make their own orders through the services. All
 * classes with this annotation share one running application.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (and {@code fonts-noto-cjk}, or the Chinese in
 * the screenshots comes out as boxes). Without them the tests are skipped with a message saying what to install,
 * except on CI ({@code CI=true}), where they fail: a CI that skips its browser tests has not tested the console.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        "spring.modulith.moments.enabled=false" })
public @interface BrowserIntegrationTest {
}
