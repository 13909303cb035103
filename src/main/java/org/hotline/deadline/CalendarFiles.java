package org.hotline.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the holiday arrangement from YAML files, one per year, so that a new year is added as data: the
 * shipped files {@code calendar/CN-<year>.yaml} on the classpath, and every {@code *.yaml} in a directory
 * of the operator's choice (for next year's notice before a release ships it). See
 * {@code src/main/resources/calendar/CN-2025.yaml} for the format.
 *
 * <p>Every problem is an {@link InvalidCalendarException} naming the file and the entry: a silently
 * ignored misspelt key or an impossible date would shift deadlines for a whole year, so unknown keys,
 * unparsable dates and contradictions stop the application from starting instead.
 */
public final class CalendarFiles {

    /** Prefix of the shipped files: the data is the mainland China arrangement. */
    static final String SHIPPED_PREFIX = "calendar/CN-";

    // The classpath cannot be listed portably (a directory in tests, a nested jar in production), so the
    // shipped files are found by probing their names over a range of years that outlives this code.
    private static final int FIRST_PROBED_YEAR = 2000;
    private static final int LAST_PROBED_YEAR = 2099;

    private static final Set<String> YEAR_KEYS = Set.of("year", "source", "holidays", "makeUpWorkdays");
    private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?:^|\\D)(\\d{4})\\.yaml$");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CalendarFiles() {
    }

    /**
     * The years shipped with the application, in year order. Read once per class loader: the data is
     * immutable, and other modules' unit tests build {@link CalendarDeadlines#chinaDefaults} over and over.
     */
    public static List<CalendarYear> shipped() {
        return Shipped.YEARS;
    }

    private static final class Shipped {
        static final List<CalendarYear> YEARS = List.copyOf(readShipped());
    }

    private static List<CalendarYear> readShipped() {
        ClassLoader loader = CalendarFiles.class.getClassLoader();
        List<CalendarYear> years = new ArrayList<>();
        for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
            String name = SHIPPED_PREFIX + year + ".yaml";
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    years.add(read(name, in));
                }
            } catch (IOException e) {
                throw new InvalidCalendarException(name, null, "cannot be read: " + e.getMessage(), e);
            }
        }
        return years;
    }

    /**
     * The years in every {@code *.yaml} file of a directory, in file name order.
     *
     * @throws InvalidCalendarException if the directory does not exist or a file is invalid
     */
    public static List<CalendarYear> directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidCalendarException(directory.toString(), null, "is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list calendar directory " + directory, e);
        }
        List<CalendarYear> years = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                years.add(read(file.toString(), in));
            } catch (IOException e) {
                throw new InvalidCalendarException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
            }
        }
        return years;
    }

    /**
     * The shipped years followed by those of an optional extra directory.
     *
     * @param extraDirectory null when there is none
     * @throws InvalidCalendarException also when two files claim the same year
     */
    public static List<CalendarYear> shippedAnd(Path extraDirectory) {
        List<CalendarYear> years = new ArrayList<>(shipped());
        if (extraDirectory != null) {
            years.addAll(directory(extraDirectory));
        }
        Map<Integer, CalendarYear> byYear = new LinkedHashMap<>();
        for (CalendarYear year : years) {
            CalendarYear earlier = byYear.putIfAbsent(year.year(), year);
            if (earlier != null) {
                throw new InvalidCalendarException(year.file(), "year (" + year.year() + ")",
                        "the year is already defined in " + earlier.file() + "; keep one file per year");
            }
        }
        return years;
    }

    /**
     * Reads one year from YAML.
     *
     * @param file how the file is named in error messages; a name ending in a four-digit year must match
     *             the {@code year} inside
     */
    public static CalendarYear read(String file, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidCalendarException(file, null, "is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCalendarException(file, null, "must be a mapping with year, source, holidays and makeUpWorkdays");
        }
        rejectUnknownKeys(file, null, root, YEAR_KEYS);

        int year = year(file, root);
        String source = text(file, "source", root, "source");
        List<CalendarYear.Holiday> holidays = new ArrayList<>();
        JsonNode holidayNodes = list(file, root, "holidays");
        for (int i = 0; i < holidayNodes.size(); i++) {
            holidays.add(holiday(file, i, holidayNodes.get(i)));
        }
        List<LocalDate> makeUpWorkdays = new ArrayList<>();
        JsonNode makeUpNodes = list(file, root, "makeUpWorkdays");
        for (int i = 0; i < makeUpNodes.size(); i++) {
            String entry = "makeUpWorkdays[" + i + "]";
            makeUpWorkdays.add(date(file, entry, makeUpNodes.get(i)));
        }
        return new CalendarYear(year, source, holidays, makeUpWorkdays, file);
    }

    private static int year(String file, JsonNode root) {
        JsonNode node = root.get("year");
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new InvalidCalendarException(file, "year", "missing or not a number: " + node);
        }
        int year = node.intValue();
        Matcher inName = YEAR_IN_NAME.matcher(file);
        if (inName.find() && Integer.parseInt(inName.group(1)) != year) {
            throw new InvalidCalendarException(file, "year", "the file name says " + inName.group(1) + " but the file says " + year);
        }
        return year;
    }

    private static CalendarYear.Holiday holiday(String file, int index, JsonNode node) {
        String entry = "holidays[" + index + "]";
        if (!node.isObject()) {
            throw new InvalidCalendarException(file, entry, "must be a mapping with name, from and to");
        }
        String name = text(file, entry, node, "name");
        entry = entry + " (" + name + ")";
        rejectUnknownKeys(file, entry, node, HOLIDAY_KEYS);
        LocalDate from = date(file, entry + ".from", required(file, entry, node, "from"));
        LocalDate to = date(file, entry + ".to", required(file, entry, node, "to"));
        try {
            return new CalendarYear.Holiday(name, from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarException(file, entry, e.getMessage(), e);
        }
    }

    private static LocalDate date(String file, String entry, JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidCalendarException(file, entry, "'" + node + "' is not a date (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException(file, entry, "'" + node.textValue() + "' is not a date (yyyy-MM-dd)", e);
        }
    }

    private static JsonNode list(String file, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            throw new InvalidCalendarException(file, key, "missing; write an empty list [] if there are none");
        }
        if (!node.isArray()) {
            throw new InvalidCalendarException(file, key, "must be a list");
        }
        return node;
    }

    private static String text(String file, String entry, JsonNode parent, String key) {
        JsonNode node = required(file, entry, parent, key);
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new InvalidCalendarException(file, entry, key + " must be a non-empty text");
        }
        return node.textValue();
    }

    private static JsonNode required(String file, String entry, JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw new InvalidCalendarException(file, entry, key + " is missing");
        }
        return node;
    }

    private static void rejectUnknownKeys(String file, String entry, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidCalendarException(file, entry == null ? name : entry,
                        "unknown key '" + name + "', expected one of " + known.stream().sorted().toList());
            }
        }
    }
}
