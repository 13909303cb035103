package org.hotline.workorder.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.hotline.platform.GroupCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/** The intake's group commit: how many writer threads, and how many orders may share one commit. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * Closed after the web server has stopped taking requests (beans are destroyed after the lifecycle stops),
     * so that every order handed in is committed before the database goes.
     */
    @Bean(destroyMethod = "close")
    GroupCommit intakeCommit(PlatformTransactionManager transactions, DataSource dataSource,
            @Value("${hotline.intake.writers:-1}") int writers,
            @Value("${hotline.intake.max-group:32}") int maxGroup) throws MetaDataAccessException {
        return new GroupCommit(transactions, "intake", writers >= 0 ? writers : defaultWriters(dataSource), maxGroup);
    }

    /**
     * H2 commits one transaction at a time whatever the number of writers, and one writer gathered the largest
     * groups (IntakeBenchmark, 4 clients: 578 orders/s with one writer, 516 with two). PostgreSQL runs
     * transactions side by side, and two writers keep one waiting on the network from holding up the rest.
     */
    private static int defaultWriters(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "H2".equalsIgnoreCase(product) ? 1 : 2;
    }
}
