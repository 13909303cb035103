package org.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Without a configured secret, the first instance to start generates one and stores it; every instance
 * (and every restart) signs with that stored secret, so that any of them accepts a token another issued.
 * Each test runs on its own fresh database, migrated as in production.
 */
class TheTokenSecretIsGeneratedOnceAndSharedTests {

    private static final TokenProperties UNCONFIGURED = new TokenProperties(null, Duration.ofHours(8));
    private static final Clock CLOCK = Clock.fixed(MovableClock.START, ZoneId.of("Asia/Shanghai"));

    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(migratedDatabase());
    }

    @Test
    void theFirstStartGeneratesASecretAndLaterStartsReadIt() {
        byte[] first = new TokenSecretStore(JdbcClient.create(jdbc), UNCONFIGURED).secret();
        byte[] second = new TokenSecretStore(JdbcClient.create(jdbc), UNCONFIGURED).secret();

        assertThat(first).hasSizeGreaterThanOrEqualTo(TokenProperties.MIN_SECRET_BYTES);
        assertThat(second).isEqualTo(first);
        assertThat(storedSecrets()).containsExactly(Base64.getEncoder().encodeToString(first));
    }

    @Test
    void instancesStartingTogetherAllSignWithTheOneSecretThatWasStored() throws Exception {
        int instances = 6;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService starts = Executors.newFixedThreadPool(instances);
        try {
            List<Future<byte[]>> secrets = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                secrets.add(starts.submit(() -> {
                    together.await();
                    return new TokenSecretStore(JdbcClient.create(jdbc), UNCONFIGURED).secret();
                }));
            }
            List<byte[]> used = new ArrayList<>();
            for (Future<byte[]> secret : secrets) {
                used.add(secret.get());
            }
            assertThat(storedSecrets()).hasSize(1);
            byte[] stored = Base64.getDecoder().decode(storedSecrets().get(0));
            assertThat(used).hasSize(instances).allSatisfy(secret -> assertThat(secret).isEqualTo(stored));
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void aLateInsertNeitherFailsNorReplacesTheStoredSecret() {
        TokenSecretStore store = new TokenSecretStore(JdbcClient.create(jdbc), UNCONFIGURED);

        assertThat(store.insertIfAbsent("Zmlyc3Q=")).isTrue();
        assertThat(store.insertIfAbsent("c2Vjb25k")).isFalse();

        assertThat(storedSecrets()).containsExactly("Zmlyc3Q=");
    }

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedByAnotherSharingTheDatabase() {
        Actor handler = new Actor("zhao.cb", "赵承办", Role.UNIT_HANDLER, new UnitId("dcf-scjgj"));
        String token = instance(jdbc).issue(handler).accessToken();

        assertThat(BearerTokens.actor(instance(jdbc).decoder().decode(token))).isEqualTo(handler);
        JdbcTemplate otherDatabase = new JdbcTemplate(migratedDatabase());
        assertThatThrownBy(() -> instance(otherDatabase).decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aConfiguredSecretIsUsedAndNothingIsStored() {
        String configured = "a-configured-secret-of-at-least-32-bytes";

        byte[] secret = new TokenSecretStore(JdbcClient.create(jdbc), new TokenProperties(configured, Duration.ofHours(8))).secret();

        assertThat(secret).isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
        assertThat(storedSecrets()).isEmpty();
    }

    @Test
    void aConfiguredSecretShorterThan32BytesIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenProperties("too-short", Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    private BearerTokens instance(JdbcTemplate database) {
        return new BearerTokens(new TokenSecretStore(JdbcClient.create(database), UNCONFIGURED), UNCONFIGURED, CLOCK);
    }

    private List<String> storedSecrets() {
        return jdbc.queryForList("SELECT \"value\" FROM setting WHERE name = ?", String.class,
                TokenSecretStore.SETTING);
    }

    private static DataSource migratedDatabase() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:secret-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
