package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;

/**
 * One line of an order's history: who did what, when, why, and the status before and after. Append-only:
 * no code path updates or deletes an entry, and the database refuses it too.
 *
 * <p>{@code reason} and {@code detail} are text for people and may be worded differently tomorrow. What other
 * modules count is carried as facts beside them, stored in columns of their own:
 * <ul>
 * <li>{@code unit}: the unit the action concerns. The co-unit for a co-unit's actions (added, acknowledged,
 * submitted, declined, written off as non-cooperating); the unit that attached a file (none when the center
 * did); for an approved return the unit the order is taken from; otherwise the order's lead unit at that moment
 * (none before the first dispatch).</li>
 * <li>{@code otherUnit}: the second unit of the action: the unit suggested by a return request, the new lead unit
 * of an approved return; otherwise none.</li>
 * <li>{@code late}: whether an acknowledgement, a reply or a co-unit's part came after its deadline; null for
 * actions without a deadline of their own (and for entries written before the fact was recorded where the
 * records could no longer tell).</li>
 * </ul>
 * A dispatch's co-units are not repeated here: each co-unit's part, with the time it was added, is its own
 * record ({@link CoUnit}).
 *
 * <p>Every entry is for whoever may see the order, except a unit's handling note ({@link OrderAction#NOTE}): like a
 * reply's internal note, it is for the center and the unit that wrote it ({@link #isVisibleTo}).
 */
public record HistoryEntry(int seq, Instant at, String actor, String actorName, String actorRole, String actorUnit,
        OrderAction action, OrderStatus fromStatus, OrderStatus toStatus, String reason, String detail, UnitId unit,
        UnitId otherUnit, Boolean late) {

    /** An entry that records no facts beside its text. */
    public HistoryEntry(int seq, Instant at, String actor, String actorName, String actorRole, String actorUnit,
            OrderAction action, OrderStatus fromStatus, OrderStatus toStatus, String reason, String detail) {
        this(seq, at, actor, actorName, actorRole, actorUnit, action, fromStatus, toStatus, reason, detail, null, null,
                null);
    }

    /**
     * Whether {@code viewer}, who may see the order, sees this entry: a unit's handling note is for the center and
     * the unit that wrote it (the unit it concerns), like a reply's internal note; every other entry for all who
     * see the order.
     */
    public boolean isVisibleTo(Actor viewer) {
        return action != OrderAction.NOTE || viewer.isCenter() || viewer.belongsTo(unit);
    }
}
