package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotline.organization.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WorkOrder#actionsFor} is what screens offer: for every state of an order, every person and every
 * action, the action is offered as allowed exactly when doing it (with valid input) succeeds. So a screen never
 * shows a button the order would refuse, nor hides one it would accept. The director's override of the quality
 * loop is one of them; the loop's own steps (review, callback, the close it clears) are never offered: they are
 * taken by the quality loop from its records, not by a person on the order.
 */
class TheActionsOfferedAreExactlyThoseTheOrderAcceptsTest {

    private static final Instant LATER = MONDAY_MORNING.plusSeconds(4 * 3600);
    /** Past the return window (2 working days) and every co-unit's deadline. */
    private static final Instant MUCH_LATER = at("2026-12-10T10:00");

    static Map<String, WorkOrder> states() {
        Map<String, WorkOrder> states = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            states.put(status.name(), inStatus(status, MONDAY_MORNING));
        }
        WorkOrder pendingExtension = inProgress(ENFORCEMENT, MONDAY_MORNING);
        require(pendingExtension.requestExtension(2, "需协调", handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(900),
                DEADLINES));
        states.put("extension pending", pendingExtension);
        WorkOrder coUnitDone = inProgress(ENFORCEMENT, MONDAY_MORNING);
        require(coUnitDone.submitCoUnitPart("已排查", handlerOf(GULOU), MONDAY_MORNING.plusSeconds(900)));
        states.put("co-unit submitted", coUnitDone);
        WorkOrder coUnitAcknowledged = inProgress(ENFORCEMENT, MONDAY_MORNING);
        require(coUnitAcknowledged.acknowledgeAsCoUnit(handlerOf(GULOU), MONDAY_MORNING.plusSeconds(900)));
        states.put("co-unit acknowledged", coUnitAcknowledged);
        WorkOrder returnRejected = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
        require(returnRejected.rejectReturn("属于执法局职责", dispatcher(), MONDAY_MORNING.plusSeconds(3600), DEADLINES));
        states.put("return used", returnRejected);
        WorkOrder extended = inProgress(ENFORCEMENT, MONDAY_MORNING);
        require(extended.requestExtension(10, "需协调", handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(900),
                DEADLINES));
        require(extended.decideExtension(true, null, supervisor(), MONDAY_MORNING.plusSeconds(1800), DEADLINES));
        states.put("all extension days used", extended);
        return states;
    }

    static List<Actor> people() {
        return List.of(operator(), dispatcher(), supervisor(), reviewer(), director(), admin(), handlerOf(ENFORCEMENT),
                leaderOf(ENFORCEMENT), handlerOf(GULOU), handlerOf(MARKET));
    }

    static Stream<Arguments> everyStateAndPerson() {
        List<Arguments> cases = new ArrayList<>();
        states().forEach((name, order) -> {
            for (Actor actor : people()) {
                cases.add(Arguments.of(name, order, actor, LATER));
                cases.add(Arguments.of(name + ", days later", order, actor, MUCH_LATER));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("everyStateAndPerson")
    void anActionIsOfferedExactlyWhenTheOrderWouldAcceptIt(String state, WorkOrder order, Actor actor, Instant now) {
        Map<OrderAction, Decision> offered = order.actionsFor(actor, now, DEADLINES);

        for (OrderAction action : OrderAction.values()) {
            if (action.isCreation()) {
                continue;
            }
            if (QUALITY_LOOP_STEPS.contains(action)) {
                assertThat(offered).as("the quality loop's own step %s", action).doesNotContainKey(action);
                continue;
            }
            WorkOrder copy = WorkOrder.restore(order.snapshot());
            Decision done = perform(action, copy, actor, now);
            boolean offeredAsAllowed = offered.get(action) instanceof Decision.Allowed;
            assertThat(offeredAsAllowed).as("%s offered to %s in state %s, doing it answered %s", action,
                    actor.username(), state, done).isEqualTo(done.isAllowed());
            if (offered.get(action) instanceof Decision.Rejected refusal) {
                assertThat(done).as("the refusal shown is the rule the action applies").isInstanceOf(Decision.Rejected.class);
                assertThat(((Decision.Rejected) done).code()).isEqualTo(refusal.code());
            }
        }
    }

    @Test
    void actionsTheStatusOrThePersonRulesOutAreNotListedAtAll() {
        WorkOrder dispatched = inStatus(OrderStatus.DISPATCHED, MONDAY_MORNING);

        assertThat(dispatched.actionsFor(handlerOf(MARKET), LATER, DEADLINES)).isEmpty();
        assertThat(dispatched.actionsFor(handlerOf(ENFORCEMENT), LATER, DEADLINES)).containsOnlyKeys(
                OrderAction.ACKNOWLEDGE, OrderAction.REQUEST_RETURN, OrderAction.ADD_CO_UNIT, OrderAction.ATTACH);
        assertThat(inStatus(OrderStatus.CLOSED, MONDAY_MORNING).actionsFor(supervisor(), LATER, DEADLINES)).isEmpty();
    }

    @Test
    void theDirectorAloneIsOfferedTheOverrideOfAReplyOutsideTheQualityLoop() {
        WorkOrder replied = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        assertThat(replied.actionsFor(director(), LATER, DEADLINES).get(OrderAction.OVERRIDE_CLOSE))
                .isInstanceOf(Decision.Allowed.class);
        for (Actor other : List.of(operator(), dispatcher(), supervisor(), reviewer(), admin(), handlerOf(ENFORCEMENT))) {
            assertThat(replied.actionsFor(other, LATER, DEADLINES)).as(other.username())
                    .doesNotContainKeys(OrderAction.OVERRIDE_CLOSE, OrderAction.CLOSE);
        }
        assertThat(inStatus(OrderStatus.IN_PROGRESS, MONDAY_MORNING).actionsFor(director(), LATER, DEADLINES))
                .doesNotContainKey(OrderAction.OVERRIDE_CLOSE);
    }

    @Test
    void aReplyWhileACoUnitStillHasTimeIsListedWithTheReason() {
        WorkOrder order = inProgress(ENFORCEMENT, MONDAY_MORNING);

        Decision reply = order.actionsFor(handlerOf(ENFORCEMENT), LATER, DEADLINES).get(OrderAction.REPLY);

        assertThat(reply).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) reply).reason()).contains("协办单位尚未提交协办意见", GULOU.value());
    }

    private static final java.util.Set<OrderAction> QUALITY_LOOP_STEPS = java.util.EnumSet.of(OrderAction.REVIEW,
            OrderAction.CALLBACK, OrderAction.CLOSE);

    /** Does the action as {@code actor}, with input that no rule objects to. */
    private static Decision perform(OrderAction action, WorkOrder o, Actor actor, Instant now) {
        return switch (action) {
            case DISPATCH -> o.dispatch(HOUSING, List.of(), null, null, actor, now, DEADLINES);
            case ACKNOWLEDGE -> o.acknowledge(actor, now);
            case REQUEST_RETURN -> o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION,
                    o.leadUnit() != null && o.leadUnit().equals(HOUSING) ? MARKET : HOUSING, "属于住建部门职责", actor, now, DEADLINES);
            case APPROVE_RETURN -> o.approveReturn(MARKET, "同意", actor, now, DEADLINES);
            case REJECT_RETURN -> o.rejectReturn("属于执法局职责", actor, now, DEADLINES);
            case ADD_CO_UNIT -> o.addCoUnit(MARKET, null, actor, now, DEADLINES);
            case CO_UNIT_ACKNOWLEDGE -> o.acknowledgeAsCoUnit(actor, now);
            case CO_UNIT_SUBMIT -> o.submitCoUnitPart("已排查", actor, now);
            case CO_UNIT_DECLINE -> o.declineAsCoUnit("人手不足", actor, now);
            case RECORD_NON_COOPERATION -> o.recordNonCooperation(GULOU, actor, now);
            case REQUEST_EXTENSION -> o.requestExtension(1, "需协调施工单位", actor, now, DEADLINES);
            case APPROVE_EXTENSION -> o.decideExtension(true, null, actor, now, DEADLINES);
            case REJECT_EXTENSION -> o.decideExtension(false, "理由不足", actor, now, DEADLINES);
            case SUPERVISE -> o.supervise("请加快办理", actor, now);
            case MERGE -> o.mergeInto(registered(MONDAY_MORNING.minusSeconds(3600)), "重复诉求", actor, now);
            case ATTACH -> o.attach("现场照片.jpg", actor, now);
            case REPLY -> o.reply(reply(), actor, now);
            case REDO -> o.redo("群众不满意", actor, now, DEADLINES);
            case OVERRIDE_CLOSE -> o.overrideClose("市民来电撤回诉求", actor, now);
            case REFER -> o.settle(new Settlement.Referral(EmergencyService.FIRE, "已告知转接"), actor, now);
            case REDIRECT -> o.settle(new Settlement.Redirection(ProperRoute.LITIGATION, "已在诉讼中，请向法院反映"),
                    actor, now);
            case RECORD_INVALID -> o.settle(new Settlement.Invalid(InvalidReason.SILENT, null), actor, now);
            case REVIEW, CALLBACK, CLOSE -> throw new IllegalArgumentException("the quality loop's step, not offered");
            case REGISTER, ANSWER_AT_INTAKE -> throw new IllegalArgumentException("creation is not an action");
        };
    }
}
