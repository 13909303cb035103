package org.hotline.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Moments and days to and from the database: the one place where JDBC parameters and rows are converted.
 *
 * <p>A moment is stored as {@code TIMESTAMP WITH TIME ZONE} and travels as an {@link OffsetDateTime} at UTC, the
 * JDBC 4.2 type both drivers map to that column: PostgreSQL's driver takes no {@link Instant}, and a
 * {@code java.sql.Timestamp} would pass through the JVM's default zone. Both keep microseconds and round the
 * nanoseconds of a clock reading alike ({@code DbTimeContract}). A day is a {@code DATE} and travels as a
 * {@link LocalDate}, as it is.
 *
 * <p>Which day a moment falls on in the hotline's zone is the business's to say (the working calendar, the
 * statistics, the assessment): here a day only becomes its first moment, for a range bound in SQL.
 */
public final class DbTime {

    private DbTime() {
    }

    /** A moment as a parameter for a {@code TIMESTAMP WITH TIME ZONE}; null for null. */
    public static OffsetDateTime param(Instant moment) {
        return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
    }

    /** The first moment of {@code day} in {@code zone}, as a parameter: the start of a range of days. */
    public static OffsetDateTime startOfDay(LocalDate day, ZoneId zone) {
        return param(day.atStartOfDay(zone).toInstant());
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as a moment; null for SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column, by position, as a moment; null for SQL NULL. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A {@code DATE} column as a day; null for SQL NULL. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A {@code DATE} column, by position, as a day; null for SQL NULL. */
    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
