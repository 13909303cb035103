package org.hotline.dispatch.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How alike two appeals read (相似在办工单): the character pairs of their letters and digits, taken
 * within the runs that punctuation, spaces and what every caller says ("市民来电反映…希望相关部门尽快处理") leave,
 * compared by the Dice coefficient.
 */
class SimilarOpenOrdersShareWordsThatSayWhatAndWhereTest {

    @Test
    void theSameMatterToldTwiceSharesMostOfItsPairs() {
        double same = SimilarOpenOrders.dice(SimilarOpenOrders.bigrams("东关街后巷下雨后积水，排水口堵了"),
                SimilarOpenOrders.bigrams("东关街后巷又积水了，排水口堵着"));
        double other = SimilarOpenOrders.dice(SimilarOpenOrders.bigrams("东关街后巷下雨后积水，排水口堵了"),
                SimilarOpenOrders.bigrams("光岳路夜市占道摆摊，堵住消防通道"));
        assertThat(same).isGreaterThan(SimilarOpenOrders.MIN_PROBLEM);
        assertThat(other).isLessThan(SimilarOpenOrders.MIN_TEXT);
    }

    @Test
    void whatEveryCallerSaysMakesNoTwoMattersAlike() {
        assertThat(SimilarOpenOrders.dice(SimilarOpenOrders.bigrams("市民来电反映：路灯不亮，希望相关部门尽快处理"),
                SimilarOpenOrders.bigrams("市民来电反映：拖欠工资，希望相关部门尽快处理"))).isLessThan(SimilarOpenOrders.MIN_TEXT);
    }

    @Test
    void punctuationAndSpacesSeparateWordsAndCaseDoesNotCount() {
        assertThat(SimilarOpenOrders.bigrams("ETC扣费！")).isEqualTo(SimilarOpenOrders.bigrams("etc扣费"));
        assertThat(SimilarOpenOrders.bigrams("路灯 不亮")).containsExactlyInAnyOrder("路灯", "不亮");
        assertThat(SimilarOpenOrders.dice(SimilarOpenOrders.bigrams("。"), SimilarOpenOrders.bigrams("积水"))).isZero();
    }
}
