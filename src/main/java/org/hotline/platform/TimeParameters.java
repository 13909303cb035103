package org.hotline.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates, months and moments as clients write them in query parameters and bodies, read in one place.
 *
 * <p>A moment is an ISO timestamp with its offset ({@code 2026-12-01T08:00:00+08:00}, {@code ...Z}) or a date
 * ({@code 2026-12-01}) in the hotline's zone: as the start of a range the start of that day, as the (exclusive)
 * end of a range the start of the next day, so that {@code from=2026-12-01&to=2026-12-01} is that whole day, as
 * the statistics read it. Anything before 2000 or after 2100 is refused: no order of this hotline lies there, and
 * far-off years overflow the database's timestamps (a 500 before this check).
 */
public final class TimeParameters {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final String RANGE = "应在 " + EARLIEST + " 到 " + LATEST + " 之间";
    private static final String DATE_FORMAT = "应为 yyyy-MM-dd 格式的日期";
    private static final String MOMENT_FORMAT = "应为日期（如 2026-12-01）或带时区的时间（如 2026-12-01T08:00:00+08:00）";

    /** Which moment of a day a date stands for. */
    public enum Edge {
        /** The day's first moment: the start of a range. */
        START_OF_DAY,
        /** The next day's first moment: the exclusive end of a range that includes the day. */
        END_OF_DAY
    }

    private TimeParameters() {
    }

    /** A date ({@code yyyy-MM-dd}) within the sane range; null for null or blank. */
    public static LocalDate date(String field, String text) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, DATE_FORMAT + "，而不是「" + abbreviate(v) + "」");
        }
        return inRange(field, date);
    }

    /** A month ({@code yyyy-MM}) within the sane range; null for null or blank. */
    public static YearMonth month(String field, String text) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(v);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "应为 YYYY-MM 格式的月份，例如 2026-03");
        }
        inRange(field, month.atDay(1));
        return month;
    }

    /** A moment: a timestamp with offset, or a date in {@code zone} read as {@code edge}; null for null or blank. */
    public static Instant instant(String field, String text, Edge edge, ZoneId zone) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        if (v.length() <= 10 && !v.contains("T")) {
            LocalDate day;
            try {
                day = LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeException e) {
                throw new InvalidInputException(field, MOMENT_FORMAT + "，而不是「" + abbreviate(v) + "」");
            }
            inRange(field, day);
            return (edge == Edge.END_OF_DAY ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return instant(field, v);
    }

    /** A timestamp with its offset ({@code Z} or {@code +08:00}); null for null or blank. */
    public static Instant instant(String field, String text) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        OffsetDateTime moment;
        try {
            moment = OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, MOMENT_FORMAT + "，而不是「" + abbreviate(v) + "」");
        }
        inRange(field, moment.toLocalDate());
        return moment.toInstant();
    }

    private static LocalDate inRange(String field, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidInputException(field, RANGE + "，而不是 " + date);
        }
        return date;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
