package org.hotline.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One year of the official holiday arrangement (节假日安排), as the State Council publishes it every
 * November for the following year: named holiday ranges, which are off even on weekdays, and make-up
 * workdays (调休), weekend days that are worked in exchange. Weekends and weekdays not listed follow the
 * ordinary week. The checks here catch the typical typing mistakes before a single deadline is computed.
 *
 * @param year the year the notice is for
 * @param source the notice's title, so anyone can check the data against the original
 * @param holidays the named ranges off work, in the order of the notice
 * @param makeUpWorkdays the Saturdays and Sundays worked instead
 * @param file where the data was read from, for error messages and the startup log
 */
public record CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkdays, String file) {

    /** A named holiday: every date from {@code from} to {@code to}, both included, is off. */
    public record Holiday(String name, LocalDate from, LocalDate to) {

        public Holiday {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("ends (" + to + ") before it starts (" + from + ")");
            }
        }

        public List<LocalDate> dates() {
            return from.datesUntil(to.plusDays(1)).toList();
        }

        public boolean includes(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }

        @Override
        public String toString() {
            return name + " " + from + ".." + to;
        }
    }

    public CalendarYear {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
        for (int i = 0; i < makeUpWorkdays.size(); i++) {
            LocalDate day = makeUpWorkdays.get(i);
            String entry = "makeUpWorkdays[" + i + "] (" + day + ")";
            // A make-up workday on a weekday changes nothing, so it is almost certainly a mistyped date.
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidCalendarException(file, entry, "a make-up workday must be a Saturday or Sunday, this is a " + day.getDayOfWeek());
            }
            for (Holiday holiday : holidays) {
                if (holiday.includes(day)) {
                    throw new InvalidCalendarException(file, entry, "the date is both a make-up workday and part of the holiday " + holiday);
                }
            }
        }
    }
}
