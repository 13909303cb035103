package org.hotline.deadline;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The hours of a working day during which deadline clocks run, as one or more periods, by default the
 * government office hours 08:30-12:00 and 13:30-17:30 (7.5 hours). The lunch break is not working time: an
 * order dispatched at 11:00 with two working hours to acknowledge is due at 14:30, not at 13:00. Cities
 * with summer and winter hours configure one set; the periods of a day may not overlap and must lie within
 * the day, because round-the-clock limits are expressed as elapsed time in {@link DeadlineRules}, not as
 * working hours.
 */
public record WorkingHours(List<Period> periods) {

    /** The hours of most Chinese government offices, and the default of {@code hotline.deadline.working-hours}. */
    public static final String GOVERNMENT_OFFICE_HOURS = "08:30-12:00,13:30-17:30";

    /** One stretch of working time within a day, start inclusive, end exclusive. */
    public record Period(LocalTime start, LocalTime end) {

        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("A working period must start before it ends: " + start + "-" + end);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public WorkingHours {
        Objects.requireNonNull(periods, "periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("Working hours need at least one period");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("Working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        periods = List.copyOf(sorted);
    }

    /** The default hours, {@value #GOVERNMENT_OFFICE_HOURS}. */
    public static WorkingHours governmentOfficeHours() {
        return parse(GOVERNMENT_OFFICE_HOURS);
    }

    /**
     * Reads periods written as {@code HH:mm-HH:mm}, separated by commas, e.g. {@value #GOVERNMENT_OFFICE_HOURS}.
     *
     * @throws IllegalArgumentException naming the period that cannot be read
     */
    public static WorkingHours parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("Working period '" + part.trim() + "' is not HH:mm-HH:mm in '" + text + "'");
            }
            try {
                periods.add(new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Working period '" + part.trim() + "' is not HH:mm-HH:mm in '" + text + "'", e);
            }
        }
        return new WorkingHours(periods);
    }

    /** The working time of one full working day: what "one working day" means in every deadline. */
    public Duration dayLength() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return periods.stream().map(Period::toString).collect(Collectors.joining(","));
    }
}
