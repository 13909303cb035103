package org.hotline.dispatch.internal.routing;

import java.time.Clock;
import java.util.Optional;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.workorder.AutoDispatch;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AI dispatcher (智能派单) as the work order module calls it for every new order: decides before the intake
 * transaction, records the decision in {@code dispatch_record} inside it, and proposes a dispatch only when
 * the decision is confident. The work order does the dispatching itself.
 */
@Component
class AiDispatcher implements AutoDispatch {

    private static final Logger log = LoggerFactory.getLogger(AiDispatcher.class);

    private final DispatchDecisions decisions;
    private final DispatchRecords records;
    private final Clock clock;
    private final boolean automatic;

    /**
     * With {@code hotline.dispatch.automatic=false} the dispatcher only suggests: every decision is recorded
     * and shown in the manual queue, none is carried out. That is how a center starts with AI dispatch, and how
     * tests that are not about dispatch keep their orders waiting.
     */
    AiDispatcher(DispatchDecisions decisions, DispatchRecords records, Clock clock,
            @Value("${hotline.dispatch.automatic:true}") boolean automatic) {
        this.decisions = decisions;
        this.records = records;
        this.clock = clock;
        this.automatic = automatic;
    }

    @Override
    public Decision decide(OrderNumber number, WorkOrder.Appeal appeal) {
        // with automatic dispatch off every order waits for a person, who reads every ranked unit and its words
        DispatchAdvice advice = automatic ? decisions.advise(DispatchRequest.of(appeal))
                : decisions.adviseForAPerson(DispatchRequest.of(appeal));
        Runnable record = records.prepare(number, advice, clock.instant());
        Optional<Proposal> proposal;
        if (!automatic || !advice.automatic()) {
            log.debug("order {} waits for a dispatcher: {}", number, advice.manualReason());
            proposal = Optional.empty();
        } else {
            proposal = Optional.of(new Proposal(advice.lead(), advice.coUnits(), advice.categoryCode(),
                    advice.explanation()));
        }
        return new Decision() {
            @Override
            public Optional<Proposal> proposal() {
                return proposal;
            }

            @Override
            public void record() {
                record.run();
            }
        };
    }
}
