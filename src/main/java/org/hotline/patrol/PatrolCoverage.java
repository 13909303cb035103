package org.hotline.patrol;

import java.time.LocalDate;
import java.time.YearMonth;

import org.hotline.organization.UnitId;

/**
 * 巡查覆盖率: the share of the reports a town's field reporters were expected to file in a month (every enabled
 * reporter's monthly quota, pro rata to the days passed as of {@code asOf}) that they did file, each reporter counted
 * up to their own expectation, so that one busy reporter does not cover for an idle one. 1.0 is full coverage; a
 * town without reporters has no coverage figure ({@code rate} null).
 */
public record PatrolCoverage(UnitId unit, YearMonth month, LocalDate asOf, int reporters, int expected, int counted,
        Double rate) {
}
