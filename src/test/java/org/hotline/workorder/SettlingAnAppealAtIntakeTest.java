package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.util.ArrayList;
import java.util.List;

import org.hotline.workorder.EveryAction.Facts;
import org.junit.jupiter.api.Test;

/**
 * 分流办结: an appeal that is not the hotline's to dispatch is closed without a unit, by a person's decision, with
 * what it became recorded on the order and in its history. Each rule of {@link IntakeSettlementRules} by name.
 */
class SettlingAnAppealAtIntakeTest {

    @Test
    void aReferredEmergencyIsClosedAtOnceAndNeverDispatched() {
        WorkOrder o = WorkOrder.register(nextNumber(), appeal(AppealType.HELP_REQUEST, "三号楼着火了"), operator(),
                MONDAY_MORNING);

        Decision d = o.settle(new Settlement.Referral(EmergencyService.FIRE, "已转接 119"), operator(), MONDAY_MORNING);

        assertThat(d.isAllowed()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(o.closedAt()).isEqualTo(MONDAY_MORNING);
        assertThat(o.intakeOutcome()).isEqualTo(TriageOutcome.EMERGENCY);
        assertThat(o.intakeRoute()).isEqualTo("FIRE");
        assertThat(o.leadUnit()).isNull();
        assertThat(o.clock().dispatchedAt()).isNull();
        HistoryEntry line = o.newHistory().get(o.newHistory().size() - 1);
        assertThat(line.action()).isEqualTo(OrderAction.REFER);
        assertThat(line.actor()).isEqualTo("operator1");
        assertThat(line.at()).isEqualTo(MONDAY_MORNING);
        assertThat(line.detail()).isEqualTo("已转 119（消防救援）");
        assertThat(line.reason()).isEqualTo("已转接 119");
        assertThat(Facts.of(line)).isEqualTo(new Facts(OrderAction.REFER, null, null, null));
        assertThat(o.events()).contains(new WorkOrderEvent.Settled(o.number(), MONDAY_MORNING, "operator1",
                TriageOutcome.EMERGENCY, "FIRE", true));
        assertThat(o.dispatch(ENFORCEMENT, List.of(), null, null, dispatcher(), MONDAY_MORNING, DEADLINES))
                .isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void aRedirectedAppealKeepsWhatTheCitizenWasTold() {
        WorkOrder o = registered(MONDAY_MORNING);

        require(o.settle(new Settlement.Redirection(ProperRoute.ARBITRATION, "已申请仲裁，请关注仲裁委员会的审理进度"),
                dispatcher(), MONDAY_MORNING.plusSeconds(3600)));

        assertThat(o.intakeOutcome()).isEqualTo(TriageOutcome.OTHER_CHANNEL);
        assertThat(o.intakeRoute()).isEqualTo("ARBITRATION");
        assertThat(o.intakeAnswer()).isEqualTo("已申请仲裁，请关注仲裁委员会的审理进度");
        assertThat(o.newHistory().get(1).detail()).isEqualTo("告知通过仲裁途径解决（仲裁委员会）");
        assertThat(o.events()).contains(new WorkOrderEvent.Settled(o.number(), MONDAY_MORNING.plusSeconds(3600),
                "dispatcher1", TriageOutcome.OTHER_CHANNEL, "ARBITRATION", true));
    }

    @Test
    void anOrderHeldForAPersonIsSettledLaterNotAtIntake() {
        WorkOrder o = registered(MONDAY_MORNING);
        o.stored(0);

        require(o.settle(new Settlement.Invalid(InvalidReason.TEST, "系统测试"), dispatcher(),
                MONDAY_MORNING.plusSeconds(600)));

        assertThat(o.intakeOutcome()).isEqualTo(TriageOutcome.INVALID);
        assertThat(o.newHistory()).extracting(HistoryEntry::detail).containsExactly("无效诉求：测试");
        assertThat(o.events()).contains(new WorkOrderEvent.Settled(o.number(), MONDAY_MORNING.plusSeconds(600),
                "dispatcher1", TriageOutcome.INVALID, "TEST", false));
    }

    @Test
    void aReferralNamesItsService() {
        assertRefused(new Settlement.Referral(null, null), operator(), "referral-service-required");
    }

    @Test
    void aRedirectionExplainsTheProperChannel() {
        assertRefused(new Settlement.Redirection(ProperRoute.LITIGATION, " "), operator(),
                "redirection-explanation-required");
        assertRefused(new Settlement.Redirection(null, "请向法院反映"), operator(), "redirection-explanation-required");
    }

    @Test
    void anInvalidCallNamesItsReason() {
        assertRefused(new Settlement.Invalid(null, "无声"), operator(), "invalid-reason-required");
    }

    @Test
    void onlyAPersonSettlesAnAppeal() {
        Decision d = assertRefused(new Settlement.Invalid(InvalidReason.GIBBERISH, null), WorkOrderService.AI_DISPATCHER,
                "settlement-needs-a-person");

        assertThat(((Decision.Rejected) d).forbidden()).isTrue();
        assertRefused(new Settlement.Invalid(InvalidReason.GIBBERISH, null), handlerOf(ENFORCEMENT), "not-permitted");
        assertRefused(new Settlement.Invalid(InvalidReason.GIBBERISH, null), reviewer(), "not-permitted");
    }

    @Test
    void anOrderOthersFollowIsNotSettled() {
        WorkOrder master = registered(MONDAY_MORNING);
        WorkOrder repeat = registered(MONDAY_MORNING.plusSeconds(60));
        require(repeat.mergeInto(master, "同一事项", dispatcher(), MONDAY_MORNING.plusSeconds(120)));

        Decision d = master.settle(new Settlement.Referral(EmergencyService.POLICE, null), dispatcher(),
                MONDAY_MORNING.plusSeconds(180));

        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) d).code()).isEqualTo("has-merged-orders");
        assertThat(master.status()).isEqualTo(OrderStatus.REGISTERED);
    }

    @Test
    void anAnswerFromTheKnowledgeBaseRecordsItsEntry() {
        List<WorkOrder> created = new ArrayList<>();

        require(WorkOrder.answerAtIntake(nextNumber(), appeal(AppealType.INQUIRY, "公积金怎么提取"), "携带身份证到公积金中心办理",
                "K-17", operator(), MONDAY_MORNING, created::add));

        WorkOrder o = created.get(0);
        assertThat(o.intakeOutcome()).isEqualTo(TriageOutcome.KNOWLEDGE);
        assertThat(o.intakeRoute()).isEqualTo("K-17");
        assertThat(o.newHistory().get(0).reason()).isEqualTo("知识库条目：K-17");
        assertThat(o.snapshot().intakeOutcome()).isEqualTo(TriageOutcome.KNOWLEDGE);
    }

    private static Decision assertRefused(Settlement s, org.hotline.organization.Actor actor, String code) {
        WorkOrder o = registered(MONDAY_MORNING);
        WorkOrder.Snapshot before = o.snapshot();
        int history = o.newHistory().size();

        Decision d = o.settle(s, actor, MONDAY_MORNING.plusSeconds(60));

        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) d).code()).isEqualTo(code);
        assertThat(o.snapshot()).as("a refused settlement changes nothing").isEqualTo(before);
        assertThat(o.newHistory()).hasSize(history);
        return d;
    }
}
