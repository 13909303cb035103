package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle as a table: for every status and every action on an existing order, the action is either
 * possible (and, done by the right person with valid input, succeeds) or refused because of the status,
 * with a reason that names the status, and nothing changes. The expected table is written out here by hand,
 * independently of {@link OrderStatus}, so a change to the lifecycle has to change both.
 */
class EveryStatusAndActionTest {

    /** Rows: status; columns: the actions below, in order. Y = possible in that status, . = refused. */
    private static final List<OrderAction> COLUMNS = List.of(OrderAction.DISPATCH, OrderAction.ACKNOWLEDGE,
            OrderAction.REQUEST_RETURN, OrderAction.APPROVE_RETURN, OrderAction.REJECT_RETURN, OrderAction.ADD_CO_UNIT,
            OrderAction.CO_UNIT_ACKNOWLEDGE, OrderAction.CO_UNIT_SUBMIT, OrderAction.CO_UNIT_DECLINE,
            OrderAction.RECORD_NON_COOPERATION, OrderAction.REQUEST_EXTENSION, OrderAction.APPROVE_EXTENSION,
            OrderAction.REJECT_EXTENSION, OrderAction.SUPERVISE, OrderAction.MERGE, OrderAction.ATTACH,
            OrderAction.REPLY, OrderAction.REVIEW, OrderAction.CALLBACK, OrderAction.REDO, OrderAction.CLOSE,
            OrderAction.OVERRIDE_CLOSE, OrderAction.REFER, OrderAction.REDIRECT, OrderAction.RECORD_INVALID);

    private static final String[] TABLE = {
            //                 DIS ACK RRQ RAP RRJ ADD CAK CSU CDE NCO XRQ XAP XRJ SUP MRG ATT RPL REV CBK RDO CLS OVR REF RDR INV
            "REGISTERED         Y   .   .   .   .   .   .   .   .   .   .   .   .   Y   Y   Y   .   .   .   .   .   .   Y   Y   Y",
            "DISPATCHED         .   Y   Y   .   .   Y   Y   Y   Y   Y   .   .   .   Y   Y   Y   .   .   .   .   .   .   .   .   .",
            "IN_PROGRESS        .   .   Y   .   .   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   .   .",
            "RETURN_REQUESTED   .   .   .   Y   Y   .   Y   Y   Y   Y   .   .   .   Y   .   Y   .   .   .   .   .   .   .   .   .",
            "REPLIED            .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   Y   .   Y   Y   Y   Y   Y   .   .   .",
            "CLOSED             .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
            "MERGED             .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
    };

    static Stream<Arguments> everyStatusAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (String row : TABLE) {
            String[] cells = row.trim().split("\\s+");
            OrderStatus status = OrderStatus.valueOf(cells[0]);
            for (int i = 0; i < COLUMNS.size(); i++) {
                cases.add(Arguments.of(status, COLUMNS.get(i), cells[i + 1].equals("Y")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} × {1} possible={2}")
    @MethodSource("everyStatusAndAction")
    void eachActionIsPossibleExactlyInTheStatusesTheLifecycleAllows(OrderStatus status, OrderAction action,
            boolean possible) {
        WorkOrder order = inStatus(status, MONDAY_MORNING);
        WorkOrder.Snapshot before = order.snapshot();
        int historyBefore = order.newHistory().size();

        Decision decision = perform(action, order, MONDAY_MORNING.plusSeconds(4 * 3600));

        if (possible) {
            assertThat(decision).as("%s in %s", action, status).isEqualTo(Decision.allowed());
            assertThat(order.newHistory()).hasSizeGreaterThan(historyBefore);
        } else {
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            Decision.Rejected rejected = (Decision.Rejected) decision;
            assertThat(rejected.code()).isEqualTo("status-forbids");
            assertThat(rejected.reason()).contains(status.label()).contains(action.label());
            assertThat(order.snapshot()).as("a refused action changes nothing").isEqualTo(before);
            assertThat(order.newHistory()).hasSize(historyBefore);
        }
    }

    @org.junit.jupiter.api.Test
    void theTableCoversEveryStatusAndEveryNonCreatingAction() {
        assertThat(Arrays.stream(TABLE).map(r -> r.trim().split("\\s+")[0]).toList())
                .containsExactlyElementsOf(Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
        assertThat(COLUMNS).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(OrderAction.values()).filter(a -> !a.isCreation()).toList());
    }

    /**
     * Does the action as the person entitled to it, with valid input. Where an action needs an earlier step
     * that the status permits (deciding an extension needs a request), that step is done first.
     */
    static Decision perform(OrderAction action, WorkOrder o, Instant now) {
        return switch (action) {
            case DISPATCH -> o.dispatch(ENFORCEMENT, List.of(GULOU), null, null, dispatcher(), now, DEADLINES);
            case ACKNOWLEDGE -> o.acknowledge(handlerOf(ENFORCEMENT), now);
            case REQUEST_RETURN -> o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                    handlerOf(ENFORCEMENT), now, DEADLINES);
            case APPROVE_RETURN -> o.approveReturn(null, "同意", dispatcher(), now, DEADLINES);
            case REJECT_RETURN -> o.rejectReturn("属于执法局职责", dispatcher(), now, DEADLINES);
            case ADD_CO_UNIT -> o.addCoUnit(MARKET, null, handlerOf(ENFORCEMENT), now, DEADLINES);
            case CO_UNIT_ACKNOWLEDGE -> o.acknowledgeAsCoUnit(handlerOf(GULOU), now);
            case CO_UNIT_SUBMIT -> o.submitCoUnitPart("已排查", handlerOf(GULOU), now);
            case CO_UNIT_DECLINE -> o.declineAsCoUnit("人手不足", handlerOf(GULOU), now);
            case RECORD_NON_COOPERATION -> o.recordNonCooperation(GULOU, org.hotline.organization.Actor.system(),
                    now.plusSeconds(30L * 86400));
            case REQUEST_EXTENSION -> o.requestExtension(3, "需协调施工单位", handlerOf(ENFORCEMENT), now, DEADLINES);
            case APPROVE_EXTENSION, REJECT_EXTENSION -> {
                if (o.status().allows(action)) {
                    require(o.requestExtension(3, "需协调施工单位", handlerOf(ENFORCEMENT), now, DEADLINES));
                }
                yield o.decideExtension(action == OrderAction.APPROVE_EXTENSION, "理由不足", supervisor(), now,
                        DEADLINES);
            }
            case SUPERVISE -> o.supervise("请加快办理", supervisor(), now);
            case MERGE -> o.mergeInto(registered(now.minusSeconds(3600)), "重复诉求", dispatcher(), now);
            case ATTACH -> o.attach("现场照片.jpg", dispatcher(), now);
            case REPLY -> {
                if (o.status().allows(OrderAction.REPLY)) {
                    require(o.submitCoUnitPart("已排查", handlerOf(GULOU), now));
                }
                yield o.reply(reply(), handlerOf(ENFORCEMENT), now);
            }
            case REVIEW -> o.recordReview("区级中心审核", true, null, reviewer(), now);
            case CALLBACK -> o.recordCallback(1, "已解决，满意", null, supervisor(), now);
            case REDO -> o.redo("群众不满意", reviewer(), now, DEADLINES);
            // the quality loop's clearance of the latest reply (of a first reply, for an order without one)
            case CLOSE -> o.close(new QualityClearance(o.replies().size() == 0 ? 1 : o.replies().size(), "回访已解决，办结"),
                    null, supervisor(), now);
            case OVERRIDE_CLOSE -> o.overrideClose("市民来电撤回诉求", director(), now);
            case REFER -> o.settle(new Settlement.Referral(EmergencyService.FIRE, "已转接"), dispatcher(), now);
            case REDIRECT -> o.settle(new Settlement.Redirection(ProperRoute.LITIGATION, "案件已在法院审理，请向法院反映"),
                    dispatcher(), now);
            case RECORD_INVALID -> o.settle(new Settlement.Invalid(InvalidReason.SILENT, null), dispatcher(), now);
            case REGISTER, ANSWER_AT_INTAKE -> throw new IllegalArgumentException("creation is not an action");
        };
    }
}
