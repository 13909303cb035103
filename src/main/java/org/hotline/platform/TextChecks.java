package org.hotline.platform;

/**
 * What text from a client may contain: anything Unicode can say except NUL and the other C0 control characters
 * (tab, line feed and carriage return excepted) and lone surrogates. PostgreSQL refuses NUL in text while H2
 * stores it, a lone surrogate is not a character at all, and control characters corrupt every screen, export
 * and log line they reach. Such text is refused at the edge with the field named, the same on every database,
 * rather than silently changed: what a citizen wrote is kept as written or not at all.
 */
public final class TextChecks {

    private TextChecks() {
    }

    /** The problem with the text in Chinese, or null when it is acceptable. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return "含有不允许的控制字符（" + codePoint(c) + "）";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有不成对的代理字符（" + codePoint(c) + "），不是有效的 Unicode 文本";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有不成对的代理字符（" + codePoint(c) + "），不是有效的 Unicode 文本";
            }
        }
        return null;
    }

    /** Refuses text with a {@link #problem}, naming the field. */
    public static void check(String field, CharSequence text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
