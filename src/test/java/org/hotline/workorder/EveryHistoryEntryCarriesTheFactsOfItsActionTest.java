package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.OrderAction.*;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.GULOU;
import static org.hotline.workorder.WorkOrderFixture.HOUSING;
import static org.hotline.workorder.WorkOrderFixture.MARKET;

import java.util.List;

import org.hotline.organization.UnitId;
import org.hotline.workorder.EveryAction.Facts;
import org.junit.jupiter.api.Test;

/**
 * Beside its text for people, every history entry carries the facts other modules count (the unit the action
 * concerns, the second unit of a return, whether it came late), so that no one reads them out of the wording.
 * {@link HistoryEntry} says what each fact means per action; this pins it for the actions of {@link EveryAction}.
 */
class EveryHistoryEntryCarriesTheFactsOfItsActionTest {

    private final EveryAction orders = EveryAction.build(WorkOrderFixture::nextNumber);

    @Test
    void aReturnNamesBothUnitsAndLatenessIsRecordedWhereThereIsADeadline() {
        assertThat(facts(orders.returnedAndRedone)).containsExactly(
                f(REGISTER, null, null, null),
                f(DISPATCH, ENFORCEMENT, null, null),
                f(ACKNOWLEDGE, ENFORCEMENT, null, true),
                f(REQUEST_RETURN, ENFORCEMENT, HOUSING, null),
                f(APPROVE_RETURN, ENFORCEMENT, HOUSING, null),
                f(ACKNOWLEDGE, HOUSING, null, false),
                f(CO_UNIT_ACKNOWLEDGE, GULOU, null, null),
                f(ADD_CO_UNIT, MARKET, null, null),
                f(CO_UNIT_SUBMIT, GULOU, null, false),
                f(REQUEST_EXTENSION, HOUSING, null, null),
                f(APPROVE_EXTENSION, HOUSING, null, null),
                f(SUPERVISE, HOUSING, null, null),
                f(ATTACH, HOUSING, null, null),
                f(ATTACH, null, null, null), // the center's attachment concerns no unit
                f(RECORD_NON_COOPERATION, MARKET, null, null),
                f(REPLY, HOUSING, null, false),
                f(REVIEW, HOUSING, null, null),
                f(CALLBACK, HOUSING, null, null),
                f(REDO, HOUSING, null, null),
                f(ACKNOWLEDGE, HOUSING, null, false),
                f(REPLY, HOUSING, null, true),
                f(CLOSE, HOUSING, null, null));
    }

    @Test
    void aCoUnitsActsConcernTheCoUnitAndARefusedReturnTheLead() {
        assertThat(facts(orders.returnRefused)).containsExactly(
                f(REGISTER, null, null, null),
                f(DISPATCH, MARKET, null, null),
                f(CO_UNIT_DECLINE, GULOU, null, null),
                f(REQUEST_RETURN, MARKET, ENFORCEMENT, null),
                f(REJECT_RETURN, MARKET, null, null),
                f(CO_UNIT_SUBMIT, HOUSING, null, true),
                f(REQUEST_EXTENSION, MARKET, null, null),
                f(REJECT_EXTENSION, MARKET, null, null),
                f(REPLY, MARKET, null, false),
                f(REVIEW, MARKET, null, null),
                f(OVERRIDE_CLOSE, MARKET, null, null));
    }

    @Test
    void aMergedOrderClosedWithItsMasterConcernsTheMastersLeadUnit() {
        assertThat(facts(orders.merged)).containsExactly(
                f(REGISTER, null, null, null),
                f(DISPATCH, GULOU, null, null),
                f(MERGE, GULOU, null, null),
                f(CLOSE, ENFORCEMENT, null, null));
        assertThat(facts(orders.master)).containsExactly(
                f(REGISTER, null, null, null),
                f(DISPATCH, ENFORCEMENT, null, null),
                f(MERGE, ENFORCEMENT, null, null),
                f(ACKNOWLEDGE, ENFORCEMENT, null, false),
                f(REPLY, ENFORCEMENT, null, false),
                f(CLOSE, ENFORCEMENT, null, null));
        assertThat(facts(orders.answeredAtIntake)).containsExactly(f(ANSWER_AT_INTAKE, null, null, null));
    }

    private static List<Facts> facts(WorkOrder o) {
        return o.newHistory().stream().map(Facts::of).toList();
    }

    private static Facts f(OrderAction action, UnitId unit, UnitId otherUnit, Boolean late) {
        return new Facts(action, unit, otherUnit, late);
    }
}
