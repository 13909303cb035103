package org.hotline.organization;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named place in the district and the territorial unit responsible for it. {@code parentId} is the
 * enclosing place (a community's street office), null for the top level. {@code aliases} are other names
 * citizens use for it (old village names, abbreviations), so that an address can be matched either way.
 */
public record Place(String id, String name, PlaceKind kind, String parentId, UnitId unit, List<String> aliases) {

    public Place {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Whether the name or one of the aliases contains the text (case-insensitive for latin letters). */
    public boolean matches(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        if (name.toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(needle));
    }
}
