package org.hotline.workorder;

import java.util.Optional;

/**
 * The quality loop (质量闭环: review, then callback) as the work order asks it whether a reply has passed. The
 * quality module implements it from what it has stored about the reply; the work order never takes the loop's
 * word from a caller, so no request (and no user name) can claim to be the loop.
 */
public interface QualityGate {

    /**
     * Why the quality loop lets the order close after reply {@code replySeq}, in the words the history shows
     * (e.g. "回访已解决，办结"); empty while the reply is still under check, or when the check ended otherwise.
     * Read in the caller's transaction, so a check decided in the same transaction counts.
     */
    Optional<String> closingBasis(OrderNumber order, int replySeq);
}
