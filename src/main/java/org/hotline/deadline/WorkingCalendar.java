package org.hotline.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar the hotline's clocks run on: which days are worked and which hours of them. A day is a
 * working day when it is a make-up workday (调休, a Saturday or Sunday worked in exchange for a longer
 * holiday), or else when it is a weekday that is not a listed holiday. Within a working day only the
 * {@link WorkingHours} count, so "5 working days" means 5 × 7.5 hours of office time, not five dates.
 *
 * <p>Two conventions make the arithmetic match what units and the center expect:
 * <ul>
 *   <li>A clock started outside working time (at night, at lunch, on a holiday) starts at the next period's
 *       start: an order dispatched on Saturday has its first working minute on Monday 08:30.</li>
 *   <li>Time that runs out exactly at the end of a period ends there: Monday 08:30 plus 5 working days is
 *       Friday 17:30, the close of business, not the following Monday 08:30. Both moments are the same
 *       amount of working time, but the earlier one is what people mean by "by Friday".</li>
 * </ul>
 *
 * <p>The official arrangement is published a year at a time. For a year without data the calendar falls
 * back to plain weekends and logs one warning per such year, so a deadline is late by a holiday rather than
 * not computed at all, and the operator is told to add the year's file.
 *
 * <p>Immutable and thread-safe apart from the memory of which missing years were already warned about.
 */
public final class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    /** No official arrangement has ever had more than about ten days off in a row; this stops a runaway loop. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final WorkingHours hours;
    private final Map<LocalDate, String> holidays = new HashMap<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();
    private final SortedSet<Integer> yearsWithData = new TreeSet<>();
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();
    private final List<CalendarYear> arrangements;

    /**
     * @param years the official arrangements; at most one per year, and no date both off and worked
     * @throws IllegalArgumentException if two arrangements are for the same year or contradict each other
     */
    public WorkingCalendar(Collection<CalendarYear> years, ZoneId zone, WorkingHours hours) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.arrangements = years.stream().sorted(java.util.Comparator.comparingInt(CalendarYear::year)).toList();
        for (CalendarYear year : years) {
            if (!yearsWithData.add(year.year())) {
                throw new IllegalArgumentException("Two calendars for the year " + year.year() + ", the second from " + year.file());
            }
            for (CalendarYear.Holiday holiday : year.holidays()) {
                holiday.dates().forEach(date -> holidays.putIfAbsent(date, holiday.name()));
            }
            makeUpWorkdays.addAll(year.makeUpWorkdays());
        }
        // Within one file CalendarYear already refuses this; across files (a December make-up day listed in
        // next year's notice) it can only be seen here.
        for (LocalDate day : makeUpWorkdays) {
            if (holidays.containsKey(day)) {
                throw new IllegalArgumentException(day + " is both a make-up workday and part of the holiday " + holidays.get(day));
            }
        }
    }

    /** The calendar of the shipped official arrangements with government office hours. */
    public static WorkingCalendar china(ZoneId zone) {
        return new WorkingCalendar(CalendarFiles.shipped(), zone, WorkingHours.governmentOfficeHours());
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingHours workingHours() {
        return hours;
    }

    /** The working time of one working day, the unit of every "n working days" limit. */
    public Duration workingDayLength() {
        return hours.dayLength();
    }

    /** The years for which an official arrangement was loaded. */
    public SortedSet<Integer> yearsWithData() {
        return Collections.unmodifiableSortedSet(yearsWithData);
    }

    /** The official arrangements loaded, by year: each year's holidays and make-up workdays, and its source. */
    public List<CalendarYear> arrangements() {
        return arrangements;
    }

    /** Whether the clocks run on this date at all. */
    public boolean isWorkingDay(LocalDate date) {
        if (!yearsWithData.contains(date.getYear()) && yearsWarnedAbout.add(date.getYear())) {
            log.warn("No official holiday arrangement loaded for {}: deadlines in that year count weekends only. "
                    + "Add calendar/CN-{}.yaml or a file in hotline.calendar.extra-dir.", date.getYear(), date.getYear());
        }
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidays.containsKey(date)) {
            return false;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The name of the official holiday on this date, for display (e.g. "春节 (Spring Festival)"). */
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** Whether a clock that runs on working time is running at this moment. */
    public boolean isWorkingTime(Instant moment) {
        LocalDate day = moment.atZone(zone).toLocalDate();
        if (!isWorkingDay(day)) {
            return false;
        }
        for (WorkingHours.Period period : hours.periods()) {
            if (!moment.isBefore(at(day, period.start())) && moment.isBefore(at(day, period.end()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The moment at which the given amount of working time has passed since {@code from}. Zero working time
     * returns {@code from} itself; otherwise the result always lies within a period, its end included.
     */
    public Instant plusWorkingTime(Instant from, Duration workingTime) {
        Objects.requireNonNull(from, "from");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        Duration remaining = workingTime;
        LocalDate day = from.atZone(zone).toLocalDate();
        int daysWithoutWork = 0;
        while (true) {
            if (isWorkingDay(day)) {
                daysWithoutWork = 0;
                for (WorkingHours.Period period : hours.periods()) {
                    Instant start = latest(at(day, period.start()), from);
                    Instant end = at(day, period.end());
                    if (!start.isBefore(end)) {
                        continue;
                    }
                    Duration available = Duration.between(start, end);
                    // "<=": time running out exactly at the end of a period ends there, not at the next start.
                    if (remaining.compareTo(available) <= 0) {
                        return start.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            } else if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw new IllegalStateException("No working day in the " + MAX_DAYS_WITHOUT_WORK + " days before " + day);
            }
            day = day.plusDays(1);
        }
    }

    /** {@code days} × the length of one working day after {@code from}; see {@link #plusWorkingTime}. */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days must not be negative: " + days);
        }
        return plusWorkingTime(from, workingDayLength().multipliedBy(days));
    }

    /**
     * The working time between two moments: how long a working-time clock runs from {@code a} to {@code b}.
     * Negative when {@code b} is before {@code a}, like {@link Duration#between}.
     */
    public Duration workingTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return workingTimeBetween(b, a).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = b.atZone(zone).toLocalDate();
        for (LocalDate day = a.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Period period : hours.periods()) {
                Instant start = latest(at(day, period.start()), a);
                Instant end = earliest(at(day, period.end()), b);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The number of working days from {@code from} (included) to {@code to} (excluded); negative if reversed. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
