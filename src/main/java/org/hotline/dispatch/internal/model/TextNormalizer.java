package org.hotline.dispatch.internal.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;

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
        char[] chars = new char[0];

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

    /** Normalises {@code text} into {@code out}, growing its arrays when the text is longer than any before. */
    public static void normalize(String text, CodePoints out) {
        out.length = 0;
        if (text == null || text.isEmpty()) {
            return;
        }
        char[] chars = charsOf(text, out);
        int length = text.length();
        if (mustFold(chars, length)) {
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
            chars = charsOf(folded, out);
            length = folded.length();
        }
        if (out.codePoints.length < length) {
            out.codePoints = new int[Math.max(length, out.codePoints.length * 2)];
        }
        int[] cps = out.codePoints;
        int n = 0;
        boolean lastWasDigit = false;
        for (int i = 0; i < length; ) {
            char ch = chars[i];
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
            int cp = Character.codePointAt(chars, i, length);
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

    /** The text's characters in {@code out}'s reused array: read from an array, they need no bounds check each. */
    private static char[] charsOf(String text, CodePoints out) {
        if (out.chars.length < text.length()) {
            out.chars = new char[Math.max(text.length(), out.chars.length * 2)];
        }
        text.getChars(0, text.length(), out.chars, 0);
        return out.chars;
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
            if (needsFolding(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsFolding(char ch) {
        return (ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x2000 && ch <= 0x33FF)
                || (ch >= 0x00A0 && ch <= 0x02FF) || Character.isSurrogate(ch) || (ch >= 0xFE30 && ch <= 0xFE4F);
    }

    /**
     * Whether the normaliser must run: some character {@link #needsFolding needs folding}, and not every
     * character is one that reads the same folded or not. That is ASCII, the common Chinese characters, and
     * {@link #PUNCTUATION_EITHER_WAY}: the full-width comma, the ideographic full stop, quotes and brackets
     * of nearly every Chinese message fold to punctuation, which is dropped like the unfolded one, and none of
     * these characters combines with a neighbour. Such a message is read exactly as if it had been folded.
     */
    private static boolean mustFold(char[] chars, int length) {
        boolean needs = false;
        boolean readTheSame = true;
        for (int i = 0; i < length; i++) {
            char ch = chars[i];
            if (ch < 0x80 || (ch >= CJK_FIRST && ch <= CJK_LAST)) {
                continue;
            }
            needs |= needsFolding(ch);
            readTheSame &= PUNCTUATION_EITHER_WAY.get(ch);
            if (needs && !readTheSame) {
                return true;
            }
        }
        return false;
    }

    /**
     * The characters that {@link #needsFolding} flags which are punctuation, symbols or spaces and fold into
     * nothing but punctuation, symbols and spaces (，→, ！→! 。→。), worked out from the JDK's own Unicode data.
     */
    private static final BitSet PUNCTUATION_EITHER_WAY = punctuationEitherWay();

    private static BitSet punctuationEitherWay() {
        BitSet set = new BitSet(0x10000);
        for (char ch = 0x00A0; ch < 0xFFF0; ch++) {
            if (!needsFolding(ch) || Character.isSurrogate(ch) || !punctuationSymbolOrSpace(ch)) {
                continue;
            }
            String folded = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
            if (folded.codePoints().allMatch(TextNormalizer::punctuationSymbolOrSpace)) {
                set.set(ch);
            }
        }
        return set;
    }

    private static boolean punctuationSymbolOrSpace(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }
}
