package org.hotline.workorder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The human-readable order number (工单编号): the intake day and a sequence within that day, e.g.
 * {@code 20261129-000123}. Citizens read it out on the phone, so it stays short and all digits.
 */
public record OrderNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{6,}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public OrderNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an order number: " + value);
        }
    }

    public static OrderNumber of(LocalDate intakeDay, long sequence) {
        return new OrderNumber(intakeDay.format(DAY) + "-" + String.format("%06d", sequence));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
