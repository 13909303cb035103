package org.hotline.dispatch.internal.model;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Brings a citizen's message into the form the model reads: full-width letters and digits folded to
 * half-width (NFKC), Latin letters lower-cased, every run of digits collapsed to one {@code 0} (house numbers,
 * dates and phone numbers say nothing about who must act), and everything that is neither a letter nor a
 * digit dropped (spaces of pre-segmented text, punctuation, emoji).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Reusable room for the code points of one message, so that scoring a message does not allocate them:
     * {@code codePoints[0, length)} after {@link TextNormalizer#normalize(String, CodePoints)}.
     */
    public static final class CodePoints {
        int[] codePoints;
        int length;

        public CodePoints() {
            this(1024);
        }

        CodePoints(int capacity) {
            codePoints = new int[capacity];
        }

        public int length() {
            return length;
        }

        public int[] codePoints() {
            return codePoints;
        }
    }

    /** Normalised code points; never null. */
    public static int[] normalize(String text) {
        CodePoints out = new CodePoints(text == null ? 0 : text.length());
        normalize(text, out);
        return Arrays.copyOf(out.codePoints, out.length);
    }

    /** Normalises {@code text} into {@code out}, growing its array when the text is longer than any before. */
    public static void normalize(String text, CodePoints out) {
        out.length = 0;
        if (text == null || text.isEmpty()) {
            return;
        }
        String folded = needsFolding(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        if (out.codePoints.length < folded.length()) {
            out.codePoints = new int[Math.max(folded.length(), out.codePoints.length * 2)];
        }
        int[] cps = out.codePoints;
        int n = 0;
        boolean lastWasDigit = false;
        for (int i = 0; i < folded.length(); ) {
            char ch = folded.charAt(i);
            // Fast paths for what messages are made of, with the answers Character gives for them: common
            // Chinese characters are letters without case, and ASCII needs no table.
            if (ch >= CJK_FIRST && ch <= CJK_LAST) {
                cps[n++] = ch;
                lastWasDigit = false;
                i++;
                continue;
            }
            if (ch < 0x80) {
                i++;
                if (ch >= '0' && ch <= '9') {
                    if (!lastWasDigit) {
                        cps[n++] = '0';
                    }
                    lastWasDigit = true;
                    continue;
                }
                lastWasDigit = false;
                if (ch >= 'a' && ch <= 'z') {
                    cps[n++] = ch;
                } else if (ch >= 'A' && ch <= 'Z') {
                    cps[n++] = ch + ('a' - 'A');
                }
                continue;
            }
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                if (!lastWasDigit) {
                    cps[n++] = '0';
                }
                lastWasDigit = true;
                continue;
            }
            lastWasDigit = false;
            if (Character.isLetter(cp)) {
                cps[n++] = Character.toLowerCase(cp);
            }
        }
        out.length = n;
    }

    /**
     * Whether the text has anything the model reads, which is whether {@link #normalize(String)} would return
     * any code point; without building them for the usual message, whose first Chinese character answers it.
     */
    public static boolean hasContent(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            // NFKC leaves these letters and digits letters and digits
            if ((ch >= CJK_FIRST && ch <= CJK_LAST) || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')) {
                return true;
            }
        }
        CodePoints out = new CodePoints(text.length());
        normalize(text, out);
        return out.length > 0;
    }

    /**
     * The CJK Unified Ideographs that every Unicode version since 10 assigns (U+9FF0 and later came with
     * Java's later Unicode versions): all letters without case, so the fast path needs no table.
     */
    static final char CJK_FIRST = '\u4E00';
    static final char CJK_LAST = '\u9FEF';

    /**
     * Whether NFKC would change anything that matters: full-width forms, compatibility ideographs, enclosed
     * and other compatibility characters. Most messages have none, and skipping the normaliser then saves a
     * good part of the time a message takes.
     */
    static boolean needsFolding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x2000 && ch <= 0x33FF)
                    || (ch >= 0x00A0 && ch <= 0x02FF) || Character.isSurrogate(ch) || (ch >= 0xFE30 && ch <= 0xFE4F)) {
                return true;
            }
        }
        return false;
    }
}
