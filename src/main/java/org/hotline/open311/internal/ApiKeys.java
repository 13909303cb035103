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

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.AttemptLimiter;
import org.hotline.platform.ConflictException;
import org.hotline.platform.DbTime;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.platform.TextChecks;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Open311 clients' API keys: an administrator issues one per client application, names it, sets its rate and
 * may revoke it. Only a SHA-256 hash of each key is stored (a key is 32 random bytes, so a hash is as good as a slow
 * password hash and costs nothing per request); the key itself is shown once, when it is issued.
 *
 * <p>The one place that decides about keys, for the admin API and the console's key page alike: who may manage
 * them ({@link #refuseUnlessAdministrator}), what a name, a client application and a rate may be, that a revoked key
 * stays as it was; and every change is a line of the administrators' audit ({@link AdminAudit}), written in the
 * change's own transaction.
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

    record ApiKey(long id, String name, String clientApplication, String hint, int ratePerMinute, Instant createdAt,
            String createdBy, Instant revokedAt, String revokedBy) {

        boolean active() {
            return revokedAt == null;
        }

        /** The key as an administrator may see it again: its last four characters behind a mask. */
        String masked() {
            return "••••" + hint;
        }
    }

    /** A key with what it was used for: the requests filed with it and the last one (null: never used). */
    record Listed(ApiKey key, long requests, Instant lastUsed) {
    }

    /** A newly issued key: the only moment its secret is known outside the client. */
    record Issued(ApiKey key, String secret) {
    }

    private record Remembered(Optional<ApiKey> key, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Open311Properties properties;
    private final AdminAudit audit;
    private final TransactionTemplate inTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();
    /** Each key's count with the rate it was made for: an administrator's new rate starts a new count. */
    private record Rate(int perMinute, AttemptLimiter limiter) {
    }

    private final Map<Long, Rate> rates = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock, Open311Properties properties, AdminAudit audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.inTransaction = new TransactionTemplate(transactions);
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
                    // the key and its line commit together, as every change to a key does
                    inTransaction.executeWithoutResult(tx -> {
                        ApiKey key = insert("启动配置的密钥 …" + hint(secret) + "（" + hash.substring(0, 8) + "）", null,
                                hash, hint(secret), properties.ratePerMinute(), Actor.SYSTEM);
                        audit.record(Actor.SYSTEM, AdminAudit.OPEN311_KEY, Long.toString(key.id()), "CREATE",
                                "按启动配置（hotline.open311.api-keys）登记密钥「" + key.name() + "」，每分钟限 "
                                        + key.ratePerMinute() + " 件");
                    });
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

    /** Only an administrator manages keys: the API's URL rule says so too, and this says it for every adapter. */
    static void refuseUnlessAdministrator(Actor actor) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw new ForbiddenException("not-permitted", "只有系统管理员可以管理 Open311 API 密钥");
        }
    }

    /** Every key, newest first, with its use. */
    List<Listed> list(Actor viewer) {
        refuseUnlessAdministrator(viewer);
        Map<Long, Listed> usage = new java.util.HashMap<>();
        jdbc.sql("SELECT api_key_id, COUNT(*), MAX(requested_at) FROM open311_request GROUP BY api_key_id")
                .query(rs -> {
                    usage.put(rs.getLong(1), new Listed(null, rs.getLong(2), DbTime.instant(rs, 3)));
                });
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(ApiKeys::row).list().stream().map(k -> {
            Listed u = usage.get(k.id());
            return new Listed(k, u == null ? 0 : u.requests(), u == null ? null : u.lastUsed());
        }).toList();
    }

    @Transactional
    Issued issue(String name, String clientApplication, Integer ratePerMinute, Actor by) {
        refuseUnlessAdministrator(by);
        String checkedName = name(name);
        String client = clientApplication(clientApplication);
        int rate = rate(ratePerMinute == null ? properties.ratePerMinute() : ratePerMinute);
        refuseTakenName(checkedName, -1);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = insert(checkedName, client, hash(secret), hint(secret), rate, by.username());
        audit.record(by.username(), AdminAudit.OPEN311_KEY, Long.toString(key.id()), "CREATE", "发放密钥「"
                + key.name() + "」" + (client == null ? "" : "（客户端应用：" + client + "）") + "，每分钟限 " + rate
                + " 件，密钥 " + key.masked());
        return new Issued(key, secret);
    }

    /** 改名: the key's name and the client application it is for. */
    @Transactional
    ApiKey rename(long id, String name, String clientApplication, Actor by) {
        refuseUnlessAdministrator(by);
        ApiKey key = changeable(id);
        String checkedName = name(name);
        String client = clientApplication(clientApplication);
        refuseTakenName(checkedName, id);
        List<String> changes = new java.util.ArrayList<>();
        if (!checkedName.equals(key.name())) {
            changes.add("名称「" + key.name() + "」改为「" + checkedName + "」");
        }
        if (!java.util.Objects.equals(client, key.clientApplication())) {
            changes.add("客户端应用「" + (key.clientApplication() == null ? "未填写" : key.clientApplication()) + "」改为「"
                    + (client == null ? "未填写" : client) + "」");
        }
        if (changes.isEmpty()) {
            return key;
        }
        jdbc.sql("UPDATE open311_api_key SET name = :name, client_application = :client WHERE id = :id")
                .param("name", checkedName).param("client", client).param("id", id).update();
        audit.record(by.username(), AdminAudit.OPEN311_KEY, Long.toString(id), "RENAME", String.join("；", changes));
        forget();
        return find(id).orElseThrow();
    }

    /** A new rate: counted afresh from the next request, on every instance within {@link #REMEMBERED}. */
    @Transactional
    ApiKey changeRate(long id, Integer ratePerMinute, Actor by) {
        refuseUnlessAdministrator(by);
        ApiKey key = changeable(id);
        if (ratePerMinute == null) {
            throw new InvalidInputException("ratePerMinute", "必须填写");
        }
        int rate = rate(ratePerMinute);
        if (rate == key.ratePerMinute()) {
            return key;
        }
        jdbc.sql("UPDATE open311_api_key SET rate_per_minute = :rate WHERE id = :id").param("rate", rate)
                .param("id", id).update();
        audit.record(by.username(), AdminAudit.OPEN311_KEY, Long.toString(id), "RATE", "密钥「" + key.name()
                + "」每分钟限额 " + key.ratePerMinute() + " 件改为 " + rate + " 件");
        forget();
        return find(id).orElseThrow();
    }

    /**
     * One change of several parts (the API's PATCH), all or nothing: a null part stays as it is (a name and a
     * client application go together: the one given is changed, the other kept).
     */
    @Transactional
    ApiKey change(long id, String name, String clientApplication, Integer ratePerMinute, Actor by) {
        refuseUnlessAdministrator(by);
        ApiKey key = changeable(id);
        if (name != null || clientApplication != null) {
            key = rename(id, name != null ? name : key.name(),
                    clientApplication != null ? clientApplication : key.clientApplication(), by);
        }
        if (ratePerMinute != null) {
            key = changeRate(id, ratePerMinute, by);
        }
        return key;
    }

    /** 停用: at once on this instance, within {@link #REMEMBERED} on the others; never undone. */
    @Transactional
    ApiKey revoke(long id, Actor by) {
        refuseUnlessAdministrator(by);
        ApiKey key = find(id).orElseThrow(() -> new NotFoundException("密钥 " + id + " 不存在"));
        if (key.active()) {
            jdbc.sql("UPDATE open311_api_key SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                    .param("at", DbTime.param(clock.instant())).param("by", by.username()).param("id", id).update();
            audit.record(by.username(), AdminAudit.OPEN311_KEY, Long.toString(id), "REVOKE",
                    "停用密钥「" + key.name() + "」（" + key.masked() + "）");
            forget(); // this instance refuses it from the next request on
        }
        return find(id).orElseThrow();
    }

    /** What was done to one key, newest first. */
    List<AdminAudit.Entry> history(long id, Actor viewer) {
        refuseUnlessAdministrator(viewer);
        return audit.recent(AdminAudit.OPEN311_KEY, Long.toString(id), 50);
    }

    /** The latest changes to any key, newest first. */
    List<AdminAudit.Entry> recentChanges(Actor viewer, int limit) {
        refuseUnlessAdministrator(viewer);
        return audit.recent(AdminAudit.OPEN311_KEY, null, limit);
    }

    private ApiKey changeable(long id) {
        ApiKey key = find(id).orElseThrow(() -> new NotFoundException("密钥 " + id + " 不存在"));
        if (!key.active()) {
            throw new ConflictException("key-revoked", "密钥「" + key.name() + "」已停用，不能再修改");
        }
        return key;
    }

    private void forget() {
        byHash.clear();
    }

    private static String name(String name) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty() || checked.length() > 100) {
            throw new InvalidInputException("name", "必须填写，最长 100 个字符");
        }
        TextChecks.check("name", checked);
        return checked;
    }

    private static String clientApplication(String client) {
        String checked = client == null ? "" : client.strip();
        if (checked.length() > 200) {
            throw new InvalidInputException("clientApplication", "最长 200 个字符");
        }
        TextChecks.check("clientApplication", checked);
        return checked.isEmpty() ? null : checked;
    }

    private static int rate(int rate) {
        if (rate < 1 || rate > MAX_RATE) {
            throw new InvalidInputException("ratePerMinute", "应在 1 到 " + MAX_RATE + " 之间");
        }
        return rate;
    }

    private void refuseTakenName(String name, long except) {
        if (jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE name = :n AND id <> :id").param("n", name)
                .param("id", except).query(Long.class).single() > 0) {
            throw new InvalidInputException("name", "已有同名的密钥，请换一个名称");
        }
    }

    Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ApiKeys::row).optional();
    }

    private Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE key_hash = :h").param("h", hash).query(ApiKeys::row).optional();
    }

    private ApiKey insert(String name, String client, String hash, String hint, int rate, String by) {
        long id = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM open311_api_key").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO open311_api_key (id, name, client_application, key_hash, key_hint, rate_per_minute,
                  created_at, created_by)
                VALUES (:id, :name, :client, :hash, :hint, :rate, :at, :by)""")
                .param("id", id).param("name", name).param("client", client).param("hash", hash).param("hint", hint)
                .param("rate", rate)
                .param("at", DbTime.param(clock.instant())).param("by", by).update();
        return find(id).orElseThrow();
    }

    private static final String SELECT = "SELECT id, name, client_application, key_hint, rate_per_minute,"
            + " created_at, created_by, revoked_at, revoked_by FROM open311_api_key";

    private static ApiKey row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("client_application"),
                rs.getString("key_hint"),
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
