package org.hotline.workorder;

import java.time.Instant;

/** 督办: how often the center has pressed the unit on this order, and when it last did. */
public record Supervision(int count, Instant lastAt) {

    /** Never supervised. */
    public static final Supervision NONE = new Supervision(0, null);

    Supervision pressedAt(Instant at) {
        return new Supervision(count + 1, at);
    }
}
