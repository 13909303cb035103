package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No confident nonsense: an appeal that shares little with anything the model knows (gibberish, another
 * language, text about nothing a unit does) gets a low unit confidence and goes to a person, however its
 * probabilities happened to fall. The mechanism is the model's familiarity (LinearTextModel.Familiarity): the
 * share of the message's n-grams the model knows and the top raw score, fitted with the calibration on held-out
 * and scrambled messages. Measured on the model that ships with the project.
 */
class NoConfidentNonsenseTest {

    private static final DispatchAdvisor ADVISOR = ShippedModel.advisor();

    private static DispatchAdvice advise(String text) {
        return ADVISOR.advise(new DispatchRequest(text, null, Urgency.NORMAL, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "asdkjh qweqwe zxcmnb lkjhg poiuyt",
            "The street light outside my house has been broken for a week, please have someone fix it.",
            "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳",
            "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会",
            "今天天气真不错，我和朋友一起喝茶聊天，心情非常好，祝大家周末愉快。",
            "我想问一下火星移民计划什么时候开始报名，宇航员需要什么条件？",
            "哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈" })
    void anAppealTheModelDoesNotKnowGoesToAPersonWithALowConfidence(String text) {
        DispatchAdvice a = advise(text);

        assertThat(a.automatic()).isFalse();
        assertThat(a.confidence()).as("unit confidence of %s", text).isLessThan(0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我们小区的物业公司乱收停车费，业主委员会多次反映，物业置之不理，请有关部门查处。|dcf-zjj",
            "孩子今年六岁，户口在本区，请问小学入学报名需要准备哪些材料，学区怎么划分？|dcf-jtj",
            "公司拖欠我们三个月工资不发，老板一直躲着不见人，请劳动监察部门帮忙讨薪。|dcf-rsj" })
    void anOrdinaryAppealKeepsAConfidenceWellAboveNonsense(String text, String unit) {
        DispatchAdvice a = advise(text);
        assertThat(a.suggestions().get(0).leadUnit().value()).isEqualTo(unit);
        assertThat(a.confidence()).as("unit confidence of %s", text).isGreaterThan(0.6);
    }
}
