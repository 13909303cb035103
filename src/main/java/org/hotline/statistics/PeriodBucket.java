package org.hotline.statistics;

/** One step of a trend: its name (2026-W10) and the days of the report it covers. */
public record PeriodBucket(String name, DateRange days) {
}
