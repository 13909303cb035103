package org.hotline.workorder;

/**
 * 分流办结: how a registered appeal that is not the hotline's to dispatch is settled and closed without ever
 * reaching a unit, by a person's decision (triage only suggests). The order records what it became
 * ({@link WorkOrder#intakeOutcome()}, {@link WorkOrder#intakeRoute()}) and the history says who decided and when.
 */
public sealed interface Settlement {

    /** The triage outcome this settlement records. */
    TriageOutcome outcome();

    /** What the order records beside the outcome: the service, route or reason by name. */
    String routeName();

    /** The action the history records. */
    OrderAction action();

    /** 紧急转接: the call was transferred to an emergency service; {@code note} is the operator's own words. */
    record Referral(EmergencyService service, String note) implements Settlement {

        @Override
        public TriageOutcome outcome() {
            return TriageOutcome.EMERGENCY;
        }

        @Override
        public String routeName() {
            return service == null ? null : service.name();
        }

        @Override
        public OrderAction action() {
            return OrderAction.REFER;
        }
    }

    /** 告知其他途径: the citizen was told the proper channel; {@code explanation} is what they were told. */
    record Redirection(ProperRoute route, String explanation) implements Settlement {

        @Override
        public TriageOutcome outcome() {
            return TriageOutcome.OTHER_CHANNEL;
        }

        @Override
        public String routeName() {
            return route == null ? null : route.name();
        }

        @Override
        public OrderAction action() {
            return OrderAction.REDIRECT;
        }
    }

    /** 无效诉求: harassment, abuse, silence, a test or prank call, gibberish; {@code note} is the operator's words. */
    record Invalid(InvalidReason reason, String note) implements Settlement {

        @Override
        public TriageOutcome outcome() {
            return TriageOutcome.INVALID;
        }

        @Override
        public String routeName() {
            return reason == null ? null : reason.name();
        }

        @Override
        public OrderAction action() {
            return OrderAction.RECORD_INVALID;
        }
    }
}
