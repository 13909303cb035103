package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of intake, supervision, merge, reply, redo and close, one nested class each. */
class IntakeSupervisionMergeRedoTest {

    @Nested
    class AnsweringAtIntake {

        @Test
        void anInquiryAnsweredOnTheSpotIsClosedAtIntakeWithTheAnswer() {
            List<WorkOrder> created = new ArrayList<>();
            Decision d = WorkOrder.answerAtIntake(nextNumber(), appeal(AppealType.INQUIRY, "社保卡补办需要带什么材料？"),
                    "携带身份证到区政务服务中心社保窗口办理", operator(), MONDAY_MORNING, created::add);
            assertThat(d.isAllowed()).isTrue();
            WorkOrder o = created.get(0);
            assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
            assertThat(o.intakeAnswer()).contains("身份证");
            assertThat(o.newHistory()).singleElement()
                    .satisfies(h -> assertThat(h.action()).isEqualTo(OrderAction.ANSWER_AT_INTAKE));
        }

        @Test
        void onlyInquiriesCanBeAnsweredAtIntake() {
            List<WorkOrder> created = new ArrayList<>();
            Decision d = WorkOrder.answerAtIntake(nextNumber(), appeal(AppealType.COMPLAINT, "培训机构拒不退费"),
                    "建议您去法院起诉", operator(), MONDAY_MORNING, created::add);
            assertThat(((Decision.Rejected) d).code()).isEqualTo("answer-at-intake-inquiry-only");
            assertThat(created).isEmpty();
        }

        @Test
        void aRegisteredOrderWaitsForDispatchWithNoUnitAndNoClock() {
            WorkOrder o = registered(MONDAY_MORNING);
            assertThat(o.status()).isEqualTo(OrderStatus.REGISTERED);
            assertThat(o.leadUnit()).isNull();
            assertThat(o.clock().handleDeadline()).isNull();
        }
    }

    @Nested
    class Dispatching {

        @Test
        void dispatchStartsTheUnitsClocksOnTheWorkingDayCalendar() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            assertThat(o.leadUnit()).isEqualTo(ENFORCEMENT);
            assertThat(o.clock().acknowledgeDeadline()).isEqualTo(at("2026-11-30T11:00"));
            assertThat(o.clock().handleDeadline()).isEqualTo(at("2026-12-07T09:00"));
            assertThat(o.clock().returnRequestDeadline()).isEqualTo(at("2026-12-02T09:00"));
        }

        @Test
        void urgentOrdersRunOnShortRoundTheClockLimits() {
            WorkOrder o = WorkOrder.register(nextNumber(), new WorkOrder.Appeal(Channel.PHONE, AppealType.HELP_REQUEST,
                    new Citizen("李先生", "13900001111", false), "燃气管道泄漏", Location.none(), null, Urgency.URGENT),
                    operator(), at("2026-12-05T22:00"));
            o.dispatch(ENFORCEMENT, List.of(), null, null, dispatcher(), at("2026-12-05T22:00"), DEADLINES);
            assertThat(o.clock().acknowledgeDeadline()).isEqualTo(at("2026-12-05T22:30"));
            assertThat(o.clock().handleDeadline()).isEqualTo(at("2026-12-06T22:00"));
        }

        @Test
        void aUnitCannotDispatch() {
            WorkOrder o = registered(MONDAY_MORNING);
            Decision d = o.dispatch(ENFORCEMENT, List.of(), null, null, leaderOf(ENFORCEMENT), MONDAY_MORNING,
                    DEADLINES);
            assertThat(((Decision.Rejected) d).forbidden()).isTrue();
        }

        @Test
        void lateAcknowledgementIsAllowedButRecordedAsLate() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            o.acknowledge(handlerOf(ENFORCEMENT), at("2026-11-30T15:00"));
            assertThat(o.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                    WorkOrderEvent.Acknowledged.class, a -> assertThat(a.onTime()).isFalse()));
        }
    }

    @Nested
    class Supervising {

        @Test
        void supervisionIsRecordedCountedAndVisibleToTheUnit() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            Instant now = MONDAY_MORNING.plusSeconds(7200);
            assertThat(o.supervise("群众多次来电，请今日内处置", supervisor(), now).isAllowed()).isTrue();
            assertThat(o.supervision().count()).isEqualTo(1);
            assertThat(o.supervision().lastAt()).isEqualTo(now);
            assertThat(o.isVisibleTo(handlerOf(ENFORCEMENT))).isTrue();
            assertThat(o.newHistory()).last().satisfies(h -> {
                assertThat(h.action()).isEqualTo(OrderAction.SUPERVISE);
                assertThat(h.reason()).contains("今日内");
            });
        }

        @Test
        void onlySupervisorsAndTheDirectorSupervise() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            assertThat(((Decision.Rejected) o.supervise("快点", operator(), MONDAY_MORNING)).forbidden()).isTrue();
            assertThat(o.supervise("请加快", director(), MONDAY_MORNING).isAllowed()).isTrue();
        }
    }

    @Nested
    class Merging {

        @Test
        void mergedOrdersFollowTheMastersOutcomeAndTheirCitizensAreCounted() {
            WorkOrder master = inProgress(ENFORCEMENT, MONDAY_MORNING);
            WorkOrder repeat = registered(MONDAY_MORNING.plusSeconds(600));
            assertThat(repeat.mergeInto(master, "同一积水点", dispatcher(), MONDAY_MORNING.plusSeconds(700)).isAllowed())
                    .isTrue();
            assertThat(repeat.status()).isEqualTo(OrderStatus.MERGED);
            assertThat(repeat.merge().master()).isEqualTo(master.number());
            assertThat(master.merge().mergedCount()).isEqualTo(1);

            master.submitCoUnitPart("已配合", handlerOf(GULOU), MONDAY_MORNING.plusSeconds(800));
            master.reply(reply(), handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(900));
            require(master.close(passedTheLoop(master), null, reviewer(), MONDAY_MORNING.plusSeconds(1000)));
            assertThat(repeat.closeWithMaster(master, reviewer(), MONDAY_MORNING.plusSeconds(1000)).isAllowed()).isTrue();
            assertThat(repeat.closedAt()).isNotNull();
            assertThat(repeat.leadUnit()).isEqualTo(ENFORCEMENT);
        }

        @Test
        void aMergedOrderDoesNotCloseBeforeItsMaster() {
            WorkOrder master = inProgress(ENFORCEMENT, MONDAY_MORNING);
            WorkOrder repeat = registered(MONDAY_MORNING);
            repeat.mergeInto(master, "同一积水点", dispatcher(), MONDAY_MORNING);
            assertThat(repeat.closeWithMaster(master, reviewer(), MONDAY_MORNING).isAllowed()).isFalse();
            assertThat(repeat.closedAt()).isNull();
        }

        @Test
        void nothingMergesIntoAClosedOrderOrIntoItself() {
            WorkOrder closed = inStatus(OrderStatus.CLOSED, MONDAY_MORNING);
            WorkOrder repeat = registered(MONDAY_MORNING);
            assertThat(((Decision.Rejected) repeat.mergeInto(closed, null, dispatcher(), MONDAY_MORNING)).code())
                    .isEqualTo("master-not-open");
            assertThat(((Decision.Rejected) repeat.mergeInto(repeat, null, dispatcher(), MONDAY_MORNING)).code())
                    .isEqualTo("merge-into-itself");
        }
    }

    @Nested
    class ReplyingRedoingClosing {

        @Test
        void onlyTheLeadUnitReplies() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            o.submitCoUnitPart("已配合", handlerOf(GULOU), MONDAY_MORNING.plusSeconds(60));
            assertThat(((Decision.Rejected) o.reply(reply(), handlerOf(GULOU), MONDAY_MORNING.plusSeconds(120)))
                    .forbidden()).isTrue();
        }

        @Test
        void aRejectedResultGoesBackToTheSameUnitWithANewDeadlineAndIsCounted() {
            WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            Instant redoAt = at("2026-12-03T10:00");
            assertThat(o.redo("回访群众不满意：积水未排净", reviewer(), redoAt, DEADLINES).isAllowed()).isTrue();
            assertThat(o.status()).isEqualTo(OrderStatus.DISPATCHED);
            assertThat(o.leadUnit()).isEqualTo(ENFORCEMENT);
            assertThat(o.redoCount()).isEqualTo(1);
            assertThat(o.clock().handleDeadline()).isEqualTo(DEADLINES.redoBy(redoAt, false));

            o.acknowledge(handlerOf(ENFORCEMENT), redoAt.plusSeconds(60));
            o.reply(reply(), handlerOf(ENFORCEMENT), redoAt.plusSeconds(3600));
            o.redo("仍未解决", reviewer(), redoAt.plusSeconds(7200), DEADLINES);
            assertThat(o.redoCount()).isEqualTo(2);
            assertThat(o.replies()).hasSize(2);
        }

        @Test
        void redoNeedsAReason() {
            WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            assertThat(((Decision.Rejected) o.redo("", reviewer(), MONDAY_MORNING, DEADLINES)).code())
                    .isEqualTo("reason-required");
        }

        @Test
        void closingEndsTheOrder() {
            WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            Instant now = MONDAY_MORNING.plusSeconds(86400);
            assertThat(o.close(passedTheLoop(o), "回访满意", reviewer(), now).isAllowed()).isTrue();
            assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
            assertThat(o.closedAt()).isEqualTo(now);
        }
    }
}
