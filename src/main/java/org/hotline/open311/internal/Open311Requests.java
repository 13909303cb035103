package org.hotline.open311.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code open311_request}: what an Open311 request brought beside its work order (see V29). The searches
 * read two facts of the work order module's tables, the status and the time of the latest history line, as
 * columns: which orders are open and when each last changed is data that module declares, never wording.
 */
@Component
class Open311Requests {

    record Row(String orderNumber, String token, long apiKeyId, String serviceCode, Instant requestedAt,
            int descriptionChars, String mediaUrl, String addressId, String email, String deviceId, String accountId,
            String attributes, String hintCategory, String dispatchedCategory, Boolean hintAgrees) {
    }

    /** Statuses of a work order that Open311 calls closed; every other is open. */
    static final String CLOSED_STATUSES = "('CLOSED')";

    private final JdbcClient jdbc;

    Open311Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Row r) {
        jdbc.sql("""
                INSERT INTO open311_request (order_number, token, api_key_id, service_code, requested_at,
                    description_chars, media_url, address_id, email, device_id, account_id, attributes, hint_category,
                    dispatched_category, hint_agrees)
                VALUES (:n, :token, :key, :service, :at, :chars, :media, :addressId, :email, :device, :account,
                    :attributes, :hint, :dispatched, :agrees)""")
                .param("n", r.orderNumber()).param("token", r.token()).param("key", r.apiKeyId())
                .param("service", r.serviceCode()).param("at", DbTime.param(r.requestedAt()))
                .param("chars", r.descriptionChars()).param("media", r.mediaUrl()).param("addressId", r.addressId())
                .param("email", r.email()).param("device", r.deviceId()).param("account", r.accountId())
                .param("attributes", r.attributes()).param("hint", r.hintCategory())
                .param("dispatched", r.dispatchedCategory()).param("agrees", r.hintAgrees())
                .update();
    }

    Optional<Row> find(String orderNumber) {
        return jdbc.sql(SELECT + " WHERE order_number = :n").param("n", orderNumber).query(Open311Requests::row)
                .optional();
    }

    Optional<Row> findByToken(String token) {
        return jdbc.sql(SELECT + " WHERE token = :t").param("t", token).query(Open311Requests::row).optional();
    }

    List<Row> find(Collection<String> orderNumbers) {
        if (orderNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE order_number IN (:n) ORDER BY requested_at DESC, order_number DESC")
                .param("n", orderNumbers).query(Open311Requests::row).list();
    }

    /**
     * Requests filed in [{@code from}, {@code to}), newest first, at most {@code limit}: of these services (all
     * when empty) and, when {@code open} is not null, only the open or only the closed ones.
     */
    List<Row> search(Set<String> serviceCodes, Instant from, Instant to, Boolean open, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_JOINED).append(" WHERE r.requested_at >= :from AND r.requested_at < :to");
        if (!serviceCodes.isEmpty()) {
            sql.append(" AND r.service_code IN (:services)");
        }
        if (open != null) {
            sql.append(" AND o.status ").append(open ? "NOT IN " : "IN ").append(CLOSED_STATUSES);
        }
        sql.append(" ORDER BY r.requested_at DESC, r.order_number DESC LIMIT ").append(limit);
        var statement = jdbc.sql(sql.toString()).param("from", DbTime.param(from)).param("to", DbTime.param(to));
        if (!serviceCodes.isEmpty()) {
            statement = statement.param("services", serviceCodes);
        }
        return statement.query(Open311Requests::row).list();
    }

    /** Requests whose citizen's hint the AI's dispatch overruled, newest first. */
    List<Row> disagreeing(int limit) {
        return jdbc.sql(SELECT + " WHERE hint_agrees = FALSE ORDER BY requested_at DESC LIMIT " + limit)
                .query(Open311Requests::row).list();
    }

    /** When each order last changed: its latest history line. */
    Map<String, Instant> lastChanged(Collection<String> orderNumbers) {
        Map<String, Instant> at = new HashMap<>();
        if (orderNumbers.isEmpty()) {
            return at;
        }
        jdbc.sql("SELECT order_number, MAX(occurred_at) AS at FROM work_order_history WHERE order_number IN (:n)"
                + " GROUP BY order_number").param("n", orderNumbers)
                .query(rs -> {
                    at.put(rs.getString("order_number"), DbTime.instant(rs, "at"));
                });
        return at;
    }

    private static final String COLUMNS = "order_number, token, api_key_id, service_code, requested_at,"
            + " description_chars, media_url, address_id, email, device_id, account_id, attributes, hint_category,"
            + " dispatched_category, hint_agrees";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM open311_request";
    private static final String SELECT_JOINED = "SELECT r." + COLUMNS.replace(", ", ", r.")
            + " FROM open311_request r JOIN work_order o ON o.number = r.order_number";

    private static Row row(ResultSet rs, int i) throws SQLException {
        boolean agrees = rs.getBoolean("hint_agrees");
        return new Row(rs.getString("order_number"), rs.getString("token"), rs.getLong("api_key_id"),
                rs.getString("service_code"), DbTime.instant(rs, "requested_at"), rs.getInt("description_chars"),
                rs.getString("media_url"), rs.getString("address_id"), rs.getString("email"),
                rs.getString("device_id"), rs.getString("account_id"), rs.getString("attributes"),
                rs.getString("hint_category"), rs.getString("dispatched_category"),
                rs.wasNull() ? null : agrees);
    }
}
