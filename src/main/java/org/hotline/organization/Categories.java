package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/**
 * The category taxonomy. {@link #find} answers for any category, active or not (old orders keep their
 * category); {@link #all} lists the active ones, which are those an operator may choose.
 */
public interface Categories {

    Optional<Category> find(String code);

    List<Category> all();

    /**
     * The industry department that usually owns matters of this category: its own default unit or, when it
     * has none, the nearest ancestor's. Empty for an unknown code or when no level sets one.
     */
    default Optional<UnitId> defaultUnitOf(String code) {
        Optional<Category> current = find(code);
        while (current.isPresent()) {
            Category category = current.get();
            if (category.defaultUnit() != null) {
                return Optional.of(category.defaultUnit());
            }
            current = category.parentCode() == null ? Optional.empty() : find(category.parentCode());
        }
        return Optional.empty();
    }
}
