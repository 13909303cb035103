package org.hotline.assessment;

/**
 * A unit's place in its group's ranking. {@code rank} counts from the top (1 is best; tied units share a
 * rank and the next rank is skipped); {@code fromBottom} counts the same way from the bottom, so the bottom
 * three are the units with {@code fromBottom <= 3}.
 */
public record RankedUnit(int rank, int fromBottom, int groupSize, UnitPeriod unit) {
}
