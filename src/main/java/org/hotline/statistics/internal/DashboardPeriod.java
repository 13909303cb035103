package org.hotline.statistics.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TimeParameters;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Period;

/**
 * The days the director's dashboard shows, as its filter names them: today, this week (from Monday), this month
 * (the default), a month picked from the calendar, or a range of days. The trend steps by day up to two months,
 * by ISO week up to a year; the ranking is the month the days end in (or the month picked).
 *
 * @param kind       which of the five the filter chose
 * @param range      the days, both included, in the hotline's zone
 * @param month      the month picked, when {@code kind} is {@link Kind#MONTH_PICKED}
 * @param rankingMonth the month whose unit ranking is shown
 */
public record DashboardPeriod(Kind kind, DateRange range, YearMonth month, YearMonth rankingMonth) {

    /** A longer custom range would make the dashboard's trend slow to read and to compute: the reports API has more. */
    static final int MAX_DAYS = 366;

    public enum Kind {
        TODAY, WEEK, MONTH, MONTH_PICKED, RANGE;

        String param() {
            return switch (this) {
                case TODAY -> "today";
                case WEEK -> "week";
                case MONTH -> "month";
                case MONTH_PICKED -> "pick";
                case RANGE -> "range";
            };
        }
    }

    static DashboardPeriod of(String period, String from, String to, String month, LocalDate today) {
        Kind kind = kind(period);
        return switch (kind) {
            case TODAY -> of(kind, new DateRange(today, today), null);
            case WEEK -> of(kind, new DateRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today),
                    null);
            case MONTH -> of(kind, new DateRange(today.withDayOfMonth(1), today), null);
            case MONTH_PICKED -> {
                YearMonth m = TimeParameters.month("month", month);
                if (m == null) {
                    throw new InvalidInputException("month", "请选择月份");
                }
                yield of(kind, new DateRange(m.atDay(1), m.atEndOfMonth()), m);
            }
            case RANGE -> {
                LocalDate start = TimeParameters.date("from", from);
                LocalDate end = TimeParameters.date("to", to);
                if (start == null) {
                    throw new InvalidInputException("from", "请填写开始日期");
                }
                if (end == null) {
                    throw new InvalidInputException("to", "请填写结束日期");
                }
                if (start.isAfter(end)) {
                    throw new InvalidInputException("from", "开始日期 " + start + " 晚于结束日期 " + end);
                }
                if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                    throw new InvalidInputException("from", "看板的统计区间不能超过 " + MAX_DAYS + " 天，更长的区间请用统计报表");
                }
                yield of(kind, new DateRange(start, end), null);
            }
        };
    }

    private static DashboardPeriod of(Kind kind, DateRange range, YearMonth month) {
        return new DashboardPeriod(kind, range, month, month != null ? month : YearMonth.from(range.to()));
    }

    private static Kind kind(String period) {
        if (period == null || period.isBlank()) {
            return Kind.MONTH;
        }
        String p = period.strip().toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.param().equals(p)) {
                return k;
            }
        }
        throw new InvalidInputException("period", "请从列表中选择");
    }

    /** The step of the trends: days up to about two months, ISO weeks up to a year. */
    public Period step() {
        return range.days() <= 62 ? Period.DAY : Period.WEEK;
    }
}
