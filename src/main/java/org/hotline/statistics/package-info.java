/**
 * Statistics for the center's reports (统计分析): order volumes by category, unit, channel, appeal type and
 * period, with each row's share of the total; satisfaction and resolution trends from the callbacks; overdue
 * lists; this period against the same period last year. Read through the REST API under
 * {@code /api/v1/statistics} and exported to Excel.
 *
 * <p>The module only reads: the work-order tables (the orders, and the director's overrides among the history's
 * actions) and the callbacks the quality module records ({@code callback_attempt}, the V7 contract). It counts in set-based SQL and leaves the arithmetic (shares,
 * rates, changes) to the plain-Java rules of this package, where it is exact (BigDecimal, half-up) and tested
 * against hand-computed figures. Periods are calendar days in the hotline's zone; weeks are ISO weeks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.hotline.statistics;
