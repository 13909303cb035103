package org.hotline.statistics;

import org.hotline.organization.UnitId;

/**
 * Which orders a report counts: registered within {@code range} (callbacks: made within it), led by
 * {@code unit}, of {@code category} or any category below it. Null means no restriction; only the overdue
 * lists accept a null range (an order overdue now is overdue however old it is).
 */
public record ReportFilter(DateRange range, UnitId unit, String category) {

    public ReportFilter withUnit(UnitId scoped) {
        return new ReportFilter(range, scoped, category);
    }

    public ReportFilter withRange(DateRange other) {
        return new ReportFilter(other, unit, category);
    }
}
