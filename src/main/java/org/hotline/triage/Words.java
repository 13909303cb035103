package org.hotline.triage;

import java.util.ArrayList;
import java.util.List;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

/**
 * Whole words of Chinese text, by jieba's dictionary segmentation. Triage uses it twice: a trigger counts only
 * where it is whole words of the appeal ("起火" is not in "引起火灾", "着火" is not in "看着火车"), so that its
 * evidence is never a fragment; and an invalid call is told from an angry real one by whether any word of
 * substance is left besides the insults and greetings.
 *
 * <p>jieba loads its dictionary (about 80 MB of heap, a few seconds) once per JVM, on first use or on
 * {@link #warmUp()}; segmenting a clause takes tens of microseconds, so triage segments only the clauses where
 * a rule fired and short texts, never a whole long message.
 */
public final class Words {

    /** A word and where it stands in the text segmented. */
    public record Token(String word, int start, int end) {
    }

    private Words() {
    }

    private static final class Segmenter {
        static final JiebaSegmenter INSTANCE = new JiebaSegmenter();
    }

    /** Loads the dictionary now rather than at the first appeal. */
    public static void warmUp() {
        tokens("预热");
    }

    /** The words of {@code text}, in order, with their offsets (punctuation and spaces are tokens too). */
    public static List<Token> tokens(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<SegToken> segmented = Segmenter.INSTANCE.process(text, JiebaSegmenter.SegMode.SEARCH);
        List<Token> tokens = new ArrayList<>(segmented.size());
        for (SegToken t : segmented) {
            tokens.add(new Token(t.word, t.startOffset, t.endOffset));
        }
        return tokens;
    }

    /**
     * Whether {@code [start, end)} of the segmented text is whole words: no word runs across its start, and none
     * that starts inside it runs past its end. A word that starts with the match and goes on is allowed, since
     * jieba often joins a trigger with what follows ("撞了人", "起火点"); "自燃" in "自燃油税" (自 | 燃油) is not.
     */
    public static boolean coversWholeWords(List<Token> words, int start, int end) {
        for (Token t : words) {
            if (t.start() < start && start < t.end()) {
                return false;
            }
            if (start < t.start() && t.start() < end && end < t.end()) {
                return false;
            }
        }
        return true;
    }

    /** The same for unsegmented text. */
    public static boolean coversWholeWords(String text, int start, int end) {
        return coversWholeWords(tokens(text), start, end);
    }
}
