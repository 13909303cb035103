package org.hotline.open311.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline.platform.AttemptLimiter;
import org.hotline.platform.DbTime;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Open311 clients' API keys: an administrator issues one per client application, names it and may revoke it.
 * Only a SHA-256 hash of each key is stored (a key is 32 random bytes, so a hash is as good as a slow password
 * hash and costs nothing per request); the key itself is shown once, when it is issued.
 *
 * <p>A key is looked up by its hash and remembered for {@link #REMEMBERED}: a revocation holds at once on the
 * instance that made it and within that time on the others. Each key may file {@code rate_per_minute} requests in
 * any minute, counted in this instance's memory ({@link AttemptLimiter}, every request counting as an attempt).
 */
@Component
class ApiKeys implements InitializingBean {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 10_000;
    static final int MAX_RATE = 1_000_000;

    record ApiKey(long id, String name, String hint, int ratePerMinute, Instant createdAt, String createdBy,
            Instant revokedAt, String revokedBy) {

        boolean active() {
            return revokedAt == null;
        }
    }

    /** A newly issued key: the only moment its secret is known outside the client. */
    record Issued(ApiKey key, String secret) {
    }

    private record Remembered(Optional<ApiKey> key, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Open311Properties properties;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();
    /** Each key's count with the rate it was made for: an administrator's new rate starts a new count. */
    private record Rate(int perMinute, AttemptLimiter limiter) {
    }

    private final Map<Long, Rate> rates = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock, Open311Properties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code hotline.open311.api-keys}: stored unless known already (a revoked one stays revoked). */
    @Override
    public void afterPropertiesSet() {
        for (String secret : properties.apiKeys()) {
            String hash = hash(secret);
            boolean known = jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE key_hash = :h").param("h", hash)
                    .query(Long.class).single() > 0;
            if (!known) {
                try {
                    insert("启动配置的密钥 …" + hint(secret) + "（" + hash.substring(0, 8) + "）", hash, hint(secret),
                            properties.ratePerMinute(), "system");
                } catch (DuplicateKeyException anotherInstanceWasFirst) {
                    // the same configuration started twice at once: one row is all it takes
                }
            }
        }
    }

    /** The active key with this secret; empty for an unknown or revoked one. */
    Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        Remembered remembered = byHash.get(hash);
        if (remembered == null || now.isAfter(remembered.until())) {
            if (byHash.size() >= MAX_REMEMBERED) {
                byHash.clear(); // a flood of made-up keys must not grow memory
            }
            remembered = new Remembered(findByHash(hash), now.plus(REMEMBERED));
            byHash.put(hash, remembered);
        }
        return remembered.key().filter(ApiKey::active);
    }

    /** Counts one request against the key's rate; false when it has used up this minute's. */
    boolean admit(ApiKey key) {
        // one key per limiter (room for two: a limiter that is full forgets its counts)
        AttemptLimiter limiter = rates.compute(key.id(), (id, existing) -> existing != null
                && existing.perMinute() == key.ratePerMinute() ? existing
                        : new Rate(key.ratePerMinute(),
                                new AttemptLimiter(key.ratePerMinute(), Duration.ofMinutes(1), 2, clock))).limiter();
        String id = Long.toString(key.id());
        if (limiter.isBlocked(id)) {
            return false;
        }
        limiter.recordFailure(id);
        return true;
    }

    @Transactional
    Issued issue(String name, Integer ratePerMinute, String by) {
        String checkedName = name == null ? "" : name.strip();
        if (checkedName.isEmpty() || checkedName.length() > 100) {
            throw new InvalidInputException("name", "必须填写，最长 100 个字符");
        }
        int rate = ratePerMinute == null ? properties.ratePerMinute() : ratePerMinute;
        if (rate < 1 || rate > MAX_RATE) {
            throw new InvalidInputException("ratePerMinute", "应在 1 到 " + MAX_RATE + " 之间");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE name = :n").param("n", checkedName)
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("name", "已有同名的密钥，请换一个名称");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = insert(checkedName, hash(secret), hint(secret), rate, by);
        return new Issued(key, secret);
    }

    @Transactional
    ApiKey revoke(long id, String by) {
        ApiKey key = find(id).orElseThrow(() -> new NotFoundException("密钥 " + id + " 不存在"));
        if (key.active()) {
            jdbc.sql("UPDATE open311_api_key SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                    .param("at", DbTime.param(clock.instant())).param("by", by).param("id", id).update();
            byHash.clear(); // this instance refuses it from the next request on
        }
        return find(id).orElseThrow();
    }

    List<ApiKey> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(ApiKeys::row).list();
    }

    Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ApiKeys::row).optional();
    }

    private Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE key_hash = :h").param("h", hash).query(ApiKeys::row).optional();
    }

    private ApiKey insert(String name, String hash, String hint, int rate, String by) {
        long id = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM open311_api_key").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO open311_api_key (id, name, key_hash, key_hint, rate_per_minute, created_at, created_by)
                VALUES (:id, :name, :hash, :hint, :rate, :at, :by)""")
                .param("id", id).param("name", name).param("hash", hash).param("hint", hint).param("rate", rate)
                .param("at", DbTime.param(clock.instant())).param("by", by).update();
        return find(id).orElseThrow();
    }

    private static final String SELECT = "SELECT id, name, key_hint, rate_per_minute, created_at, created_by,"
            + " revoked_at, revoked_by FROM open311_api_key";

    private static ApiKey row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_hint"),
                rs.getInt("rate_per_minute"), DbTime.instant(rs, "created_at"), rs.getString("created_by"),
                DbTime.instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }

    private static String hint(String secret) {
        return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
