package org.hotline.hotissue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the hot-issue API answers with: its own records, never the domain objects. */
final class HotIssueViews {

    private HotIssueViews() {
    }

    /** The heat and its parts, as the README's formula adds them up. */
    record HeatView(double score, double volume, double growth, double support, double persistence, int orders,
            int citizens, int recentOrders, long spanDays) {
    }

    record IssueSummary(long id, String place, String placeKind, String description, Instant first, Instant last,
            HeatView heat, String tackling, String tacklingLabel) {
    }

    record TopList(LocalDate day, String formula, List<IssueSummary> issues) {
    }

    record OrderView(String number, Instant appealedAt, String content, String address, String status,
            String leadUnit, boolean linkedByHand) {
    }

    record MeasureView(int seq, String description, String unit, LocalDate due, LocalDate done) {
    }

    record HistoryView(Instant at, String actor, String action, String detail, String statusBefore,
            String statusAfter) {
    }

    /** Appeals in the days before the issue was chosen against the same number of days after its result. */
    record VolumeView(int days, int before, Integer after, LocalDate beforeFrom, LocalDate afterFrom) {
    }

    record TacklingView(String status, String statusLabel, String month, String leadUnit, List<String> coUnits,
            List<MeasureView> measures, String result, Instant chosenAt, Instant resultAt, VolumeView volume,
            List<String> actions) {
    }

    record IssueDetail(IssueSummary issue, List<OrderView> orders, TacklingView tackling,
            List<HistoryView> history) {
    }

    /** The hot issue a new appeal belongs to, for the operator and the dispatcher. */
    record OrderIssue(String number, long issueId, String place, String description, int orders, int citizens,
            String tackling, String tacklingLabel, String leadUnit) {
    }
}
