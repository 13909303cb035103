package org.hotline.patrol;

import java.time.LocalDate;

import org.hotline.organization.UnitId;

/**
 * One town's patrol on one day, as the assessment counts it: the reports its enabled field reporters were due that
 * day ({@code due}: each reporter's monthly quota pro rata, the day's share of {@link PatrolQuota#expectedBy}) and
 * the reports that count towards them ({@code filed}: each reporter's reports so far in the month up to their own
 * expectation so far, the day's share of it). Summed over the days of a month up to a day, they are
 * {@link PatrolCoverage#expected()} and {@link PatrolCoverage#counted()} of {@link PatrolService#coverage} as of that
 * day, so the assessment and the patrol statistics never disagree. {@code reported} is every report the town's
 * enabled reporters filed that day, beyond their quota too.
 */
public record PatrolDay(UnitId town, LocalDate day, int due, int filed, int reported) {
}
