package org.hotline.quality.internal;

import java.util.Optional;

import org.hotline.quality.CheckOutcome;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.QualityGate;
import org.springframework.stereotype.Component;

/**
 * The work order's question "has this reply passed?", answered from the loop's stored records: the reply's check
 * and, for an escalated reply, the supervisor's conclusion. Whoever asks, the answer is what storage says, so the
 * close rule rests on facts the loop wrote, not on who claims to speak for it.
 */
@Component
class ChecksAsQualityGate implements QualityGate {

    private final ReplyChecks checks;

    ChecksAsQualityGate(ReplyChecks checks) {
        this.checks = checks;
    }

    @Override
    public Optional<String> closingBasis(OrderNumber order, int replySeq) {
        return checks.find(order, replySeq).flatMap(check -> check.closingBasis(
                check.outcome() == CheckOutcome.ESCALATED ? checks.conclusion(order, replySeq).orElse(null) : null));
    }
}
