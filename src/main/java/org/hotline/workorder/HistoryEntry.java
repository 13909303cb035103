package org.hotline.workorder;

import java.time.Instant;

/**
 * One line of an order's history: who did what, when, why, and the status before and after. Append-only:
 * no code path updates or deletes an entry, and the database refuses it too.
 */
public record HistoryEntry(int seq, Instant at, String actor, String actorName, String actorRole, String actorUnit,
        OrderAction action, OrderStatus fromStatus, OrderStatus toStatus, String reason, String detail) {
}
