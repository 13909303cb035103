package org.hotline.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import com.huaban.analysis.jieba.JiebaSegmenter;

/**
 * How Chinese text becomes search terms. The knowledge base uses {@link #JIEBA_INDEX}; the others are kept to
 * measure against ({@code knowledge-eval --analyzer ...}, figures in the README): Lucene's own smartcn, and
 * character bigrams, which need no dictionary but match fragments (物业 管理 → 物业, 业管, 管理) that no person
 * would show as the words that matched.
 */
enum ChineseAnalysis {

    /** jieba words, and the dictionary words inside long ones. */
    JIEBA_INDEX {
        @Override
        Analyzer analyzer() {
            return jieba(JiebaSegmenter.SegMode.INDEX);
        }
    },
    /** jieba's longest words only. */
    JIEBA_SEARCH {
        @Override
        Analyzer analyzer() {
            return jieba(JiebaSegmenter.SegMode.SEARCH);
        }
    },
    /** Lucene's smartcn (a hidden Markov model over a dictionary). */
    SMARTCN {
        @Override
        Analyzer analyzer() {
            return new SmartChineseAnalyzer(STOP_WORDS);
        }
    },
    /** Overlapping character bigrams (Lucene's CJKAnalyzer). */
    BIGRAMS {
        @Override
        Analyzer analyzer() {
            return new CJKAnalyzer(STOP_WORDS);
        }
    };

    /**
     * Words that say nothing about what an entry is about: particles, pronouns and the politeness every appeal
     * and reply carries. Left out of the index and of queries, so they never count as a match nor get marked.
     */
    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "的", "了", "是", "在", "和", "与", "及", "或", "而", "之", "于", "对", "把", "被", "给", "让", "从", "向",
            "到", "为", "以", "等", "也", "就", "都", "还", "又", "很", "着", "过", "吗", "呢", "吧", "啊", "呀", "哦",
            "嗯", "么", "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "这", "那", "这个", "那个",
            "这些", "那些", "这样", "那样", "有", "没", "没有", "不", "一个", "什么", "怎么", "怎么办", "如何", "为什么",
            "请问", "请", "谢谢", "您好", "你好", "一下", "一些", "可以", "能", "能否", "是否", "可", "会", "要", "想",
            "现在", "已经", "但是", "但", "因为", "所以", "如果", "并", "并且", "及时", "相关", "问题", "情况",
            "a", "an", "the", "of", "and", "or", "to", "in"), false));

    abstract Analyzer analyzer();

    /** A word of a text and where it stands in it. */
    record Token(String term, int start, int end) {
    }

    /** The terms of {@code text} in order, with their offsets in it. */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return tokens;
    }

    static ChineseAnalysis named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static Analyzer jieba(JiebaSegmenter.SegMode mode) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new JiebaTokenizer(mode);
                TokenStream result = new LowerCaseFilter(source);
                result = new StopFilter(result, STOP_WORDS);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
