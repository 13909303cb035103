package org.hotline.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (deadline sweeps, daily scoring) run once across all instances that share the database:
 * each job method carries {@code @SchedulerLock} and takes a lock row in {@code shedlock} first, timed by the
 * database's clock so that instances with drifting clocks still agree. The lock wraps the method itself, so
 * it holds whether the timer or a test calls it.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    /** ShedLock's JDBC provider takes a {@code JdbcTemplate}: the one the hotline's own code does not use. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /** The timers; {@code hotline.scheduling.enabled=false} switches them off (tests call the jobs directly). */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "hotline.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Timers {
    }
}
