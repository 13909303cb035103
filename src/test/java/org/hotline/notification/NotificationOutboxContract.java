package org.hotline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox on each database: a key queues one message, a message is sent when due and once, a failed send is
 * retried with backoff and given up after the last try, and the list shows recipients masked. Each test works on
 * messages of its own (the database is shared), through an outbox with a gateway the test controls.
 */
abstract class NotificationOutboxContract {

    @Autowired
    JdbcClient jdbc;

    /** Far in the future of every other test's messages, so that "due now" means this test's only. */
    final TestClock clock = new TestClock(Instant.parse("2099-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1e7)));
    final Gateway gateway = new Gateway();
    Notifications outbox;

    @BeforeEach
    void outbox() {
        // messages left due by other tests would be sent here too: start from none due
        jdbc.sql("UPDATE notification SET status = 'FAILED' WHERE status = 'PENDING'").update();
        outbox = new Notifications(jdbc, clock, new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(30), 3),
                List.of(gateway));
    }

    @Test
    void aMessageQueuedTwiceUnderOneKeyIsOneMessageSentOnce() {
        String key = "TEST:" + UUID.randomUUID();
        long first = outbox.queue(NotificationKind.REGISTERED, Medium.SMS, "13812345678", "受理告知", "20261201-000001",
                key, null);
        long second = outbox.queue(NotificationKind.REGISTERED, Medium.SMS, "13812345678", "受理告知", "20261201-000001",
                key, null);

        assertThat(second).isEqualTo(first);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(outbox.deliverDue()).isZero();
        assertThat(gateway.sent).containsExactly("13812345678 受理告知");
        assertThat(status(first)).isEqualTo("SENT");
    }

    @Test
    void aMessageForLaterWaitsUntilItsTime() {
        long id = outbox.queue(NotificationKind.SATISFACTION, Medium.SMS, "13812345678", "请评价", null,
                "TEST:" + UUID.randomUUID(), clock.instant().plus(Duration.ofHours(2)));

        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");
    }

    @Test
    void aFailedSendIsRetriedWithBackoffAndGivenUpAfterTheLastTry() {
        gateway.failing = true;
        long id = outbox.queue(NotificationKind.REPLIED, Medium.SMS, "13812345678", "答复告知", null,
                "TEST:" + UUID.randomUUID(), null);

        assertThat(outbox.deliverDue()).isZero();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(attempts(id)).isEqualTo(1);
        assertThat(outbox.deliverDue()).as("not due again before its wait").isZero();
        assertThat(attempts(id)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue();
        assertThat(attempts(id)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue();
        assertThat(attempts(id)).as("the second wait is twice the first").isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue();
        assertThat(attempts(id)).isEqualTo(3);
        assertThat(status(id)).as("three tries, then nobody tries again").isEqualTo("FAILED");
        assertThat(lastError(id)).isEqualTo("网关不可用");
    }

    @Test
    void aSendThatFailedOnceGoesOutOnTheNextTry() {
        gateway.failing = true;
        long id = outbox.queue(NotificationKind.REPLIED, Medium.SMS, "13812345678", "答复告知", null,
                "TEST:" + UUID.randomUUID(), null);
        outbox.deliverDue();
        gateway.failing = false;
        clock.advance(Duration.ofMinutes(1));

        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(attempts(id)).isEqualTo(2);
    }

    @Test
    void aMessageSentAtOnceIsNotSentAgainByTheJob() {
        boolean sent = outbox.sendNow(NotificationKind.VERIFICATION_CODE, Medium.SMS, "13812345678", "验证码 123456",
                "TEST:" + UUID.randomUUID());

        assertThat(sent).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(outbox.deliverDue()).isZero();
        assertThat(gateway.sent).containsExactly("13812345678 验证码 123456");
    }

    @Test
    void theListShowsRecipientsMaskedNewestFirst() {
        String order = "2099" + (1000 + (int) (Math.random() * 8999)) + "-000001";
        clock.advance(Duration.ofDays(3650)); // later than every other test's messages (their clocks start in 2099)
        outbox.queue(NotificationKind.REGISTERED, Medium.SMS, "13812345678", "受理告知", order, "TEST:" + UUID.randomUUID(),
                null);
        clock.advance(Duration.ofSeconds(1));
        outbox.queue(NotificationKind.REPLIED, Medium.SMS, "13812345678", "答复告知", order, "TEST:" + UUID.randomUUID(),
                null);

        List<Notification> newest = outbox.list(null, 0, 2).items();
        assertThat(newest).extracting(Notification::kind).containsExactly(NotificationKind.REPLIED,
                NotificationKind.REGISTERED);
        assertThat(newest).extracting(Notification::maskedRecipient).containsOnly("138****5678");
        assertThat(outbox.about(order)).hasSize(2);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM notification WHERE id = :id").param("id", id).query(String.class).single();
    }

    private int attempts(long id) {
        return jdbc.sql("SELECT attempts FROM notification WHERE id = :id").param("id", id).query(Integer.class)
                .single();
    }

    private String lastError(long id) {
        return jdbc.sql("SELECT last_error FROM notification WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    /** An SMS gateway the test switches off and on. */
    static final class Gateway implements Notifier {

        final List<String> sent = new ArrayList<>();
        volatile boolean failing;

        @Override
        public Medium medium() {
            return Medium.SMS;
        }

        @Override
        public String name() {
            return "test-gateway";
        }

        @Override
        public void send(Outgoing message) throws Exception {
            if (failing) {
                throw new java.io.IOException("网关不可用");
            }
            sent.add(message.recipient() + " " + message.text());
        }
    }
}
