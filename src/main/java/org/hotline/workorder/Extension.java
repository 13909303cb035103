package org.hotline.workorder;

/**
 * 延期: the working days the order's handling deadline has been extended by in all, and a request waiting for
 * the center's decision (see {@link ExtensionLimit}). A pending request ends approved, rejected, or overtaken by
 * the reply.
 */
public record Extension(int daysUsed, int pendingDays, String pendingReason) {

    /** Never extended, nothing asked. */
    public static final Extension NONE = new Extension(0, 0, null);

    public boolean isPending() {
        return pendingDays > 0;
    }

    /** The working days still open under a limit of {@code maxDays} in all. */
    public int daysLeft(int maxDays) {
        return maxDays - daysUsed;
    }

    Extension requested(int days, String reason) {
        return new Extension(daysUsed, days, reason);
    }

    Extension approved() {
        return new Extension(daysUsed + pendingDays, 0, null);
    }

    /** The pending request is gone: the center rejected it, or the unit replied before a decision. */
    Extension dropped() {
        return new Extension(daysUsed, 0, null);
    }
}
