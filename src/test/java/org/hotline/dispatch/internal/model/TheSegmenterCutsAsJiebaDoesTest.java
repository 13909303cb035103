package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVRecord;
import org.hotline.support.RealData;
import org.junit.jupiter.api.Test;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

/**
 * The evidence a dispatcher reads is jieba's words: {@link Segmenter} cuts with jieba's dictionary and HMM over
 * arrays instead of jieba's maps, and must give the same words, in the same order, at the same offsets, for any
 * text: dictionary words and the routes between them, unknown names through the HMM, numbers, latin words,
 * full-width forms, connectors, punctuation, emoji and characters outside jieba's Chinese block.
 */
class TheSegmenterCutsAsJiebaDoesTest {

    private static final JiebaSegmenter JIEBA = new JiebaSegmenter();

    private static List<Words.Word> jieba(String text) {
        List<Words.Word> words = new ArrayList<>();
        for (SegToken t : JIEBA.process(text, JiebaSegmenter.SegMode.SEARCH)) {
            words.add(new Words.Word(t.word, t.startOffset, t.endOffset));
        }
        return words;
    }

    private static void cutsAsJieba(String text) {
        assertThat(Segmenter.cut(text)).as(text).isEqualTo(jieba(text));
    }

    @Test
    void appealsAsCitizensWriteThem() {
        for (String text : List.of(
                "小区楼下的烧烤店每天晚上十点还在营业，油烟很大，噪音扰民，希望有关部门管一管。",
                "我是东关街道柳园社区居民，反映3号楼单元门口的路灯不亮已经两个月了",
                "公司拖欠我们12名员工三个月工资共计45000元，老板张德旺电话打不通",
                "培训机构“金榜题名教育”收了学费不退，请教育局处理！！！",
                "古楼街道办事处旁边的下水道堵了，污水漫到马路上",
                "王小二和李大嘴在振兴路东首摆摊占道经营",
                "孩子在聊城市第三中学上学，学校强制订购教辅资料",
                "医保卡在药店刷不了，医保局说系统升级，到底什么时候能好？",
                "AT&T和c++是词典里的词，B超也是", "wifi密码忘了，APP打不开，手机号138-1234-5678",
                "水费从2.5元涨到3.15元每吨，1.2.3号楼都涨了", "v2.0版本 ver.3 a.b.c 12.ab 3.x",
                "ＡＢＣ公司　ｂｏｓｓ拖欠工资３个月ｓａｌａｒｙ", "全角：１２３４５，半角：12345",
                "😡😡😡🙏 太气人了", "𠮷野家的饭不好吃", "繁體字：公司拖欠工資三個月",
                "鿥鿦 are past jieba's block", "__init__ -- ## ++ && ..",
                "", " ", "。", "a", "的", "嗯嗯嗯嗯嗯嗯嗯嗯嗯嗯", "一二三四五六七八九十百千万亿",
                "龘靐齉龘靐齉", "张三丰李四光王五赵六钱七孙八", "中华人民共和国国务院办公厅")) {
            cutsAsJieba(text);
        }
    }

    @Test
    void anyMixOfCharacters() {
        String alphabet = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
                + "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
                + "鼓楼街道社区噪音油烟拖欠工资物业漏水垃圾路灯积水违建占道学校医院张王李赵鑫淼犇骉"
                + "abcxyzABCXYZ0123456789+#&._-.,，。！？ 　ＡＢＣ１２３😀";
        int[] points = alphabet.codePoints().toArray();
        Random random = new Random(20261206L);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(points[random.nextInt(points.length)]);
            }
            cutsAsJieba(text.toString());
        }
    }

    @Test
    @RealData.Uses
    void everyRealMessage() throws Exception {
        int texts = 0;
        for (String file : List.of("messages_labelled.csv", "messages_unlabelled.csv", "hot_messages.csv",
                "replies.csv")) {
            Path path = RealData.file(file);
            for (CSVRecord r : RealHistory.csv(path)) {
                for (String column : List.of("subject", "detail", "text", "reply")) {
                    String text = RealHistory.get(r, column);
                    if (!text.isEmpty()) {
                        cutsAsJieba(text);
                        texts++;
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(20_000);
    }
}
