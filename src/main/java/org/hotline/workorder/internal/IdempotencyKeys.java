package org.hotline.workorder.internal;

import java.time.Instant;
import java.util.Optional;

import org.hotline.platform.ConflictException;
import org.hotline.platform.DbTime;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers which order an intake request with an {@code Idempotency-Key} created, per user. The key is
 * stored in the same transaction as the order, so either both exist or neither does; a concurrent retry
 * that loses the race hits the primary key, rolls back, and its retry finds the winner's order.
 */
@Component
public class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order created earlier with this key; a different request body under the same key is refused. */
    public Optional<OrderNumber> find(String username, String key, String fingerprint) {
        return jdbc.sql("SELECT order_number, fingerprint FROM idempotency_key WHERE username = :u AND idem_key = :k")
                .param("u", username).param("k", key)
                .query((rs, i) -> {
                    if (!rs.getString("fingerprint").equals(fingerprint)) {
                        throw new ConflictException("idempotency-key-reused",
                                "Idempotency-Key 已用于另一个不同内容的受理请求");
                    }
                    return new OrderNumber(rs.getString("order_number"));
                })
                .optional();
    }

    public void remember(String username, String key, String fingerprint, OrderNumber order, Instant at) {
        jdbc.sql("INSERT INTO idempotency_key (username, idem_key, fingerprint, order_number, created_at) "
                + "VALUES (:u, :k, :f, :o, :at)")
                .param("u", username).param("k", key).param("f", fingerprint).param("o", order.value())
                .param("at", DbTime.param(at))
                .update();
    }
}
