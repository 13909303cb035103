package org.hotline.assessment;

import java.util.List;

/**
 * 不配合通报: a unit recorded as non-cooperating (不配合) as co-unit more than {@code threshold} times in a
 * month is reported like a unit at the bottom of the ranking, with a case of kind
 * {@link CaseKind#NON_COOPERATION}, whether or not it had a score of its own that month.
 */
public record NonCooperationThreshold(int threshold) {

    public NonCooperationThreshold {
        if (threshold < 0) {
            throw new IllegalArgumentException("the non-cooperation threshold must be at least 0, not " + threshold);
        }
    }

    public List<UnitPeriod> exceededBy(List<UnitPeriod> units) {
        return units.stream().filter(u -> u.card().facts().count(Indicator.NON_COOPERATION) > threshold).toList();
    }
}
