package org.hotline.triage;

import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;

/**
 * What triage reads: the appeal's text as written or summarised, its type when known (only an inquiry can be
 * answered from the knowledge base) and the channel it came by (on the phone an operator is on the line; on
 * every other channel the citizen entered it alone and gets any warning directly).
 */
public record TriageRequest(String text, AppealType appealType, Channel channel) {

    public TriageRequest {
        text = text == null ? "" : text;
        channel = channel == null ? Channel.PHONE : channel;
    }

    public static TriageRequest of(String text) {
        return new TriageRequest(text, null, Channel.PHONE);
    }

    /** Whether an operator takes the appeal (the phone), rather than the citizen entering it alone. */
    public boolean attended() {
        return channel == Channel.PHONE;
    }
}
