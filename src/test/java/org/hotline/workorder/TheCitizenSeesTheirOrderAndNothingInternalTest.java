package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * 办件查询: a citizen proves it is their order with the last four digits of their phone, and learns where it
 * stands, when it is due and the public reply; never the internal note, the staff, the units or the history.
 */
class TheCitizenSeesTheirOrderAndNothingInternalTest {

    private static final Instant LATER = MONDAY_MORNING.plusSeconds(4 * 3600);

    @Test
    void onlyTheLastFourDigitsOfTheRegisteredPhoneOpenTheOrder() {
        WorkOrder order = registered(MONDAY_MORNING); // phone 13812341234

        assertThat(order.citizenPhoneEndsWith("1234")).isTrue();
        assertThat(order.citizenPhoneEndsWith("4321")).isFalse();
        assertThat(order.citizenPhoneEndsWith("234")).isFalse();
        assertThat(order.citizenPhoneEndsWith("")).isFalse();
        assertThat(order.citizenPhoneEndsWith(null)).isFalse();
        assertThat(order.citizenPhoneEndsWith("12a4")).isFalse();
    }

    @Test
    void anOrderWithoutAPhoneCannotBeLookedUp() {
        WorkOrder anonymous = WorkOrder.register(nextNumber(), new WorkOrder.Appeal(Channel.WEB, AppealType.SUGGESTION,
                new Citizen(null, null, false), "建议增设公交站", Location.none(), null, Urgency.NORMAL), operator(),
                MONDAY_MORNING);

        assertThat(anonymous.citizenPhoneEndsWith("0000")).isFalse();
    }

    @Test
    void whileItIsHandledTheCitizenSeesTheDeadlineAndNoReply() {
        WorkOrder order = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);

        PublicCase seen = order.forCitizen();

        assertThat(seen.stage()).as("a return under review is the center's business").isEqualTo(PublicCase.Stage.HANDLING);
        assertThat(seen.replyDueBy()).isEqualTo(order.clock().handleDeadline());
        assertThat(seen.publicReply()).isNull();
        assertThat(seen.registeredAt()).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void afterTheReplyTheCitizenSeesThePublicReplyButNeverTheInternalNote() {
        WorkOrder order = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        PublicCase seen = order.forCitizen();

        assertThat(seen.stage()).isEqualTo(PublicCase.Stage.REPLIED);
        assertThat(seen.publicReply()).isEqualTo(reply().publicReply());
        assertThat(seen.toString()).doesNotContain(reply().internalNote(), reply().actionsTaken(), "王女士",
                "13812341234", ENFORCEMENT.value(), GULOU.value(), "handler", "小巷积水");
    }

    @Test
    void aRedoneOrderShowsNoReplyUntilTheNewOneComes() {
        WorkOrder order = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        require(order.redo("群众不满意", reviewer(), LATER, DEADLINES));

        assertThat(order.forCitizen().stage()).isEqualTo(PublicCase.Stage.HANDLING);
        assertThat(order.forCitizen().publicReply()).isNull();
    }

    @Test
    void anInquiryAnsweredAtIntakeShowsTheAnswer() {
        java.util.List<WorkOrder> made = new java.util.ArrayList<>();
        require(WorkOrder.answerAtIntake(nextNumber(), appeal(AppealType.INQUIRY, "医保缴费截止日期？"), "12 月 31 日前缴纳",
                operator(), MONDAY_MORNING, made::add));

        PublicCase seen = made.get(0).forCitizen();

        assertThat(seen.stage()).isEqualTo(PublicCase.Stage.CLOSED);
        assertThat(seen.publicReply()).isEqualTo("12 月 31 日前缴纳");
    }

    @Test
    void whatTheCitizenSeesHoldsNothingButTheseSixThings() {
        assertThat(Arrays.stream(PublicCase.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("number", "stage", "registeredAt", "replyDueBy", "publicReply", "repliedAt");
    }
}
