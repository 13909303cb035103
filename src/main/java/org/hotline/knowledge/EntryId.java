package org.hotline.knowledge;

/** The number of a knowledge-base entry (知识条目编号). */
public record EntryId(long value) {

    public EntryId {
        if (value <= 0) {
            throw new IllegalArgumentException("an entry id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
