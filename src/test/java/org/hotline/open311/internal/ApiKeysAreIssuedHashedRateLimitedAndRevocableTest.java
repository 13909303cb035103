package org.hotline.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.hotline.open311.Open311Http;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.AdminAudit;
import org.hotline.open311.Open311ServerTest;
import org.hotline.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * API keys: only an administrator issues, lists and revokes them; the secret is shown once and only its hash is
 * stored; each key files at most its rate per minute; a revoked key is refused at once; keys given in the
 * configuration are stored at start, and one an administrator revoked stays revoked at the next start.
 */
@Open311ServerTest
class ApiKeysAreIssuedHashedRateLimitedAndRevocableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    Clock clock;

    @Autowired
    AdminAudit audit;

    @Autowired
    PlatformTransactionManager transactions;

    private RawHttp.Response file(Open311Http client, String key) throws Exception {
        return client.post("/open311/v2/requests.xml", "api_key", key, "service_code", "09.02.01",
                "address_string", "新区街道花园北路", "description", "垃圾桶满了没人清运");
    }

    @Test
    void onlyAnAdministratorIssuesKeysAndOnlyTheirHashIsStored() throws Exception {
        Open311Http client = new Open311Http(port);
        assertThat(client.as("operator1", "POST", "/api/v1/admin/open311/keys", "{\"name\":\"不该有的\"}").status())
                .isEqualTo(403);
        RawHttp.Response issued = client.admin("POST", "/api/v1/admin/open311/keys", "{\"name\":\"街道 App\"}");
        assertThat(issued.status()).isEqualTo(201);
        JsonNode body = Open311Http.json(issued);
        String secret = body.path("apiKey").asText();
        assertThat(secret).hasSizeGreaterThan(40);
        String stored = jdbc.queryForObject("SELECT key_hash FROM open311_api_key WHERE name = '街道 App'",
                String.class);
        assertThat(stored).isEqualTo(ApiKeys.hash(secret)).isNotEqualTo(secret);
        String listed = client.admin("GET", "/api/v1/admin/open311/keys", null).text();
        assertThat(listed).contains("街道 App").contains(secret.substring(secret.length() - 4))
                .doesNotContain(secret);
        assertThat(client.admin("POST", "/api/v1/admin/open311/keys", "{\"name\":\"街道 App\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aKeyFilesAtMostItsRatePerMinute() throws Exception {
        Open311Http client = new Open311Http(port);
        String key = client.issueKey("限速客户端", 2);
        assertThat(file(client, key).status()).isEqualTo(201);
        assertThat(file(client, key).status()).isEqualTo(201);
        RawHttp.Response third = file(client, key);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isEqualTo("60");
        assertThat(Open311Http.text(Open311Http.xml(third).getDocumentElement(), "description"))
                .startsWith("api_key：").contains("每分钟最多提交 2 件");
        // another key is not slowed down by it
        assertThat(file(client, client.issueKey("不限速客户端", null)).status()).isEqualTo(201);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() throws Exception {
        Open311Http client = new Open311Http(port);
        String key = client.issueKey("将停用的客户端", null);
        assertThat(file(client, key).status()).isEqualTo(201);
        long id = jdbc.queryForObject("SELECT id FROM open311_api_key WHERE name = '将停用的客户端'", Long.class);
        RawHttp.Response revoked = client.admin("POST", "/api/v1/admin/open311/keys/" + id + "/revoke", null);
        assertThat(Open311Http.json(revoked).path("active").asBoolean()).isFalse();
        assertThat(file(client, key).status()).isEqualTo(403);
    }

    @Test
    void configuredKeysAreStoredAtStartAndARevokedOneStaysRevoked() {
        Open311Properties properties = new Open311Properties(List.of("configured-key-1", " configured-key-2 "), null,
                null, null, null, null, null);
        ApiKeys keys = new ApiKeys(jdbcClient, clock, properties, audit, transactions);
        keys.afterPropertiesSet();
        assertThat(keys.authenticate("configured-key-1")).isPresent();
        assertThat(keys.authenticate("configured-key-2")).isPresent();
        keys.afterPropertiesSet(); // a second start, or a second instance
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM open311_api_key WHERE key_hash IN (?, ?)", Long.class,
                ApiKeys.hash("configured-key-1"), ApiKeys.hash("configured-key-2"))).isEqualTo(2);

        // a key made here is no bean: its change runs in a transaction of its own, as the bean's would
        new TransactionTemplate(transactions).executeWithoutResult(tx -> keys.revoke(
                keys.authenticate("configured-key-1").orElseThrow().id(), new Actor("admin", "管理员", Role.ADMIN, null)));
        ApiKeys restarted = new ApiKeys(jdbcClient, clock, properties, audit, transactions);
        restarted.afterPropertiesSet();
        assertThat(restarted.authenticate("configured-key-1")).isEmpty();
        assertThat(restarted.authenticate("configured-key-2")).isPresent();
    }
}
