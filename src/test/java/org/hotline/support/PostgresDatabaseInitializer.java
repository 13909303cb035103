package org.hotline.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.datasource.*} at a new database on the {@link SharedPostgres} server, before anything
 * reads the datasource properties. It runs once per Spring context that is created, so each cached context
 * has its own database and contexts never see each other's rows.
 */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = SharedPostgres.newDatabase("ctx");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hotline-test-postgres",
                Map.of("spring.datasource.url", url,
                        "spring.datasource.username", SharedPostgres.USER,
                        "spring.datasource.password", SharedPostgres.PASSWORD)));
    }
}
