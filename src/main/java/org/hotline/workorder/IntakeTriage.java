package org.hotline.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where triage (分流) plugs into intake. Asked for every new appeal before the intake transaction, like
 * {@link AutoDispatch}: its advice is shown to the operator (in the create response, and as they type through
 * the triage module's own endpoint), and it is recorded inside the transaction that stores the order, with what a
 * person decided. Without an implementation every appeal goes the normal path and nothing is held.
 *
 * <p>A suggestion never settles an order by itself: when nobody decided and triage suggests the appeal is not for
 * dispatch (an emergency, another channel, an invalid call), the order is registered and held for a person
 * instead of being dispatched automatically.
 */
public interface IntakeTriage {

    /** Assesses a new appeal on the caller's thread; writes nothing. */
    Assessment assess(OrderNumber number, WorkOrder.Appeal appeal);

    /** The triage recorded for an order, for its view; empty when there is none. */
    Optional<Recorded> recorded(OrderNumber number);

    /** One appeal's triage, to show and to record. */
    interface Assessment {

        Advice advice();

        /**
         * Records the advice and what the order became ({@code decided} null: held for a person), inside the intake
         * transaction; run again if that transaction is rolled back and the order written alone.
         */
        void record(TriageOutcome decided, String route, String decidedBy, Instant at);
    }

    /**
     * What triage advises for an appeal, as the operator reads it: the outcome and its target (an emergency
     * service with its number, a proper route, an invalid reason) with Chinese labels, the confidence, whether to
     * look closer and why ({@code flagged}, {@code note}), what to do ({@code instruction}), what to tell the citizen
     * ({@code explanation}), the warning a citizen who entered an emergency alone sees, the evidence, any
     * knowledge-base answers, and the rules' version.
     */
    record Advice(TriageOutcome outcome, String outcomeLabel, EmergencyService service, String serviceNumber,
            ProperRoute route, InvalidReason invalidReason, String targetLabel, double confidence, boolean flagged,
            String note, String instruction, String explanation, String warning, List<Evidence> evidence,
            List<KnowledgeHit> knowledge, String rulesVersion) {

        public Advice {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        }

        /** The service, route or reason by name (the knowledge entry for a knowledge answer); null for dispatch. */
        public String target() {
            return switch (outcome) {
                case EMERGENCY -> service.name();
                case OTHER_CHANNEL -> route.name();
                case INVALID -> invalidReason.name();
                case KNOWLEDGE -> knowledge.isEmpty() ? null : knowledge.get(0).entry();
                case DISPATCH -> null;
            };
        }

        /** Whether an order nobody decided on is held for a person rather than dispatched automatically. */
        public boolean holdsDispatch() {
            return outcome == TriageOutcome.EMERGENCY || outcome == TriageOutcome.OTHER_CHANNEL
                    || outcome == TriageOutcome.INVALID;
        }
    }

    /**
     * Why: a rule ({@code rule}, what it means in {@code label}), its effect (DECIDED, HINT, HELD_BACK), the
     * appeal's whole words behind it and, held back, the words that held it back.
     */
    record Evidence(String rule, String label, String effect, List<String> words, List<String> against) {
    }

    /** A knowledge-base entry that may answer an inquiry, with the knowledge base's score in [0, 1]. */
    record KnowledgeHit(String entry, String title, String answer, double score) {
    }

    /** The triage recorded for an order and what a person decided ({@code decided} null: not yet). */
    record Recorded(Advice advice, Instant advisedAt, TriageOutcome decided, String decidedRoute, String decidedBy,
            Instant decidedAt) {
    }
}
