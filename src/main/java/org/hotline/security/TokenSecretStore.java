package org.hotline.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the token signing secret comes from: the configured {@code hotline.security.token-secret}, or else a
 * random secret generated at first start and kept in the {@code setting} table. Storing it lets several
 * instances behind a load balancer accept each other's tokens, and lets tokens survive a restart.
 */
@Component
class TokenSecretStore {

    static final String SETTING = "security.token-secret";

    private static final Logger log = LoggerFactory.getLogger(TokenSecretStore.class);

    private final JdbcClient jdbc;
    private final TokenProperties properties;

    TokenSecretStore(JdbcClient jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The secret; reads (and at first start writes) the database only when none is configured. */
    byte[] secret() {
        if (properties.secretConfigured()) {
            return properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        }
        List<String> stored = read();
        if (stored.isEmpty()) {
            if (insertIfAbsent(generate())) {
                log.info("Generated the token signing secret and stored it in setting '{}'", SETTING);
            }
            // Two instances starting at once both get here; only one insert wins, and both sign with
            // the winner's secret.
            stored = read();
        }
        return Base64.getDecoder().decode(stored.get(0));
    }

    /**
     * Stores the secret unless one is there already; says whether it did. Atomic in the database, so
     * a concurrent start neither fails on the primary key nor overwrites the secret others already use.
     */
    boolean insertIfAbsent(String encodedSecret) {
        return jdbc.sql("INSERT INTO setting (name, \"value\") VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(SETTING, encodedSecret).update() == 1;
    }

    private List<String> read() {
        return jdbc.sql("SELECT \"value\" FROM setting WHERE name = ?").param(SETTING).query(String.class).list();
    }

    private static String generate() {
        byte[] secret = new byte[TokenProperties.MIN_SECRET_BYTES * 2];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
