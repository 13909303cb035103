package org.hotline.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the console writes times, numbers and durations for Chinese readers: times in the hotline's zone
 * ({@code hotline.zone}) as {@code 2026-12-04 09:30}, numbers grouped ({@code 12,345}), shares with one decimal
 * ({@code 12.3%}), and the time left on a clock in words ("剩余 1 天 3 小时（工作时间）", "已超期 5 小时"). Pages
 * get it as {@code fmt} in their model; the words come from messages.properties.
 */
@Component
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ZoneId zone;
    private final MessageSource messages;

    public ConsoleFormat(@Value("${hotline.zone:Asia/Shanghai}") String zone, MessageSource messages) {
        this.zone = ZoneId.of(zone);
        this.messages = messages;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-12-04 09:30} in the hotline's zone; a dash for no time. */
    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(zone));
    }

    /** {@code 2026-12-04} in the hotline's zone. */
    public String date(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}: ISO-8601 with the zone's offset. */
    public String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime().toString();
    }

    /** {@code 12,345}. */
    public String number(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(CHINESE)).format(n);
    }

    /** A share (0.123) as {@code 12.3%}. */
    public String percent(double share) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(CHINESE)).format(share * 100) + "%";
    }

    /** A file size: {@code 812 KB}, {@code 2.4 MB}. */
    public String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return Math.round(n / 1024.0) + " KB";
        }
        return new DecimalFormat("0.0").format(n / (1024.0 * 1024.0)) + " MB";
    }

    /**
     * The working time left on a clock, counted in working days of {@code workingDay} and hours:
     * "剩余 1 天 3 小时（工作时间）"; under an hour in minutes.
     */
    public String timeLeft(Duration workingLeft, Duration workingDay) {
        return message("format.left", span(workingLeft, workingDay));
    }

    /** The time left on a clock that runs day and night (an urgent order's): "剩余 3 小时 20 分钟". */
    public String timeLeftElapsed(Duration left) {
        return message("format.left-elapsed", span(left, Duration.ofDays(1)));
    }

    /** How long ago a deadline passed, in calendar days and hours: "已超期 2 天 5 小时". */
    public String overdueBy(Duration late) {
        return message("format.overdue", span(late, Duration.ofDays(1)));
    }

    /** "1 天 3 小时", "3 小时 20 分钟", "45 分钟": the two largest units that matter. */
    String span(Duration d, Duration day) {
        long minutes = Math.max(0, d.toMinutes());
        long dayMinutes = Math.max(1, day.toMinutes());
        long days = minutes / dayMinutes;
        long hours = (minutes % dayMinutes) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return hours > 0 ? message("format.days-hours", days, hours) : message("format.days", days);
        }
        if (hours > 0) {
            return mins > 0 ? message("format.hours-minutes", hours, mins) : message("format.hours", hours);
        }
        return message("format.minutes", Math.max(1, mins));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }
}
