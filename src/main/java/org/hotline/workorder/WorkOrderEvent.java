package org.hotline.workorder;

import java.time.Instant;
import java.util.List;

import org.hotline.organization.UnitId;

/**
 * What happened to an order, in the past tense, for other modules to react to (AI dispatch learns from
 * approved returns, assessment counts acknowledgements, redo and non-cooperation). Published in the same
 * transaction as the change, through Spring Modulith's publication registry, so a failed reaction is retried.
 */
public sealed interface WorkOrderEvent {

    OrderNumber order();

    Instant at();

    String actor();

    record Registered(OrderNumber order, Instant at, String actor, Channel channel, AppealType appealType,
            String categoryCode, boolean answeredAtIntake) implements WorkOrderEvent {
    }

    record Dispatched(OrderNumber order, Instant at, String actor, UnitId leadUnit, List<UnitId> coUnits,
            String categoryCode, boolean redispatch) implements WorkOrderEvent {
    }

    record Acknowledged(OrderNumber order, Instant at, String actor, UnitId unit, boolean onTime)
            implements WorkOrderEvent {
    }

    record ReturnRequested(OrderNumber order, Instant at, String actor, UnitId unit, UnitId suggestedUnit,
            String reason) implements WorkOrderEvent {
    }

    /** The center agreed the order was outside the unit's jurisdiction: a correction the dispatcher learns from. */
    record ReturnApproved(OrderNumber order, Instant at, String actor, UnitId fromUnit, UnitId toUnit,
            String categoryCode) implements WorkOrderEvent {
    }

    record ReturnRejected(OrderNumber order, Instant at, String actor, UnitId unit, String reason)
            implements WorkOrderEvent {
    }

    record CoUnitAdded(OrderNumber order, Instant at, String actor, UnitId coUnit, Instant deadline)
            implements WorkOrderEvent {
    }

    record CoUnitSubmitted(OrderNumber order, Instant at, String actor, UnitId coUnit, boolean onTime)
            implements WorkOrderEvent {
    }

    /** A co-unit missed its deadline or declined: reported to supervision and assessment. */
    record NonCooperationRecorded(OrderNumber order, Instant at, String actor, UnitId coUnit, UnitId leadUnit,
            String reason) implements WorkOrderEvent {
    }

    record ExtensionRequested(OrderNumber order, Instant at, String actor, UnitId unit, int workingDays,
            String reason) implements WorkOrderEvent {
    }

    record ExtensionDecided(OrderNumber order, Instant at, String actor, UnitId unit, int workingDays,
            boolean approved, Instant newDeadline) implements WorkOrderEvent {
    }

    record Supervised(OrderNumber order, Instant at, String actor, UnitId unit, String reason)
            implements WorkOrderEvent {
    }

    record Merged(OrderNumber order, Instant at, String actor, OrderNumber master) implements WorkOrderEvent {
    }

    record Replied(OrderNumber order, Instant at, String actor, UnitId unit, ReplyOutcome outcome,
            boolean onTime, int redoCount) implements WorkOrderEvent {
    }

    record SentForRedo(OrderNumber order, Instant at, String actor, UnitId unit, int redoCount, String reason,
            Instant newDeadline) implements WorkOrderEvent {
    }

    /**
     * 分流办结: a registered appeal closed without a unit, as a person decided: referred to an emergency service,
     * redirected to its proper channel, or recorded invalid ({@code outcome}, {@code route} by name); at intake,
     * or later by a dispatcher for an order triage held for a person ({@code atIntake} false).
     */
    record Settled(OrderNumber order, Instant at, String actor, TriageOutcome outcome, String route,
            boolean atIntake) implements WorkOrderEvent {
    }

    /**
     * 办结: through the quality loop, at intake, after the master ({@code master}), or by the director's override
     * outside the loop ({@code overridden}).
     */
    record Closed(OrderNumber order, Instant at, String actor, UnitId leadUnit, boolean answeredAtIntake,
            OrderNumber master, boolean overridden) implements WorkOrderEvent {
    }
}
