package org.hotline.quality;

import org.hotline.workorder.Decision;

/**
 * What a call to the citizen found, whether made by a callback agent or by a unit's leader. A call that did
 * not reach the citizen has no result; one that did always has both answers: solved or not, and the rating.
 */
public record CallResult(boolean reached, Boolean resolved, Satisfaction satisfaction, String comment) {

    public static CallResult notReached(String comment) {
        return new CallResult(false, null, null, comment);
    }

    public static CallResult reached(boolean resolved, Satisfaction satisfaction, String comment) {
        return new CallResult(true, resolved, satisfaction, comment);
    }

    /** The citizen confirmed the problem is solved and is not unsatisfied: the reply stands. */
    public boolean confirmsReply() {
        return reached && Boolean.TRUE.equals(resolved) && satisfaction != Satisfaction.UNSATISFIED;
    }

    /** What the call found, in words: 未接通, or solved or not and the rating (已解决，满意). */
    public String label() {
        if (!reached) {
            return "未接通";
        }
        return (Boolean.TRUE.equals(resolved) ? "已解决" : "未解决") + "，"
                + (satisfaction == null ? "未评价" : satisfaction.label());
    }

    /** Both answers when reached, none when not. */
    public Decision isComplete() {
        if (reached && (resolved == null || satisfaction == null)) {
            return Decision.rejected("call-result-incomplete", "接通后必须记录是否解决和满意度");
        }
        if (!reached && (resolved != null || satisfaction != null)) {
            return Decision.rejected("call-result-not-reached", "未接通时不能记录是否解决和满意度");
        }
        return Decision.allowed();
    }
}
