package org.hotline.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders and callbacks written straight into the tables the statistics read, as the work-order and quality
 * modules leave them. Statistics only read, so their tests set up any history in one statement per row,
 * including years the working-day calendar does not cover and states reached long ago.
 *
 * <p>Tests share a database with other tests, so each test writes rows on days of its own (far from the
 * days other tests use) and asks only about those days. Numbers are unique in the JVM.
 */
public final class StatisticsRows {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong SEQUENCE = new AtomicLong(900_000);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    public StatisticsRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A moment given as Beijing time, e.g. {@code 2031-03-31T23:30}. */
    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public Order order(String registeredBeijing) {
        return new Order(beijing(registeredBeijing));
    }

    /** An order row to write; defaults: a phone complaint, registered, no category, no unit. */
    public final class Order {
        private final Instant registeredAt;
        private String category;
        private String leadUnit;
        private String channel = "PHONE";
        private String appealType = "COMPLAINT";
        private String status = "REGISTERED";
        private Instant handleDeadline;
        private Instant repliedAt;
        private Instant closedAt;
        private Instant atRiskFrom;
        private String phone = "13812345678";

        private Order(Instant registeredAt) {
            this.registeredAt = registeredAt;
        }

        public Order category(String code) {
            this.category = code;
            return this;
        }

        public Order lead(String unit) {
            this.leadUnit = unit;
            if ("REGISTERED".equals(status)) {
                status = "DISPATCHED";
            }
            return this;
        }

        public Order channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Order appealType(String appealType) {
            this.appealType = appealType;
            return this;
        }

        public Order status(String status) {
            this.status = status;
            return this;
        }

        public Order deadline(String beijing) {
            this.handleDeadline = beijing(beijing);
            return this;
        }

        public Order deadline(Instant at) {
            this.handleDeadline = at;
            return this;
        }

        /** The moment the order turns 临期, as the work-order repository stores it (V27). */
        public Order atRiskFrom(Instant at) {
            this.atRiskFrom = at;
            return this;
        }

        public Order replied(String beijing) {
            this.repliedAt = beijing(beijing);
            return this;
        }

        public Order closed(String beijing) {
            this.closedAt = beijing(beijing);
            this.status = "CLOSED";
            return this;
        }

        public Order phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Writes the order and returns its number. */
        public String insert() {
            LocalDate day = registeredAt.atZone(SHANGHAI).toLocalDate();
            String number = DAY.format(day) + "-" + SEQUENCE.incrementAndGet();
            jdbc.update("""
                    INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                      confidential, content, urgency, registered_at, registered_by, category_code, status, lead_unit_id,
                      dispatched_at, handle_deadline, returns_requested, extension_days_used, pending_extension_days,
                      redo_count, supervision_count, merged_count, replied_at, closed_at, history_size, at_risk_from)
                    VALUES (?, 1, ?, ?, '王女士', ?, FALSE, '统计测试工单', 'NORMAL', ?, 'operator1', ?, ?, ?, ?, ?,
                      0, 0, 0, 0, 0, 0, ?, ?, 0, ?)
                    """, number, channel, appealType, phone, ts(registeredAt), category, status, leadUnit,
                    leadUnit == null ? null : ts(registeredAt), ts(handleDeadline), ts(repliedAt), ts(closedAt),
                    ts(atRiskFrom));
            return number;
        }
    }

    /** A callback attempt about reply 1 of {@code order}, made by the quality module. */
    public void callback(String order, String unit, int attempt, String attemptedBeijing, String satisfaction,
            Boolean resolved) {
        jdbc.update("""
                INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent, reached,
                  resolved, satisfaction)
                VALUES (?, ?, 1, ?, ?, 'reviewer1', ?, ?, ?)
                """, order, unit, attempt, ts(beijing(attemptedBeijing)), satisfaction != null, resolved,
                satisfaction);
    }

    /** A reached callback on the first attempt. */
    public void reached(String order, String unit, String attemptedBeijing, String satisfaction, boolean resolved) {
        callback(order, unit, 1, attemptedBeijing, satisfaction, resolved);
    }

    /**
     * A line of {@code order}'s history with {@code action} (an {@code OrderAction} name), as the work order writes
     * it: {@code OVERRIDE_CLOSE} for the director's override, {@code CLOSE} for a close through the quality loop.
     */
    public void history(String order, String action, String atBeijing) {
        jdbc.update("""
                INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role, action,
                  from_status, to_status, reason)
                VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM work_order_history WHERE order_number = ?), ?,
                  'director1', '主任', 'DIRECTOR', ?, 'REPLIED', 'CLOSED', '统计测试')
                """, order, order, ts(beijing(atBeijing)), action);
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
