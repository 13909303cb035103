package org.hotline.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bearer tokens, under {@code hotline.security}.
 *
 * @param tokenSecret the HS256 signing secret, at least 32 bytes in UTF-8; when absent, a random secret is
 *        generated at first start and kept in the database, shared by all instances
 * @param tokenTtl how long an issued token stays valid; 8 hours by default, one working shift
 */
@ConfigurationProperties(prefix = "hotline.security")
record TokenProperties(String tokenSecret, @DefaultValue("8h") Duration tokenTtl) {

    /** HS256 needs a key as long as its hash (RFC 7518, 3.2). */
    static final int MIN_SECRET_BYTES = 32;

    TokenProperties {
        if (tokenSecret != null && !tokenSecret.isEmpty()
                && tokenSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("hotline.security.token-secret must be at least "
                    + MIN_SECRET_BYTES + " bytes long; leave it unset to have one generated and stored");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("hotline.security.token-ttl must be positive");
        }
    }

    boolean secretConfigured() {
        return tokenSecret != null && !tokenSecret.isEmpty();
    }
}
