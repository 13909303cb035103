package org.hotline.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.hotline.statistics.DateRange;

/** What the dashboard's template shows ({@link DashboardPage}): public, for the template engine to read. */
public final class DashboardRows {

    private DashboardRows() {
    }

    /**
     * A count and the order list that holds the orders behind it (null: no list can say it, e.g. 未分类). The label
     * is data (a channel's or a category's name) in breakdowns, a message key for the page's own figures.
     */
    public record Figure(String label, long count, BigDecimal percent, String link) {
    }

    public record TrendPoint(String period, DateRange days, long count, String link) {
    }

    public record RatePoint(String period, DateRange days, long rated, BigDecimal satisfaction, BigDecimal resolution,
            String link) {
    }

    public record UnitDueRow(String unitName, long running, long overdue, String overdueLink, long atRisk,
            String atRiskLink) {
    }

    public record RankRow(int rank, int groupSize, String unitName, String unitLink, BigDecimal score,
            Double responseRate, Double resolutionRate, Double satisfactionRate, Double ratePoints,
            double overduePenalty, double nonCooperationPenalty, double missedSamplePenalty,
            double lowQualityReplyPenalty, int received,
            int replied, int overdue, boolean bottom, PatrolFigures patrol) {

        /** Every deduction, patrol shortfall included. */
        public double penalties() {
            return overduePenalty + nonCooperationPenalty + missedSamplePenalty + lowQualityReplyPenalty
                    + (patrol == null ? 0 : patrol.penalty());
        }
    }

    /** 巡查覆盖 of a territorial unit: reports due and filed (counted), the shortfall, the rate, the points it cost. */
    public record PatrolFigures(int due, int filed, int shortfall, Double coverage, double penalty) {
    }

    /** A group's ranking; {@code patrol} when its units are scored on patrol coverage (the territorial group). */
    public record RankGroup(String label, List<RankRow> rows, boolean patrol) {
    }

    public record CaseOrder(String number, String link, String indicator) {
    }

    public record CaseRow(long id, String unitName, String kind, YearMonth month, String status, String reason,
            Instant openedAt, List<CaseOrder> orders, int moreOrders) {
    }
}
