package org.hotline.knowledge.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

/**
 * Chinese words for Lucene from jieba's dictionary and HMM. In {@code INDEX} mode a long word also yields the
 * dictionary words inside it (公积金 → 公积金, 公积, 积金), so a citizen who writes 公积金 and an entry that writes
 * 住房公积金 meet; {@code SEARCH} mode gives the longest words only. Tokens without a letter or digit
 * (punctuation, spaces) are left out. jieba reads the whole text at once: the texts here are a few thousand
 * characters at most.
 */
final class JiebaTokenizer extends Tokenizer {

    /** jieba's segmenter is stateless; its dictionary is one per JVM, loaded on first use (about 2 s, 90 MB). */
    private static final JiebaSegmenter SEGMENTER = new JiebaSegmenter();

    private final JiebaSegmenter.SegMode mode;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private Iterator<SegToken> tokens;
    private int end;

    JiebaTokenizer(JiebaSegmenter.SegMode mode) {
        this.mode = mode;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (tokens == null) {
            tokens = segment(read(input)).iterator();
        }
        while (tokens.hasNext()) {
            SegToken token = tokens.next();
            if (!hasLetterOrDigit(token.word)) {
                continue;
            }
            clearAttributes();
            term.setEmpty().append(token.word);
            offset.setOffset(correctOffset(token.startOffset), correctOffset(token.endOffset));
            return true;
        }
        return false;
    }

    private List<SegToken> segment(String s) {
        end = s.length();
        if (s.isEmpty()) {
            return List.of();
        }
        List<SegToken> tokens = SEGMENTER.process(s, mode);
        // INDEX mode gives the words inside a long word after it: Lucene wants offsets that never go back
        tokens.sort(Comparator.comparingInt((SegToken t) -> t.startOffset).thenComparingInt(t -> t.endOffset));
        return tokens;
    }

    private String read(Reader reader) throws IOException {
        text.setLength(0);
        char[] buffer = new char[2048];
        for (int n; (n = reader.read(buffer)) > 0;) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(end);
        offset.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        tokens = null;
        end = 0;
    }

    /** Loads jieba's dictionary now rather than in the first request that segments. */
    static void warmUp() {
        SEGMENTER.process("公积金提取", JiebaSegmenter.SegMode.SEARCH);
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
