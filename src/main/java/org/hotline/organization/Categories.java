package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/** The category taxonomy. */
public interface Categories {

    Optional<Category> find(String code);

    List<Category> all();
}
