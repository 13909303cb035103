package org.hotline.open311.internal;

import java.util.Optional;

import org.hotline.notification.CitizenEmails;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code email} an Open311 client sent with a request (GeoReport v2's citizen field), for the citizen's e-mail
 * notices. Written in the order's intake transaction, so it is there when the order's registration is heard of.
 */
@Component
class Open311CitizenEmails implements CitizenEmails {

    private final JdbcClient jdbc;

    Open311CitizenEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> addressFor(OrderNumber order) {
        return jdbc.sql("SELECT email FROM open311_request WHERE order_number = :n AND email IS NOT NULL").param("n", order.value())
                .query(String.class).optional().filter(e -> !e.isBlank());
    }
}
