package org.hotline.workorder.internal;

import static org.hotline.platform.DbTime.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.platform.DbTime;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Photos and documents attached to an order, kept in the database beside it so that every instance behind
 * the load balancer serves them and a backup of the database is a backup of the evidence.
 */
@Component
public class Attachments {

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(String id, String fileName, String contentType, long size, Instant uploadedAt, String uploadedBy) {
    }

    public Stored store(OrderNumber order, String fileName, String contentType, byte[] data, String by, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO work_order_attachment (id, order_number, file_name, content_type, size_bytes, data,"
                + " uploaded_at, uploaded_by) VALUES (:id, :n, :name, :type, :size, :data, :at, :by)")
                .param("id", id).param("n", order.value()).param("name", fileName).param("type", contentType)
                .param("size", data.length).param("data", data).param("at", DbTime.param(at)).param("by", by)
                .update();
        return new Stored(id, fileName, contentType, data.length, at, by);
    }

    public List<Stored> of(OrderNumber order) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, uploaded_at, uploaded_by"
                + " FROM work_order_attachment WHERE order_number = :n ORDER BY uploaded_at")
                .param("n", order.value())
                .query((rs, i) -> new Stored(rs.getString("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "uploaded_at"),
                        rs.getString("uploaded_by")))
                .list();
    }

    public Optional<byte[]> content(OrderNumber order, String id) {
        return jdbc.sql("SELECT data FROM work_order_attachment WHERE order_number = :n AND id = :id")
                .param("n", order.value()).param("id", id)
                .query((rs, i) -> rs.getBytes("data")).optional();
    }
}
