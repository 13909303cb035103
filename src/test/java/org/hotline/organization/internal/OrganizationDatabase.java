package org.hotline.organization.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline.platform.ChangeSignals;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A fresh, migrated database with the organization module's repositories and loader wired by hand: the
 * loader's rules can be tested on an empty database without starting Spring.
 */
final class OrganizationDatabase {

    final DataSource dataSource;
    final JdbcClient jdbc;
    final JdbcUnits units;
    final JdbcCategories categories;
    final JdbcUserAccounts users;
    final JdbcGazetteer gazetteer;
    final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final OrganizationLoader loader;

    private OrganizationDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.systemUTC();
        OrganizationProperties properties = new OrganizationProperties("unused");
        // the in-process signals alone (never started): these tests write through the repositories
        ChangeSignals signals = new ChangeSignals(dataSource, Duration.ofSeconds(10));
        this.units = new JdbcUnits(jdbc, clock, signals);
        this.categories = new JdbcCategories(jdbc, clock, signals);
        this.users = new JdbcUserAccounts(jdbc, clock, signals);
        this.gazetteer = new JdbcGazetteer(jdbc, clock, signals);
        this.loader = new OrganizationLoader(units, categories, users, gazetteer, passwordEncoder,
                new DataSourceTransactionManager(dataSource), new DefaultResourceLoader(), properties);
    }

    /** An empty H2 database of its own, in the PostgreSQL mode the application uses. */
    static OrganizationDatabase h2() {
        return new OrganizationDatabase(new DriverManagerDataSource("jdbc:h2:mem:org-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static OrganizationDatabase on(DataSource dataSource) {
        return new OrganizationDatabase(dataSource);
    }

    Resource resource(String location) {
        return loader.resolve(location);
    }

    boolean load(String location) {
        return loader.loadIfEmpty(resource(location));
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
