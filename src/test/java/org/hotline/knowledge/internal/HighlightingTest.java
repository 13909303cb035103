package org.hotline.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Marked texts are safe to insert into a page and show whole words only. */
class HighlightingTest {

    private final Highlighting marks = new Highlighting();

    @Test
    void theTextIsEscapedAndTheMatchedWordsMarked() {
        assertThat(marks.title("<b>公积金</b> & 提取", List.of("公积金", "提取")))
                .isEqualTo("&lt;b&gt;<mark>公积金</mark>&lt;/b&gt; &amp; <mark>提取</mark>");
    }

    @Test
    void singleCharactersAreNotMarkedAndCaseAndWidthDoNotMatter() {
        assertThat(marks.title("楼道ＡＰＰ报修", List.of("楼", "app"))).isEqualTo("楼道<mark>ＡＰＰ</mark>报修");
    }

    @Test
    void aLongAnswerIsCutAroundItsDensestMatches() {
        String answer = "无关的开头。".repeat(40) + "申请停暖应在供暖开始前办理，报停期间收取基本热费。" + "无关的结尾。".repeat(40);
        String snippet = marks.snippet(answer, List.of("停暖", "基本热费"));
        assertThat(snippet).startsWith("…申请<mark>停暖</mark>").contains("<mark>基本热费</mark>").endsWith("…");
        assertThat(snippet.replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(Highlighting.SNIPPET_CHARS + 2);
    }
}
