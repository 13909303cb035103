package org.hotline.deadline.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.hotline.console.ConsoleController;
import org.hotline.deadline.CalendarDeadlines;
import org.hotline.deadline.CalendarYear;
import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The working calendar for the administrator (工作日历): the years whose official holiday arrangement is loaded,
 * each with its holidays and make-up workdays (调休) and the notice it was typed from, the office hours the clocks
 * run in, and the time limits. Read-only: the calendar is read from files at startup (the shipped years and
 * {@code hotline.calendar.extra-dir}) and checked before any deadline is computed on it, so a new year is added by
 * putting its file there and restarting; the page says so, and warns when this year or the next is missing.
 */
@ConsoleController
class CalendarPage {

    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final CalendarProperties properties;
    private final Clock clock;

    CalendarPage(WorkingCalendar calendar, Deadlines deadlines, CalendarProperties properties, Clock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /** One make-up workday and the weekday it falls on (1 Monday to 7 Sunday). */
    public record MakeUpDay(LocalDate date, int weekday) {
    }

    /** One loaded year, as the page lists it. */
    public record Year(int year, String source, String file, List<CalendarYear.Holiday> holidays, int daysOff,
            List<MakeUpDay> makeUpWorkdays) {

        static Year of(CalendarYear y) {
            return new Year(y.year(), y.source(), y.file(), y.holidays(),
                    y.holidays().stream().mapToInt(h -> h.dates().size()).sum(),
                    y.makeUpWorkdays().stream().map(d -> new MakeUpDay(d, d.getDayOfWeek().getValue())).toList());
        }
    }

    @GetMapping("/console/admin/calendar")
    String calendar(Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("years", calendar.arrangements().stream().map(Year::of).toList());
        model.addAttribute("missing", List.of(thisYear, thisYear + 1).stream()
                .filter(y -> !calendar.yearsWithData().contains(y)).toList());
        model.addAttribute("hours", calendar.workingHours().periods());
        model.addAttribute("dayHours", calendar.workingDayLength().toMinutes() / 60.0);
        model.addAttribute("rules", deadlines instanceof CalendarDeadlines d ? d.rules() : null);
        model.addAttribute("extraDir", properties.extraDir() == null ? null : properties.extraDir().toString());
        model.addAttribute("weekend", List.of(DayOfWeek.SATURDAY.getValue(), DayOfWeek.SUNDAY.getValue()));
        return "deadline/calendar";
    }
}
