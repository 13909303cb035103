package org.hotline.dispatch.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.hotline.dispatch.Classification;
import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.DemoOrganization;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.RoutingRules;
import org.hotline.dispatch.Suggestion;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What routing costs per order apart from the model: address matching over the demo gazetteer, the shipped
 * default rules for the top three labels, and putting the decision together, on one thread after warm-up.
 * The classifier is a constant answer, so its cost is not counted. The budget for the whole dispatch path is
 * 1 ms at p99; routing must take a small part of it.
 */
class RoutingCostTest {

    private static final String[] PIECES = { "您好，", "我家住在", "古楼街道东关社区", "柳圆街道", "东昌府区", "侯营镇侯营村",
            "小区门口每天晚上有人占道摆摊卖烧烤，", "油烟很大，", "噪音扰民到半夜，", "多次反映没有人管，", "希望相关部门尽快处理。",
            "另外楼下的路灯也坏了很久，", "物业说不归他们管，", "工地拖欠工资也没人管，", "谢谢！" };

    @Test
    void routingAnOrderTakesMicrosecondsNotMilliseconds() throws Exception {
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        RoutingRules rules = new RoutingRules(defaultRules().stream().map(RuleView::toRule).toList(),
                org.categories());
        Classification fixed = new Classification("bench", LabelKind.CATEGORY, List.of(
                new Suggestion("09.01.01", 0.91, List.of("摆摊")), new Suggestion("05.01.03", 0.06, List.of("油烟")),
                new Suggestion("09.05.01", 0.02, List.of("路灯"))));
        Classifier constant = (subject, text) -> fixed;
        DispatchAdvisor advisor = new DispatchAdvisor(constant, org.matcher(), rules, org.units(), org.categories(),
                0.8);

        Random random = new Random(12345);
        DispatchRequest[] orders = new DispatchRequest[500];
        for (int i = 0; i < orders.length; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 400) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            orders[i] = new DispatchRequest(text.substring(0, 400), i % 3 == 0 ? null : "聊城市东昌府区某某路" + i + "号",
                    Urgency.NORMAL, null);
        }
        int sink = 0;
        for (int i = 0; i < 50_000; i++) {
            sink += advisor.advise(orders[i % orders.length]).suggestions().size();
        }
        int runs = 20_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            DispatchAdvice advice = advisor.advise(orders[i % orders.length]);
            nanos[i] = System.nanoTime() - start;
            sink += advice.coUnits().size();
        }
        Arrays.sort(nanos);
        double p50 = nanos[runs / 2] / 1000.0;
        double p99 = nanos[(int) (runs * 0.99)] / 1000.0;
        System.out.printf("routing cost per 400-character order (address matching + rules, no classifier): "
                + "p50=%.1f µs p99=%.1f µs (%d)%n", p50, p99, sink % 10);
        assertThat(p99).as("p99 of routing in microseconds").isLessThan(1000);
    }

    private static List<RuleView> defaultRules() throws Exception {
        try (InputStream in = RoutingCostTest.class.getResourceAsStream("/dispatch/routing-rules.yaml")) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, DefaultRules.RuleFile.class).rules();
        }
    }
}
