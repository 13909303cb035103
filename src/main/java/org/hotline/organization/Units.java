package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/** The handling units of the organisation. */
public interface Units {

    Optional<Unit> find(UnitId id);

    List<Unit> all();
}
