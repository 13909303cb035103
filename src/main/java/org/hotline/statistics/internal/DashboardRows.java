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
            int replied, int overdue, boolean bottom) {
    }

    public record RankGroup(String label, List<RankRow> rows) {
    }

    public record CaseOrder(String number, String link, String indicator) {
    }

    public record CaseRow(long id, String unitName, String kind, YearMonth month, String status, String reason,
            Instant openedAt, List<CaseOrder> orders, int moreOrders) {
    }
}
