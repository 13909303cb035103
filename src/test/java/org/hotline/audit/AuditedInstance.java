package org.hotline.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hotline.support.HotlineIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link HotlineIntegrationTest} on a database of its own: the audit's tests change what other tests rely on (the
 * routing rules, the model in service, training examples from an import) and add a trigger that refuses audit lines
 * for a moment. The audit tests share this context with each other and with no one else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HotlineIntegrationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:hotline-audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
public @interface AuditedInstance {
}
