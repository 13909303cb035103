package org.hotline.knowledge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Marks the words a search matched in an entry's text, for people to see at a glance why it was suggested: the
 * text HTML-escaped, each match wrapped in {@code <mark>}, so a page inserts it as it is. Only words of two or
 * more characters are marked (a single character matched here and there says nothing to a reader). Matches are
 * found in the text itself, ignoring case and full-width forms, as the index's words were.
 */
final class Highlighting {

    /** A long answer is cut to a window of about this many characters around its densest matches. */
    static final int SNIPPET_CHARS = 120;

    /** Whether a matched word is shown to people: two characters or more. */
    static boolean shown(String word) {
        return word.codePointCount(0, word.length()) >= 2;
    }

    /** The whole text, escaped, with the words marked. */
    String title(String text, Collection<String> words) {
        return marked(text, spans(text, words), 0, text.length());
    }

    /**
     * The part of the text with the most matched words, about {@link #SNIPPET_CHARS} long, escaped and marked;
     * "…" where it was cut. A short text is returned whole.
     */
    String snippet(String text, Collection<String> words) {
        List<int[]> spans = spans(text, words);
        if (text.length() <= SNIPPET_CHARS) {
            return marked(text, spans, 0, text.length());
        }
        int bestStart = 0;
        int bestCount = -1;
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int count = 0;
            for (int j = i; j < spans.size() && spans.get(j)[1] <= start + SNIPPET_CHARS; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = start;
            }
        }
        int from = start(text, bestStart);
        int to = Math.min(text.length(), from + SNIPPET_CHARS);
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++; // never cut a character in two
        }
        int end = to;
        List<int[]> inside = spans.stream().filter(s -> s[0] >= from && s[1] <= end).toList();
        return (from > 0 ? "…" : "") + marked(text, inside, from, end) + (end < text.length() ? "…" : "");
    }

    /** A little before the first match, at a sentence's start when there is one near. */
    private static int start(String text, int firstMatch) {
        for (int i = firstMatch - 1; i >= Math.max(0, firstMatch - 40); i--) {
            if ("。！？；\n".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        int from = Math.max(0, firstMatch - 20);
        return from > 0 && Character.isLowSurrogate(text.charAt(from)) ? from - 1 : from;
    }

    /** Where the shown words occur, overlapping and touching matches merged, in order. */
    static List<int[]> spans(String text, Collection<String> words) {
        String folded = fold(text);
        List<int[]> found = new ArrayList<>();
        for (String word : words) {
            if (!shown(word)) {
                continue;
            }
            String w = fold(word);
            for (int at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length())) {
                found.add(new int[] { at, at + w.length() });
            }
        }
        found.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : found) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new int[] { s[0], s[1] });
            }
        }
        return merged;
    }

    /** Lower case and half-width, one char for one char, so that offsets stay those of the text. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            chars[i] = Character.toLowerCase(c);
        }
        return new String(chars);
    }

    private static String marked(String text, List<int[]> spans, int from, int to) {
        StringBuilder out = new StringBuilder(to - from + spans.size() * 13);
        int at = from;
        for (int[] s : spans) {
            if (s[0] < at || s[1] > to) {
                continue;
            }
            escape(text, at, s[0], out);
            out.append("<mark>");
            escape(text, s[0], s[1], out);
            out.append("</mark>");
            at = s[1];
        }
        escape(text, at, to, out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
