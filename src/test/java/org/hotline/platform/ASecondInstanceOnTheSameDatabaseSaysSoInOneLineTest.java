package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.env.MockEnvironment;

/**
 * A second instance started in the folder of a running one (the H2 file is locked) fails to start with one
 * line saying so, instead of a stack trace.
 */
class ASecondInstanceOnTheSameDatabaseSaysSoInOneLineTest {

    /** What H2 throws when another process holds the file, wrapped as the start wraps it. */
    private static BeanCreationException startFailure() {
        SQLException locked = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1,
                "/srv/hotline/data/hotline.mv.db").getSQLException();
        return new BeanCreationException("flyway", "Failed to instantiate [org.flywaydb.core.Flyway]",
                new IllegalStateException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        locked)));
    }

    @Test
    void theLockedDatabaseIsNamedAsConfiguredInOneLine() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:h2:file:./data/hotline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0");

        FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer(env).analyze(startFailure());

        assertThat(analysis.getDescription()).isEqualTo("数据库 ./data/hotline 正被另一个 hotline 进程使用（H2 文件已锁定）："
                + "请先停止它，或用 --spring.datasource.url 指向另一个数据库").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("--spring.datasource.url").doesNotContain("\n");
        assertThat(analysis.getCause()).as("no stack trace to print").isNull();
    }

    @Test
    void withoutAConfiguredUrlTheFileH2NamesIsShown() {
        FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer(new MockEnvironment()).analyze(startFailure());

        assertThat(analysis.getDescription()).startsWith("数据库 /srv/hotline/data/hotline 正被另一个 hotline 进程使用");
    }

    @Test
    void otherStartFailuresAreLeftToTheOtherAnalyzers() {
        SQLException wrongPassword = DbException.get(ErrorCode.WRONG_USER_OR_PASSWORD).getSQLException();

        assertThat(new DatabaseInUseFailureAnalyzer(new MockEnvironment())
                .analyze(new IllegalStateException(wrongPassword))).isNull();
        assertThat(new DatabaseInUseFailureAnalyzer(new MockEnvironment())
                .analyze(new IllegalStateException("port in use"))).isNull();
    }

    @Test
    void springBootFindsTheAnalyzer() throws IOException {
        boolean registered = false;
        for (URL factories : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            try (InputStream in = factories.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                registered |= text.contains(FailureAnalyzer.class.getName())
                        && text.contains(DatabaseInUseFailureAnalyzer.class.getName());
            }
        }
        assertThat(registered).isTrue();
    }
}
