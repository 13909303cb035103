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
import org.springframework.dao.DataAccessException;
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
    ChecksAsQualityGate gate;

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
        assertThat(check.review(reviewer("reviewer1"), true, "答复属实", Instant.now()).isAllowed()).isTrue();
        checks.update(check);
        // The first call is due from the review on, so its time follows the review's (a fixed date would
        // fall before the review once the calendar passes it, and the call would be refused).
        Instant t = check.callbackDue().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(check.recordCallback(agent(), CallResult.notReached("关机"), t, QualityFixtures.RETRIES,
                QualityFixtures.ESCALATION).isAllowed()).isTrue();
        checks.update(check);
        ReplyCheck reread = checks.find(o.number(), 1).orElseThrow();
        assertThat(reread.recordCallback(agent(), CallResult.reached(true, Satisfaction.BASICALLY_SATISFIED, "还行"),
                reread.callbackDue(), QualityFixtures.RETRIES, QualityFixtures.ESCALATION).isAllowed()).isTrue();
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
        orders.overrideClose(closed.number(), "市民撤诉", WorkOrderFixture.director(), null);

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
    void oneOrdersCallbackIsReadAsTheQueueShowsItWhileItWaitsDueOrNot() {
        WorkOrder o = replied();
        assertThat(queues.callback(o.number(), 3, u -> u)).as("still in review").isEmpty();

        ReplyCheck check = checks.find(o.number(), 1).orElseThrow();
        check.review(reviewer("reviewer1"), true, null, Instant.now());
        checks.update(check);
        check.recordCallback(agent(), CallResult.notReached("无人接听"), Instant.now(), QualityFixtures.RETRIES,
                QualityFixtures.ESCALATION);
        checks.update(check);

        assertThat(queues.callback(o.number(), 3, u -> u)).as("due again another day").hasValueSatisfying(i -> {
            assertThat(i.citizenPhone()).isEqualTo("13812341234");
            assertThat(i.attemptsMade()).isEqualTo(1);
            assertThat(i.due()).isEqualTo(check.callbackDue());
        });
        orders.overrideClose(o.number(), "市民撤诉", WorkOrderFixture.director(), null);
        assertThat(queues.callback(o.number(), 3, u -> u)).as("the order closed meanwhile").isEmpty();
    }

    @Test
    void aSupersededCheckEndsButANewerRepliesCheckIsLeftAlone() {
        WorkOrder o = replied();
        assertThat(checks.supersede(o.number(), 0, Instant.now(), CheckOutcome.SUPERSEDED)).as("older than redo 0: none")
                .isZero();
        assertThat(checks.supersede(o.number(), 1, Instant.now(), CheckOutcome.SUPERSEDED)).isEqualTo(1);
        assertThat(checks.find(o.number(), 1).orElseThrow().outcome()).isEqualTo(CheckOutcome.SUPERSEDED);
    }

    /**
     * The close rule reads the loop's stored records (QualityGate): a reply under check does not let its order
     * close, a confirmed one does, and an escalated one only once a supervisor's conclusion is stored.
     */
    @Test
    void theGateAnswersFromTheStoredCheckAndTheStoredConclusion() {
        WorkOrder o = replied();
        assertThat(gate.closingBasis(o.number(), 1)).as("under review").isEmpty();
        assertThat(gate.closingBasis(o.number(), 2)).as("no such reply").isEmpty();

        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        ReplyCheck check = checks.find(o.number(), 1).orElseThrow();
        check.review(reviewer("reviewer1"), true, null, t);
        checks.update(check);
        assertThat(gate.closingBasis(o.number(), 1)).as("waiting for the callback").isEmpty();
        ReplyCheck called = checks.find(o.number(), 1).orElseThrow();
        called.recordCallback(agent(), CallResult.reached(false, Satisfaction.UNSATISFIED, "仍未解决"), t,
                QualityFixtures.RETRIES, new org.hotline.quality.RedoEscalation(0));
        checks.update(called);
        assertThat(called.outcome()).isEqualTo(CheckOutcome.ESCALATED);
        checks.addEscalation(called, "supervisor1", t, "回访仍不满意");
        assertThat(gate.closingBasis(o.number(), 1)).as("escalated, not concluded").isEmpty();

        checks.addConclusion(called, "supervisor1", t, "经协调，已分期解决");
        assertThat(gate.closingBasis(o.number(), 1)).contains("督办办结：经协调，已分期解决");

        WorkOrder confirmed = replied();
        ReplyCheck c = checks.find(confirmed.number(), 1).orElseThrow();
        c.review(reviewer("reviewer1"), true, null, t);
        c.recordCallback(agent(), CallResult.reached(true, Satisfaction.SATISFIED, null), t, QualityFixtures.RETRIES,
                QualityFixtures.ESCALATION);
        checks.update(c);
        assertThat(gate.closingBasis(confirmed.number(), 1)).contains(CheckOutcome.CLOSED_CONFIRMED.label());
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

    // ---------------------------------------------------------------- append-only records

    /**
     * 审核意见, 转督办 and its conclusion, 回访 and the daily draws are records: once written, the database refuses to
     * change or remove them, whichever code asks (V12, V15_1), as it does for the order history.
     */
    @Test
    void theDatabaseRefusesToChangeOrRemoveADecisionAnEscalationACallbackAttemptOrADraw() {
        WorkOrder o = replied();
        String n = o.number().value();
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        ReplyCheck check = checks.find(o.number(), 1).orElseThrow();
        check.review(reviewer("reviewer1"), true, "答复属实", t);
        checks.update(check);
        ReplyCheck called = checks.find(o.number(), 1).orElseThrow();
        called.recordCallback(agent(), CallResult.reached(false, Satisfaction.UNSATISFIED, "仍未解决"), t,
                QualityFixtures.RETRIES, QualityFixtures.ESCALATION);
        checks.update(called);
        checks.addEscalation(called, "supervisor1", t, "已重办 2 次，回访仍不满意");
        checks.addConclusion(called, "supervisor1", t, "经协调，企业已分期支付");
        LocalDate day = LocalDate.of(2001, 3, 5);
        samples.addDraw(day, GULOU, 3, List.of(o.number()), t, t.plusSeconds(86400));

        refused("UPDATE review_decision SET reason = '改写' WHERE order_number = :n", n);
        refused("DELETE FROM review_decision WHERE order_number = :n", n);
        refused("UPDATE escalation SET reason = '改写' WHERE order_number = :n", n);
        refused("DELETE FROM escalation WHERE order_number = :n", n);
        refused("UPDATE escalation_conclusion SET conclusion = '改写' WHERE order_number = :n", n);
        refused("DELETE FROM escalation_conclusion WHERE order_number = :n", n);
        refused("UPDATE callback_attempt SET satisfaction = 'SATISFIED', resolved = TRUE WHERE order_number = :n", n);
        refused("DELETE FROM callback_attempt WHERE order_number = :n", n);
        refused("UPDATE leader_sample_draw SET due_at = drawn_at WHERE sample_day = :n", day);
        refused("DELETE FROM leader_sample_draw WHERE sample_day = :n", day);

        ReplyCheck after = checks.find(o.number(), 1).orElseThrow();
        assertThat(after.decisions()).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("答复属实"));
        assertThat(checks.attempts(o.number(), 1)).singleElement()
                .satisfies(a -> assertThat(a.result()).isEqualTo(CallResult.reached(false, Satisfaction.UNSATISFIED,
                        "仍未解决")));
        assertThat(jdbc.sql("SELECT reason FROM escalation WHERE order_number = :n").param("n", n)
                .query(String.class).single()).isEqualTo("已重办 2 次，回访仍不满意");
        assertThat(checks.conclusion(o.number(), 1)).contains("经协调，企业已分期支付");
        assertThat(samples.drawn(day, GULOU)).isTrue();
    }

    /**
     * A leader sample is drawn unsigned and signed once: that is the only change it ever gets. Signed, it is
     * frozen; signed or not, it is never removed (an unsigned one past its due time counts against the unit).
     */
    @Test
    void aLeaderSampleChangesOnlyByItsSignatureAndIsNeverRemoved() {
        WorkOrder signedOne = replied();
        WorkOrder unsigned = replied();
        LocalDate day = LocalDate.of(2001, 3, 6);
        samples.addDraw(day, GULOU, 20, List.of(signedOne.number(), unsigned.number()),
                Instant.parse("2001-03-06T16:30:00Z"), Instant.parse("2001-03-08T09:30:00Z"));
        CallResult result = CallResult.reached(false, Satisfaction.UNSATISFIED, "没人来处理过");
        assertThat(samples.sign(day, GULOU, signedOne.number(), "gulou-leader", Instant.parse("2001-03-07T01:00:00Z"),
                result)).isTrue();

        String signed = "sample_day = :d AND unit_id = 'dcf-gulou' AND order_number = '" + signedOne.number() + "'";
        String open = "sample_day = :d AND unit_id = 'dcf-gulou' AND order_number = '" + unsigned.number() + "'";
        refused("UPDATE leader_sample SET satisfaction = 'SATISFIED', resolved = TRUE WHERE " + signed, day);
        refused("UPDATE leader_sample SET completed_at = NULL WHERE " + signed, day);
        refused("DELETE FROM leader_sample WHERE " + signed, day);
        refused("DELETE FROM leader_sample WHERE " + open, day);
        refused("UPDATE leader_sample SET sample_day = DATE '2001-03-07' WHERE " + open, day);

        assertThat(samples.find(day, GULOU, signedOne.number()).orElseThrow().result()).isEqualTo(result);
        assertThat(samples.sign(day, GULOU, unsigned.number(), "gulou-leader", Instant.parse("2001-03-07T02:00:00Z"),
                CallResult.reached(true, Satisfaction.SATISFIED, null))).as("the unsigned one can still be signed")
                .isTrue();
    }

    /** The statement fails, and the database says why. */
    private void refused(String sql, Object parameter) {
        assertThatThrownBy(() -> jdbc.sql(sql).param(sql.contains(":d") ? "d" : "n", parameter).update())
                .as(sql).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
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
