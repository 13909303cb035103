package org.hotline.workorder;

/**
 * The quality loop's word that reply {@code replySeq} of an order has passed, and on what basis. Only the
 * work-order service makes one, from what {@link QualityGate} reads in storage: its constructor is not public,
 * so neither the REST API nor another module can hand the work order a clearance of its own making.
 */
public final class QualityClearance {

    private final int replySeq;
    private final String basis;

    QualityClearance(int replySeq, String basis) {
        this.replySeq = replySeq;
        this.basis = basis;
    }

    /** The reply the loop checked (work_order_reply.seq). */
    public int replySeq() {
        return replySeq;
    }

    /** Why the loop lets the order close, as the history shows it. */
    public String basis() {
        return basis;
    }

    @Override
    public String toString() {
        return "QualityClearance[reply " + replySeq + ": " + basis + "]";
    }
}
