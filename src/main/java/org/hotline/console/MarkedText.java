package org.hotline.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into pieces with the given words marked: the words behind a suggestion shown in the caller's own
 * text. Templates write each piece as text ({@code <mark th:if="${seg.marked()}" th:text="${seg.text()}">}), so a
 * citizen's words are never read as markup.
 */
public final class MarkedText {

    /** A piece of text, marked when it is (part of) one of the words. */
    public record Segment(String text, boolean marked) {
    }

    private MarkedText() {
    }

    /**
     * {@code text} cut into pieces, the occurrences of {@code words} marked (latin letters regardless of case;
     * overlapping or adjacent occurrences make one mark).
     */
    public static List<Segment> of(String text, Collection<String> words) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean[] marked = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        // a few letters change length in lower case; then match as written rather than mark the wrong places
        boolean folded = lower.length() == text.length();
        String haystack = folded ? lower : text;
        for (String word : words == null ? List.<String>of() : words) {
            if (word == null || word.isBlank()) {
                continue;
            }
            String needle = folded ? word.strip().toLowerCase(Locale.ROOT) : word.strip();
            for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
                for (int i = at; i < at + needle.length(); i++) {
                    marked[i] = true;
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                segments.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return segments;
    }
}
