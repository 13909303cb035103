package org.hotline.deadline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments written as a clerk in the center would say them: local Shanghai time, minute or second precision. */
final class Shanghai {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Shanghai() {
    }

    /** e.g. {@code at("2026-02-13 15:00")} or {@code at("2026-03-05 15:37:30")}. */
    static Instant at(String localTime) {
        DateTimeFormatter format = localTime.length() > 16 ? SECONDS : MINUTES;
        return LocalDateTime.parse(localTime, format).atZone(ZONE).toInstant();
    }

    /** The shipped calendar with office hours, loaded once per test class that asks for it. */
    static WorkingCalendar calendar() {
        return WorkingCalendar.china(ZONE);
    }
}
