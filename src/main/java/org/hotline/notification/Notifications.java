package org.hotline.notification;

import static org.hotline.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.DbTime;
import org.hotline.platform.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The outbox (通知记录): every message is written here first and sent from here, so that sending happens after
 * the change that caused it has committed, outside its transaction, and a failed send is retried with backoff
 * ({@link RetrySchedule}) instead of being lost or holding anything up.
 *
 * <p>Each message has a key that says what it is for ("REGISTERED:20261130-000001"): queueing the same key twice
 * (an event delivered again after a restart) queues one message. Sending claims a message first by moving its
 * next try a lease ahead, so the job and an immediate send ({@link #sendNow}) never send one message twice.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** How long a claimed message is left alone by other senders while its notifier works. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Map<Medium, Notifier> notifiers = new EnumMap<>(Medium.class);

    Notifications(JdbcClient jdbc, Clock clock, RetrySchedule retries, List<Notifier> available) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retries = retries;
        for (Medium medium : Medium.values()) {
            // a deployment's own notifier (or the SMS gateway adapter) wins over the shipped log notifier
            available.stream().filter(n -> n.medium() == medium)
                    .min((a, b) -> Boolean.compare("log".equals(a.name()), "log".equals(b.name())))
                    .ifPresent(n -> notifiers.put(medium, n));
        }
    }

    /** The notifier that delivers a medium now ("log" unless a gateway is configured). */
    public String notifierFor(Medium medium) {
        Notifier n = notifiers.get(medium);
        return n == null ? "none" : n.name();
    }

    /**
     * Queues a message to be sent at {@code notBefore} (or at once when null). A key queued before queues nothing
     * new. Returns the message's id, new or earlier.
     */
    public long queue(NotificationKind kind, Medium medium, String recipient, String text, String orderNumber,
            String key, Instant notBefore) {
        Instant now = clock.instant();
        Optional<Long> earlier = idOf(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification (dedupe_key, kind, medium, recipient, text, order_number, status, attempts,
                  next_attempt_at, created_at)
                VALUES (:key, :kind, :medium, :recipient, :text, :order, 'PENDING', 0, :next, :now)""")
                .param("key", key).param("kind", kind.name()).param("medium", medium.name())
                .param("recipient", recipient).param("text", text).param("order", orderNumber)
                .param("next", DbTime.param(notBefore == null ? now : notBefore)).param("now", DbTime.param(now))
                .update(id, "id");
        return id.getKeyAs(Number.class).longValue();
    }

    /**
     * Queues a message and tries to send it at once, for a citizen waiting for it (a one-time code). A failed
     * try leaves it to the job's retries. Returns whether it was sent now.
     */
    public boolean sendNow(NotificationKind kind, Medium medium, String recipient, String text, String key) {
        long id = queue(kind, medium, recipient, text, null, key, null);
        return find(id).filter(m -> m.status == NotificationStatus.PENDING).map(this::deliver).orElse(false);
    }

    /**
     * 发送: every message due now, each on its own (one failing does not stop the others). Returns how many were
     * sent. Called by the scheduled job (once across instances) and by tests.
     */
    public int deliverDue() {
        List<Long> due = jdbc.sql("""
                SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                .param("now", DbTime.param(clock.instant())).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Optional<Stored> message = find(id);
            if (message.isPresent() && message.get().status == NotificationStatus.PENDING && deliver(message.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Who may read the outbox (it holds citizens' numbers, masked, and one-time codes): admins and supervisors. */
    public static void refuseUnlessMayRead(Actor viewer) {
        if (viewer.role() != Role.ADMIN && viewer.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("not-permitted", "只有系统管理员和督办员可以查看通知记录");
        }
    }

    /** The outbox, newest first, optionally of one status, for a viewer who may read it. */
    public NotificationPage list(NotificationStatus status, int page, int size, Actor viewer) {
        refuseUnlessMayRead(viewer);
        return list(status, page, size);
    }

    /** The outbox, newest first, optionally of one status. */
    public NotificationPage list(NotificationStatus status, int page, int size) {
        String where = status == null ? "" : " WHERE status = :status";
        long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where)
                .params(status == null ? Map.of() : Map.of("status", status.name())).query(Long.class).single();
        List<Notification> items = jdbc.sql("SELECT * FROM notification" + where
                + " ORDER BY created_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .param("offset", (long) page * size).param("size", size)
                .query((rs, i) -> map(rs).view()).list();
        return new NotificationPage(items, total, page, size);
    }

    /** Messages about one order, oldest first (what its citizen was told). */
    public List<Notification> about(String orderNumber) {
        return jdbc.sql("SELECT * FROM notification WHERE order_number = :n ORDER BY created_at, id")
                .param("n", orderNumber).query((rs, i) -> map(rs).view()).list();
    }

    // ---------------------------------------------------------------- sending one

    private boolean deliver(Stored m) {
        Instant now = clock.instant();
        // claim: whoever moves the next try a lease ahead sends; anyone else finds it moved and leaves it
        int claimed = jdbc.sql("""
                UPDATE notification SET next_attempt_at = :lease
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :seen""")
                .param("lease", DbTime.param(now.plus(LEASE))).param("id", m.id)
                .param("seen", DbTime.param(m.nextAttemptAt)).update();
        if (claimed == 0) {
            return false;
        }
        Notifier notifier = notifiers.get(m.medium);
        String error;
        try {
            if (notifier == null) {
                throw new IllegalStateException("没有可用的" + m.medium.label() + "通道");
            }
            notifier.send(new Notifier.Outgoing(m.id, m.medium, m.recipient, m.text, m.kind, m.orderNumber));
            jdbc.sql("""
                    UPDATE notification SET status = 'SENT', attempts = attempts + 1, sent_at = :now,
                      delivered_by = :by, last_error = NULL WHERE id = :id""")
                    .param("now", DbTime.param(clock.instant())).param("by", notifier.name()).param("id", m.id)
                    .update();
            return true;
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        int attempts = m.attempts + 1;
        Instant failedAt = clock.instant();
        Optional<Instant> next = retries.next(attempts, failedAt);
        log.warn("Notification {} ({} to {}) failed on try {}: {}{}", m.id, m.kind, Notification.mask(m.medium,
                m.recipient), attempts, error, next.map(t -> ", next try at " + t).orElse(", giving up"));
        jdbc.sql("""
                UPDATE notification SET status = :status, attempts = :attempts, next_attempt_at = :next,
                  last_error = :error WHERE id = :id""")
                .param("status", next.isPresent() ? "PENDING" : "FAILED").param("attempts", attempts)
                .param("next", DbTime.param(next.orElse(failedAt)))
                .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", m.id).update();
        return false;
    }

    // ---------------------------------------------------------------- storage

    private Optional<Long> idOf(String key) {
        return jdbc.sql("SELECT id FROM notification WHERE dedupe_key = :key").param("key", key).query(Long.class)
                .optional();
    }

    private Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id").param("id", id)
                .query((rs, i) -> map(rs)).optional();
    }

    private record Stored(long id, NotificationKind kind, Medium medium, String recipient, String text,
            String orderNumber, NotificationStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
            Instant sentAt, String deliveredBy, String lastError) {

        Notification view() {
            return new Notification(id, kind, medium, Notification.mask(medium, recipient), text, orderNumber, status,
                    attempts, createdAt, nextAttemptAt, sentAt, deliveredBy, lastError);
        }
    }

    private static Stored map(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                Medium.valueOf(rs.getString("medium")), rs.getString("recipient"), rs.getString("text"),
                rs.getString("order_number"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"), rs.getString("delivered_by"), rs.getString("last_error"));
    }
}
