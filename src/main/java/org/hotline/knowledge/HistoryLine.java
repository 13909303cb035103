package org.hotline.knowledge;

import java.time.Instant;

import org.hotline.organization.Role;

/** One line of an entry's append-only history: who did what, when, the status before and after, and why. */
public record HistoryLine(EntryId entry, int seq, Instant at, String actor, Role actorRole, EntryAction action,
        EntryStatus statusBefore, EntryStatus statusAfter, long version, String changed, String note) {

    /** Whether this line makes its actor one of the entry's proposers (who may not publish it). */
    public boolean proposes() {
        return action == EntryAction.CREATED || action == EntryAction.EDITED || action == EntryAction.SUBMITTED;
    }
}
