package org.hotline.triage.internal;

import java.time.Instant;
import java.util.Optional;

import org.hotline.triage.Triage;
import org.hotline.triage.TriageRequest;
import org.hotline.triage.Triager;
import org.hotline.workorder.IntakeTriage;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.WorkOrder;
import org.springframework.stereotype.Component;

/**
 * Triage as the work order's intake asks for it: decides on the caller's thread before the intake transaction
 * and records the decision in {@code triage_record} inside it, with what the operator decided.
 */
@Component
class IntakeTriageAdapter implements IntakeTriage {

    private final Triager triager;
    private final TriageRecords records;

    IntakeTriageAdapter(Triager triager, TriageRecords records) {
        this.triager = triager;
        this.records = records;
    }

    @Override
    public Assessment assess(OrderNumber number, WorkOrder.Appeal appeal) {
        Triage triage = triager.triage(new TriageRequest(appeal.content(), appeal.appealType(), appeal.channel()));
        IntakeTriage.Advice advice = Advices.of(triage);
        return new Assessment() {
            @Override
            public IntakeTriage.Advice advice() {
                return advice;
            }

            @Override
            public void record(TriageOutcome decided, String route, String decidedBy, Instant at) {
                records.prepare(number, appeal.channel(), advice, at, decided, route, decidedBy).run();
            }
        };
    }

    @Override
    public Optional<Recorded> recorded(OrderNumber number) {
        return records.find(number).map(this::recorded);
    }

    /**
     * A stored record as shown: the texts for people come from the rules in service (they are not stored), the
     * facts from the record.
     */
    Recorded recorded(TriageRecords.Stored s) {
        return new Recorded(Advices.stored(s, triager.rules()), s.advisedAt(), s.decided(), s.decidedRoute(),
                s.decidedBy(), s.decidedAt());
    }
}
