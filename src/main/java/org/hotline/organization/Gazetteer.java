package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/**
 * The address gazetteer: which territorial unit is responsible for a named place. Lists hold active places
 * only; {@link #find} also answers for a place that has been deactivated, because old orders point at it.
 */
public interface Gazetteer {

    /** Every active place. */
    List<Place> all();

    /** The place with this id, active or not. */
    Optional<Place> find(String id);

    /** The active places a territorial unit is responsible for. */
    List<Place> placesOf(UnitId unit);

    /** Active places whose name or one of whose aliases contains the text; all active places for blank text. */
    default List<Place> search(String text) {
        if (text == null || text.isBlank()) {
            return all();
        }
        return all().stream().filter(p -> p.matches(text)).toList();
    }
}
