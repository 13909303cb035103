package org.hotline.dispatch.internal.model;

import java.text.Normalizer;

/**
 * Brings a citizen's message into the form the model reads: full-width letters and digits folded to
 * half-width (NFKC), Latin letters lower-cased, every run of digits collapsed to one {@code 0} (house numbers,
 * dates and phone numbers say nothing about who must act), and everything that is neither a letter nor a
 * digit dropped (spaces of pre-segmented text, punctuation, emoji).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalised code points; never null. */
    public static int[] normalize(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        String folded = needsFolding(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        int[] out = new int[folded.length()];
        int n = 0;
        boolean lastWasDigit = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                if (!lastWasDigit) {
                    out[n++] = '0';
                }
                lastWasDigit = true;
                continue;
            }
            lastWasDigit = false;
            if (Character.isLetter(cp)) {
                out[n++] = Character.toLowerCase(cp);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Whether NFKC would change anything that matters: full-width forms, compatibility ideographs, enclosed
     * and other compatibility characters. Most messages have none, and skipping the normaliser then saves a
     * good part of the time a message takes.
     */
    private static boolean needsFolding(String text) {
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
