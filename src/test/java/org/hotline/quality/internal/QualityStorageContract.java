package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.quality.CallResult;
import org.hotline.quality.CallbackPlan;
import org.hotline.quality.CheckOutcome;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewLevel;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the quality module's SQL must do on every database it runs on (H2 in PostgreSQL mode for development,
 * PostgreSQL in production): store a reply's check once, refuse a stale update, append decisions and callback
 * attempts, keep the queues to orders that still stand replied, and write each day's leader draw and signature
 * once. The orders are real ones, made through the work-order service; their checks are opened by the loop.
 */
abstract class QualityStorageContract {

    private static final UnitId GULOU = WorkOrderFixture.GULOU;

    @Autowired
    ReplyChecks checks;

    @Autowired
    QualityQueues queues;

    @Autowired
    LeaderSamples samples;

    @Autowired
    WorkOrderService orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    // ---------------------------------------------------------------- reply checks

    @Test
    void aReplysCheckIsStoredOnceAndReadBackWhole() {
        WorkOrder o = replied();
        ReplyCheck stored = checks.find(o.number(), 1).orElseThrow();
        assertThat(stored.unit()).isEqualTo(GULOU);
        assertThat(stored.levels()).containsExactly(ReviewLevel.DISTRICT_CENTER);
        assertThat(stored.plan()).isEqualTo(CallbackPlan.CALL);
        assertThat(stored.stage()).isEqualTo(ReplyCheck.Stage.REVIEW);
        assertThat(stored.repliedAt()).isEqualTo(o.replies().get(0).at());

        boolean again = checks.addIfAbsent(ReplyCheck.open(o.number(), 1, GULOU, 0, Instant.now(),
                List.of(ReviewLevel.CITY_CENTER), CallbackPlan.NO_CONTACT, Instant.now()));

        assertThat(again).isFalse();
        assertThat(checks.find(o.number(), 1).orElseThrow().levels()).containsExactly(ReviewLevel.DISTRICT_CENTER);
    }

    @Test
    void twoInstancesOpeningTheSameReplyAtOnceStoreOneCheck() throws Exception {
        WorkOrder o = replied();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> stored = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stored.add(pool.submit(() -> {
                    start.await();
                    return new TransactionTemplate(transactions).execute(tx -> checks.addIfAbsent(ReplyCheck.open(
                            o.number(), 7, GULOU, 0, Instant.now(), List.of(ReviewLevel.DISTRICT_CENTER),
                            CallbackPlan.CALL, Instant.now())));
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : stored) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reply_check WHERE order_number = :n AND reply_seq = 7")
                .param("n", o.number().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAndAppendsNothing() {
        WorkOrder o = replied();
        ReplyCheck first = checks.find(o.number(), 1).orElseThrow();
        ReplyCheck second = checks.find(o.number(), 1).orElseThrow();
        first.review(reviewer("reviewer1"), true, null, Instant.now());
        checks.update(first);

        second.review(reviewer("reviewer2"), true, null, Instant.now());

        assertThatThrownBy(() -> checks.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(checks.find(o.number(), 1).orElseThrow().decisions()).extracting(d -> d.reviewer())
                .containsExactly("reviewer1");
    }

    @Test
    void decisionsAndCallbackAttemptsAreAppendedInTheirOrder() {
        WorkOrder o = replied();
        ReplyCheck check = checks.find(o.number(), 1).orElseThrow();
        check.review(reviewer("reviewer1"), true, "答复属实", Instant.now());
        checks.update(check);
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        check.recordCallback(agent(), CallResult.notReached("关机"), t, QualityFixtures.RETRIES,
                QualityFixtures.ESCALATION);
        checks.update(check);
        ReplyCheck reread = checks.find(o.number(), 1).orElseThrow();
        reread.recordCallback(agent(), CallResult.reached(true, Satisfaction.BASICALLY_SATISFIED, "还行"),
                reread.callbackDue(), QualityFixtures.RETRIES, QualityFixtures.ESCALATION);
        checks.update(reread);

        ReplyCheck done = checks.find(o.number(), 1).orElseThrow();
        assertThat(done.decisions()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("答复属实");
            assertThat(d.reviewerRole()).isEqualTo(org.hotline.organization.Role.REVIEWER);
        });
        assertThat(done.outcome()).isEqualTo(CheckOutcome.CLOSED_CONFIRMED);
        assertThat(checks.attempts(o.number(), 1)).extracting(a -> a.attempt() + " " + a.result())
                .containsExactly("1 " + CallResult.notReached("关机"),
                        "2 " + CallResult.reached(true, Satisfaction.BASICALLY_SATISFIED, "还行"));
        assertThat(checks.attempts(o.number(), 1).get(0).at()).isEqualTo(t);
    }

    @Test
    void theQueuesShowOnlyChecksWhoseOrderStillStandsReplied() {
        WorkOrder open = replied();
        WorkOrder closed = replied();
        orders.close(closed.number(), "市民撤诉", WorkOrderFixture.supervisor(), null);

        List<String> queue = queues.reviews(List.of(ReviewLevel.DISTRICT_CENTER), GULOU, "nobody", u -> u, 0, 200)
                .items().stream().map(QualityViews.ReviewItem::number).toList();

        assertThat(queue).contains(open.number().value()).doesNotContain(closed.number().value());

        ReplyCheck check = checks.find(open.number(), 1).orElseThrow();
        Instant reviewed = Instant.now();
        check.review(reviewer("reviewer1"), true, null, reviewed);
        checks.update(check);
        assertThat(queues.callbacksDue(reviewed.minusSeconds(1), 3, u -> u, 0, 200).items())
                .extracting(QualityViews.CallbackItem::number).doesNotContain(open.number().value());
        assertThat(queues.callbacksDue(reviewed.plusSeconds(1), 3, u -> u, 0, 200).items())
                .filteredOn(i -> i.number().equals(open.number().value())).singleElement()
                .satisfies(i -> assertThat(i.citizenPhone()).isEqualTo("13812341234"));

        checks.addEscalation(check, "supervisor1", reviewed, "已重办 2 次，回访仍不满意");
        assertThat(queues.openEscalations(u -> u, 0, 200).items()).extracting(QualityViews.EscalationItem::number)
                .contains(open.number().value());
    }

    @Test
    void aSupersededCheckEndsButANewerRepliesCheckIsLeftAlone() {
        WorkOrder o = replied();
        assertThat(checks.supersede(o.number(), 0, Instant.now())).as("older than redo 0: none").isZero();
        assertThat(checks.supersede(o.number(), 1, Instant.now())).isEqualTo(1);
        assertThat(checks.find(o.number(), 1).orElseThrow().outcome()).isEqualTo(CheckOutcome.SUPERSEDED);
    }

    // ---------------------------------------------------------------- leader samples

    @Test
    void theRepliesOfADayAreReadWithinItsBounds() {
        WorkOrder o = replied();
        Instant at = o.replies().get(0).at();
        assertThat(samples.repliedBetween(at, at.plusSeconds(1))).extracting(LeaderSamples.RepliedOrder::order)
                .contains(o.number());
        assertThat(samples.repliedBetween(at.minusSeconds(1), at)).extracting(LeaderSamples.RepliedOrder::order)
                .doesNotContain(o.number());
    }

    @Test
    void aDayIsDrawnOncePerUnitAndASampleSignedOnce() {
        WorkOrder o = replied();
        LocalDate day = LocalDate.of(2001, 2, 3);
        Instant due = Instant.parse("2001-02-05T09:30:00Z");
        samples.addDraw(day, GULOU, 12, List.of(o.number()), Instant.parse("2001-02-03T16:30:00Z"), due);

        assertThat(samples.drawn(day, GULOU)).isTrue();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx ->
                samples.addDraw(day, GULOU, 12, List.of(), Instant.now(), due)))
                .isInstanceOf(DuplicateKeyException.class);

        CallResult result = CallResult.reached(false, Satisfaction.UNSATISFIED, "没人来处理过");
        Instant late = Instant.parse("2001-02-06T01:00:00Z");
        assertThat(samples.sign(day, GULOU, o.number(), "gulou-leader", late, result)).isTrue();
        assertThat(samples.sign(day, GULOU, o.number(), "gulou-leader", late, result)).isFalse();

        LeaderSamples.Sample signed = samples.find(day, GULOU, o.number()).orElseThrow();
        assertThat(signed.result()).isEqualTo(result);
        assertThat(signed.leader()).isEqualTo("gulou-leader");
        assertThat(signed.dueAt()).isEqualTo(due);
        assertThat(signed.publicReply()).isEqualTo("已清理");
        assertThat(samples.report(day, late)).singleElement().satisfies(l -> {
            assertThat(l.repliedCount()).isEqualTo(12);
            assertThat(l.drawn()).isEqualTo(1);
            assertThat(l.completed()).isEqualTo(1);
            assertThat(l.overdue()).as("signed after the due time").isEqualTo(1);
        });
    }

    // ---------------------------------------------------------------- fixtures

    /** A phone complaint dispatched to 古楼街道 and replied; waits until the loop has opened its check. */
    private WorkOrder replied() {
        WorkOrder.Appeal appeal = new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("王女士", "13812341234", false), "楼下烧烤摊油烟大", new Location("古楼街道", null, null), null,
                Urgency.NORMAL);
        OrderNumber n = orders.register(appeal, null, WorkOrderFixture.operator(), null, null).order().number();
        orders.dispatch(n, GULOU, List.of(), null, null, WorkOrderFixture.dispatcher(), null);
        orders.acknowledge(n, WorkOrderFixture.handlerOf(GULOU), null);
        orders.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已清理", null, null, true),
                WorkOrderFixture.handlerOf(GULOU), null);
        QualityApi.awaitUntil("the check of " + n, () -> checks.find(n, 1).isPresent());
        return orders.find(n, Actor.system());
    }

    private static Actor reviewer(String name) {
        return new Actor(name, name, org.hotline.organization.Role.REVIEWER, null);
    }

    private static Actor agent() {
        return WorkOrderFixture.supervisor();
    }
}
