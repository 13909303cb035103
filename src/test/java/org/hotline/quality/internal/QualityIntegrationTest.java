package org.hotline.quality.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on an in-memory H2 of its own, like {@code HotlineIntegrationTest}, with a clock the test
 * sets ({@link QualityClock}): the quality loop runs on working days and on days that have ended. Test classes
 * share the context: each works on days and orders of its own. Public for the scenarios of other modules that
 * follow orders through the loop in time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(QualityClock.Config.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:quality-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        "spring.modulith.moments.enabled=false" })
public @interface QualityIntegrationTest {
}
