package org.hotline.open311;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on a real port, as Open311 clients reach it: bytes over a socket, decoded by Tomcat (a form
 * body without a charset included). The same settings as the bad-input corpus's server, so both share one
 * running context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-corpus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hotline.demo.enabled=false",
        "hotline.scheduling.enabled=false",
        "hotline.dispatch.automatic=false",
        "hotline.dispatch.train-at-first-start=false",
        "spring.modulith.moments.enabled=false" })
public @interface Open311ServerTest {
}
