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
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
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
}
