package org.hotline.dispatch;

import java.util.List;
import java.util.Objects;

import org.hotline.organization.UnitId;

/**
 * One line of the dispatch directory (派单目录 / 权责清单): a duty, the category of the taxonomy it stands for,
 * the unit that owns it, and the phrases citizens use for it. {@code unit} is null exactly when the duty is
 * territorial: the town or street office of the place owns it, which the address decides.
 *
 * @param id      the entry's number in the directory table (0 for one not stored yet)
 * @param phrases what citizens write for this duty, e.g. 路灯不亮, 油烟; whole words, shown to dispatchers as
 *                evidence when a message contains them
 */
public record DirectoryEntry(long id, String categoryCode, UnitId unit, String duty, List<String> phrases,
        boolean active) {

    public DirectoryEntry {
        Objects.requireNonNull(categoryCode, "categoryCode");
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }

    /** Whether the town or street office of the place owns the duty, rather than a named unit. */
    public boolean territorial() {
        return unit == null;
    }
}
