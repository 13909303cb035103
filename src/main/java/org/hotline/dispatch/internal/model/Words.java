package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whole words of a message, for what people read: the model scores character n-grams, which cut across
 * words ("点还" of "十点还在", "0米宽" of "10米宽"), so the evidence shown to a dispatcher is made of the words a
 * segmenter (jieba, with its dictionary and its HMM for unknown words) finds in the text, as the citizen wrote
 * them. Only messages a person will read are segmented.
 *
 * <p>Thread-safe: the dictionary is shared and read-only, each thread segments with its own scratch arrays.
 */
public final class Words {

    /** A word and where it stands in the text. */
    public record Word(String text, int start, int end) {
    }

    /**
     * Words that say nothing about who must act, however often the model met them: function words, the
     * platform's own phrases, and time words (the "还在" that once was a late-night barbecue's evidence).
     */
    static final Set<String> SAY_NOTHING = Set.of("我们", "你们", "他们", "她们", "这个", "那个", "这些", "那些", "就是",
            "还是", "现在", "已经", "没有", "可以", "一个", "什么", "因为", "所以", "但是", "而且", "希望", "请问", "问题",
            "反映", "领导", "相关", "部门", "您好", "你好", "谢谢", "感谢", "还在", "一直", "多次", "情况", "要求", "尊敬",
            "解决", "处理", "有关", "怎么", "为什么", "如何", "是否", "能否", "请求", "投诉", "咨询", "举报", "建议", "导致",
            "目前", "今年", "去年", "时间", "晚上", "白天", "每天", "经常", "严重", "影响", "到底", "这样", "那样", "进行",
            "自己", "大家", "不是", "不能", "不会", "知道", "应该", "可能", "这里", "那里", "以上", "以下", "之后", "之前",
            "点钟", "小时", "分钟", "今天", "昨天", "明天", "月份", "我家", "本人", "居民", "市民", "群众", "百姓",
            "哪些", "需要", "准备", "一下", "附近", "时候", "开始", "条件", "非常", "朋友", "周末", "一起", "心情", "材料",
            "办理", "了解", "告诉", "回复", "答复", "给予", "帮助", "帮忙", "麻烦", "恳请", "谢谢您");

    private static final String NUMERALS = "零一二两三四五六七八九十百千万亿几多";
    private static final String MEASURES = "元块月年天日个次米号点岁层栋楼户";

    /** An amount, a time or a count written in Chinese numerals: 两千元, 一个多月, 三年. */
    private static boolean amount(String word) {
        boolean numeral = false;
        boolean measure = false;
        for (int i = 0; i < word.length(); i++) {
            numeral |= NUMERALS.indexOf(word.charAt(i)) >= 0;
            measure |= MEASURES.indexOf(word.charAt(i)) >= 0;
        }
        return numeral && measure;
    }

    private Words() {
    }

    /**
     * Loads jieba's dictionary and the segmenter's arrays built from it now (a few seconds, the first time in a
     * JVM) rather than in the first decision a person will read.
     */
    public static void warmUp() {
        tellingWords("预热");
    }

    /**
     * The distinct words of {@code text} that may be shown as evidence ({@link #telling}), in the order they first
     * occur, as jieba's search mode cuts the text (a long word stays whole), with jieba's dictionary and HMM: cut
     * by {@link Segmenter}, which gives jieba's words at a fraction of its cost, and no string is made of a
     * single character.
     */
    static List<String> tellingWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> telling = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            Segmenter.cut(text, (chars, start, end) -> {
                if (end - start >= 2) { // a single character never tells; no need to make a string of it
                    String word = new String(chars, start, end - start);
                    if (telling(word) && seen.add(word)) {
                        telling.add(word);
                    }
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // the words are a help for a person; a dictionary that cannot load must not cost the suggestions
            return List.of();
        }
        return telling;
    }

    /** Whether a word may be shown as evidence: two characters or more, with a letter, and not a word that says nothing. */
    static boolean telling(String word) {
        if (word.length() < 2 || SAY_NOTHING.contains(word)) {
            return false;
        }
        if (amount(word)) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c)) {
                return false; // "10米" says where or how much, never who
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }
}
