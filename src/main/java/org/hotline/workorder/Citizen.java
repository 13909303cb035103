package org.hotline.workorder;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The person behind the appeal. The phone is needed by those who must call back (the center and the
 * handling units) and by nobody else, so every view goes through {@link #maskedPhone()}. A citizen who asked
 * for confidentiality (保密) is not named to the units at all: they contact the citizen through the center.
 */
public record Citizen(String name, String phone, boolean confidential) {

    /** Mainland mobile numbers, and landlines with area code (0635-8888888 or 06358888888). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    /** Either, standing alone in a text (not part of a longer run of digits). */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");

    public static boolean isValidPhone(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    /**
     * A number as typed or shown by a caller ID (138 1234 1234, 0635-8888888, +86 13812341234) reduced to its
     * digits, when it is a valid phone then; empty otherwise.
     */
    public static Optional<String> normalisePhone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.strip().replaceAll("[\\s\\u3000-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return isValidPhone(digits) ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Every way a normalised number may have been registered: intake keeps the number as entered, and a
     * landline may carry a dash after its three- or four-digit area code. A mobile number has one spelling.
     */
    public static List<String> spellings(String digits) {
        if (!digits.startsWith("0")) {
            return List.of(digits);
        }
        return Stream.of(digits, digits.substring(0, 3) + "-" + digits.substring(3),
                digits.substring(0, 4) + "-" + digits.substring(4)).filter(Citizen::isValidPhone).toList();
    }

    /** 13812341234 → 138****1234; landlines keep the area code and the last four digits. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        int keepStart = phone.startsWith("0") ? phone.indexOf('-') > 0 ? phone.indexOf('-') + 1 : 4 : 3;
        return phone.substring(0, keepStart) + "****" + phone.substring(phone.length() - 4);
    }

    /** Phone numbers written anywhere in {@code text} (a callback agent's comment), masked as {@link #mask}. */
    public static String maskPhonesIn(String text) {
        return text == null ? null : PHONE_IN_TEXT.matcher(text).replaceAll(m -> mask(m.group()));
    }

    public String maskedPhone() {
        return mask(phone);
    }

    /** The name as shown to someone who may not know who called. */
    public String maskedName() {
        if (name == null || name.isBlank()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
