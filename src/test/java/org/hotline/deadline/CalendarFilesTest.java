package org.hotline.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The holiday arrangements as data files: what ships, what an operator may add, and what is refused. */
class CalendarFilesTest {

    @Nested
    class EveryOfficialDateOf2025And2026IsLoaded {

        // Typed in again from the State Council notices, independently of the YAML files.
        private final Set<LocalDate> officialDaysOff = dates(
                "2025-01-01",
                "2025-01-28..2025-02-04",
                "2025-04-04..2025-04-06",
                "2025-05-01..2025-05-05",
                "2025-05-31..2025-06-02",
                "2025-10-01..2025-10-08",
                "2026-01-01..2026-01-03",
                "2026-02-15..2026-02-23",
                "2026-04-04..2026-04-06",
                "2026-05-01..2026-05-05",
                "2026-06-19..2026-06-21",
                "2026-09-25..2026-09-27",
                "2026-10-01..2026-10-07");

        private final Set<LocalDate> officialMakeUpWorkdays = dates(
                "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

        private final List<CalendarYear> shipped = CalendarFiles.shipped();
        private final WorkingCalendar calendar = Shanghai.calendar();

        @Test
        void bothYearsShipWithTheirSourceNamed() {
            assertThat(shipped).extracting(CalendarYear::year).containsExactly(2025, 2026);
            assertThat(shipped).extracting(CalendarYear::source).containsExactly(
                    "国务院办公厅关于2025年部分节假日安排的通知", "国务院办公厅关于2026年部分节假日安排的通知");
            assertThat(calendar.yearsWithData()).containsExactly(2025, 2026);
        }

        @Test
        void everyOfficialDayOffIsOff() {
            assertThat(officialDaysOff).hasSize(28 + 33);
            assertThat(officialDaysOff).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse());
        }

        @Test
        void everyOfficialMakeUpWorkdayIsWorked() {
            assertThat(officialMakeUpWorkdays).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isTrue());
        }

        @Test
        void theFilesListNoOtherDates() {
            Set<LocalDate> listedOff = shipped.stream().flatMap(year -> year.holidays().stream())
                    .flatMap(holiday -> holiday.dates().stream()).collect(Collectors.toCollection(TreeSet::new));
            Set<LocalDate> listedWorked = shipped.stream().flatMap(year -> year.makeUpWorkdays().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(listedOff).isEqualTo(officialDaysOff);
            assertThat(listedWorked).isEqualTo(officialMakeUpWorkdays);
        }

        private static Set<LocalDate> dates(String... daysOrRanges) {
            return Stream.of(daysOrRanges).flatMap(text -> {
                String[] ends = text.split("\\.\\.");
                LocalDate from = LocalDate.parse(ends[0]);
                LocalDate to = LocalDate.parse(ends[ends.length - 1]);
                return from.datesUntil(to.plusDays(1));
            }).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Nested
    class ExtraDirectoryAddsLaterYears {

        @TempDir
        Path dir;

        @Test
        void aFileInTheExtraDirectoryIsUsed() throws IOException {
            // An invented arrangement: the real 2027 notice is not yet published.
            Files.writeString(dir.resolve("CN-2027.yaml"), """
                    year: 2027
                    source: test data, not an official notice
                    holidays:
                      - name: 元旦
                        from: 2027-01-01
                        to: 2027-01-03
                    makeUpWorkdays: []
                    """);
            Files.writeString(dir.resolve("README.txt"), "not a calendar, ignored");

            List<CalendarYear> years = CalendarFiles.shippedAnd(dir);
            var calendar = new WorkingCalendar(years, Shanghai.ZONE, WorkingHours.governmentOfficeHours());

            assertThat(calendar.yearsWithData()).containsExactly(2025, 2026, 2027);
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(years.get(2).file()).endsWith("CN-2027.yaml");
        }

        @Test
        void aYearAlreadyShippedIsRefusedNamingBothFiles() throws IOException {
            Files.writeString(dir.resolve("CN-2026.yaml"), """
                    year: 2026
                    source: a second copy
                    holidays: []
                    makeUpWorkdays: []
                    """);
            var error = catchThrowableOfType(InvalidCalendarException.class, () -> CalendarFiles.shippedAnd(dir));
            assertThat(error.file()).endsWith("CN-2026.yaml").startsWith(dir.toString());
            assertThat(error).hasMessageContaining("calendar/CN-2026.yaml");
        }

        @Test
        void aMissingDirectoryIsRefused() {
            var missing = dir.resolve("nowhere");
            var error = catchThrowableOfType(InvalidCalendarException.class, () -> CalendarFiles.shippedAnd(missing));
            assertThat(error).hasMessageContaining(missing.toString()).hasMessageContaining("not a directory");
        }
    }

    @Nested
    class InvalidCalendarFileIsRejectedWithItsName {

        static Stream<Arguments> mistakes() {
            return Stream.of(
                    Arguments.of("a date both holiday and make-up workday", """
                            year: 2026
                            source: test
                            holidays:
                              - name: 春节
                                from: 2026-02-15
                                to: 2026-02-23
                            makeUpWorkdays: [2026-02-14, 2026-02-21]
                            """, "makeUpWorkdays[1] (2026-02-21)", "春节"),
                    Arguments.of("an unparsable date", """
                            year: 2026
                            source: test
                            holidays:
                              - name: 春节
                                from: 2026-02-15
                                to: 2026-02-30
                            makeUpWorkdays: []
                            """, "holidays[0] (春节).to", "2026-02-30"),
                    Arguments.of("an unparsable make-up workday", """
                            year: 2026
                            source: test
                            holidays: []
                            makeUpWorkdays: [2026-02-14, 14.02.2026]
                            """, "makeUpWorkdays[1]", "14.02.2026"),
                    Arguments.of("a make-up workday on a weekday", """
                            year: 2026
                            source: test
                            holidays: []
                            makeUpWorkdays: [2026-02-13]
                            """, "makeUpWorkdays[0] (2026-02-13)", "FRIDAY"),
                    Arguments.of("a holiday ending before it starts", """
                            year: 2026
                            source: test
                            holidays:
                              - name: 国庆节
                                from: 2026-10-07
                                to: 2026-10-01
                            makeUpWorkdays: []
                            """, "holidays[0] (国庆节)", "before it starts"),
                    Arguments.of("a misspelt key that would drop every make-up workday", """
                            year: 2026
                            source: test
                            holidays: []
                            makeupWorkdays: [2026-02-14]
                            """, "makeupWorkdays", "unknown key"),
                    Arguments.of("a missing source", """
                            year: 2026
                            holidays: []
                            makeUpWorkdays: []
                            """, "source", "missing"),
                    Arguments.of("a year that does not match the file name", """
                            year: 2027
                            source: test
                            holidays: []
                            makeUpWorkdays: []
                            """, "year", "2027"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("mistakes")
        void theErrorNamesTheFileAndTheEntry(String mistake, String yaml, String entry, String detail) {
            var error = catchThrowableOfType(InvalidCalendarException.class,
                    () -> CalendarFiles.read("extra/CN-2026.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
            assertThat(error).as(mistake).isNotNull();
            assertThat(error.file()).isEqualTo("extra/CN-2026.yaml");
            assertThat(error.entry()).isEqualTo(entry);
            assertThat(error).hasMessageContaining("extra/CN-2026.yaml").hasMessageContaining(entry).hasMessageContaining(detail);
        }

        @Test
        void brokenYamlNamesTheFile() {
            var error = catchThrowableOfType(InvalidCalendarException.class,
                    () -> CalendarFiles.read("CN-2026.yaml", new ByteArrayInputStream("year: [2026\n".getBytes(StandardCharsets.UTF_8))));
            assertThat(error).hasMessageStartingWith("Invalid calendar file CN-2026.yaml").hasMessageContaining("not valid YAML");
        }
    }
}
