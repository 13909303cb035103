package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The normaliser takes shortcuts for Chinese characters and ASCII; for every code point it must still answer
 * what the plain rule (NFKC where {@link TextNormalizer#needsFolding} says it matters, then {@link Character}'s
 * letters and digits) answers, or a model would read a message differently from the way it was trained.
 */
class EveryCharacterIsNormalisedAsUnicodeSaysTest {

    /** The rule spelled out without shortcuts. */
    private static int[] byTheRule(String text) {
        String folded = TextNormalizer.needsFolding(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
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
        return Arrays.copyOf(out, n);
    }

    @Test
    void everyCodePointAloneBetweenDigitsAndBesideFullWidthPunctuationIsReadAsTheRuleSays() {
        TextNormalizer.CodePoints reused = new TextNormalizer.CodePoints();
        List<String> misread = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp <= 0xFFFF ? Character.isSurrogate((char) cp)
                    : !Character.isDefined(cp) || Character.getType(cp) == Character.PRIVATE_USE) {
                // a lone surrogate is no character; the empty and private planes above the BMP only cost time
                continue;
            }
            String c = Character.toString(cp);
            // alone, between digits, and beside the full-width comma that sends nearly every message to NFKC
            for (String text : new String[] { c, "1" + c + "2A", "，" + c + "3Ｂ。" }) {
                int[] expected = byTheRule(text);
                TextNormalizer.normalize(text, reused);
                if (!Arrays.equals(TextNormalizer.normalize(text), expected)
                        || !Arrays.equals(reused.codePoints(), 0, reused.length(), expected, 0, expected.length)
                        || TextNormalizer.hasContent(text) != expected.length > 0) {
                    misread.add(String.format("U+%04X in \"%s\"", cp, text));
                }
            }
        }
        assertThat(misread).isEmpty();
    }

    @Test
    void aLongTextAfterShortOnesGrowsTheReusedRoom() {
        TextNormalizer.CodePoints reused = new TextNormalizer.CodePoints();
        TextNormalizer.normalize("路灯不亮", reused);
        String longText = "小区门口的路灯坏了，ＡＢ１２３号楼".repeat(500);

        TextNormalizer.normalize(longText, reused);

        assertThat(Arrays.copyOf(reused.codePoints(), reused.length())).containsExactly(byTheRule(longText));
    }

    @Test
    void nothingButPunctuationAndEmojiHasNoContent() {
        assertThat(TextNormalizer.hasContent(null)).isFalse();
        assertThat(TextNormalizer.hasContent("")).isFalse();
        assertThat(TextNormalizer.hasContent("，。！？ 😡🙏")).isFalse();
        assertThat(TextNormalizer.hasContent("😡 ①")).isTrue();
    }

    @Test
    void aMessageOfChineseCharactersAsciiAndFullWidthPunctuationIsReadAsIfFolded() {
        String message = "您好！我是ＸＸ小区3号楼的住户，楼下“KTV”每晚噪音扰民（到凌晨2点）……请尽快处理。";
        String plain = "您好！我是小区3号楼的住户，楼下“KTV”每晚噪音扰民（到凌晨2点）……请尽快处理。";

        assertThat(TextNormalizer.normalize(message)).containsExactly(byTheRule(message));
        assertThat(TextNormalizer.normalize(plain)).containsExactly(byTheRule(plain));
    }
}
