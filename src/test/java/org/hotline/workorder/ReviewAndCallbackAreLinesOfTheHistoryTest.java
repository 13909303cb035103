package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * 审核 and 回访 are lines of the order's history, written by the quality loop beside its own records: who decided
 * which level and why, what each call found. They are not status changes, and the timeline units read never
 * carries a phone number the callback agent wrote down.
 */
class ReviewAndCallbackAreLinesOfTheHistoryTest {

    private static final Instant AT = MONDAY_MORNING.plusSeconds(86400);

    @Test
    void aReviewDecisionIsALineWithTheLevelTheVerdictAndTheReason() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        long version = o.version();

        require(o.recordReview("单位领导审核", true, null, leaderOf(ENFORCEMENT), AT));
        require(o.recordReview("区级中心审核", false, "  答复未说明排水管道是否疏通  ", reviewer(), AT.plusSeconds(60)));

        assertThat(o.status()).isEqualTo(OrderStatus.REPLIED);
        assertThat(o.newHistory()).filteredOn(h -> h.action() == OrderAction.REVIEW)
                .extracting(HistoryEntry::actor, HistoryEntry::detail, HistoryEntry::reason, HistoryEntry::fromStatus,
                        HistoryEntry::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dcf-zhzfj-leader", "单位领导审核：通过", null,
                                OrderStatus.REPLIED, OrderStatus.REPLIED),
                        org.assertj.core.groups.Tuple.tuple("reviewer1", "区级中心审核：驳回", "答复未说明排水管道是否疏通",
                                OrderStatus.REPLIED, OrderStatus.REPLIED));
        assertThat(o.version()).isEqualTo(version);
        assertThat(o.events()).noneMatch(e -> e.at().equals(AT));
    }

    @Test
    void aRejectionWithoutAReasonIsNotALine() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        WorkOrder.Snapshot before = o.snapshot();

        assertThat(((Decision.Rejected) o.recordReview("区级中心审核", false, " ", reviewer(), AT)).code())
                .isEqualTo("reason-required");
        assertThat(o.snapshot()).isEqualTo(before);
    }

    @Test
    void eachCallbackAttemptIsALineAndPhoneNumbersInTheCommentAreMasked() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        require(o.recordCallback(1, "未接通", "13812341234 关机，备用号码 0635-8212345 无人接听", supervisor(), AT));
        require(o.recordCallback(2, "已解决，满意", "积水已排净", supervisor(), AT.plusSeconds(86400)));

        assertThat(o.newHistory()).filteredOn(h -> h.action() == OrderAction.CALLBACK)
                .extracting(HistoryEntry::detail, HistoryEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("第 1 次回访：未接通", "138****1234 关机，备用号码 0635-****2345 无人接听"),
                        org.assertj.core.groups.Tuple.tuple("第 2 次回访：已解决，满意", "积水已排净"));
        assertThat(o.status()).isEqualTo(OrderStatus.REPLIED);
    }

    @Test
    void nothingIsReviewedOrCalledBackBeforeTheReply() {
        WorkOrder o = inStatus(OrderStatus.IN_PROGRESS, MONDAY_MORNING);

        assertThat(((Decision.Rejected) o.recordReview("区级中心审核", true, null, reviewer(), AT)).code())
                .isEqualTo("status-forbids");
        assertThat(((Decision.Rejected) o.recordCallback(1, "未接通", null, supervisor(), AT)).code())
                .isEqualTo("status-forbids");
    }
}
