package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.support.ConsolePagesTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The intake screen's rules: who may open it, the caller's history once the number is whole, one order however
 * often a form is sent, an inquiry answered on the spot, a repeat call attached to the open order in one step,
 * the AI's live suggestion with its words marked, and the citizen's text always shown as text.
 */
@ConsolePagesTest
class IntakeScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    private static String newPhone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private MockHttpServletRequestBuilder call(String path, MockHttpSession session, String phone, String type,
            String content, String key) {
        return post(path).session(session).with(csrf()).param("idempotencyKey", key).param("phone", phone)
                .param("name", "王女士").param("appealType", type).param("content", content)
                .param("address", "古楼街道东关街 12 号").param("channel", "PHONE");
    }

    private List<OrderSummary> ordersOf(String phone) {
        OrderPage page = service.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null,
                0, 50).byCaller(phone, null), ConsoleOrders.SUPERVISOR);
        return page.items();
    }

    @Test
    void operatorsAndDispatchersTakeCallsAndNobodyElseOpensTheScreen() throws Exception {
        mvc.perform(get("/console/intake").session(signIn(mvc, "operator1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-phone\"")))
                .andExpect(content().string(containsString("autofocus")))
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("id=\"triage-panel\"")))
                .andExpect(content().string(containsString("id=\"knowledge-panel\"")));
        mvc.perform(get("/console/intake").session(signIn(mvc, "dispatcher1"))).andExpect(status().isOk());
        for (String other : new String[] { "zf-handler", "supervisor1", "reviewer1", "admin" }) {
            mvc.perform(get("/console/intake").session(signIn(mvc, other)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("只有话务员和派单员可以受理来电")));
        }
        mvc.perform(get("/console/intake")).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void anOperatorLandsOnTheIntakeScreen() throws Exception {
        mvc.perform(get("/").session(signIn(mvc, "operator1"))).andExpect(redirectedUrl("/console/intake"));
    }

    @Test
    void theCallersEarlierAppealsShowOnceTheNumberIsWhole() throws Exception {
        String phone = newPhone();
        OrderNumber earlier = new ConsoleOrders(service).registered("楼下烧烤店油烟大，窗户都不敢开",
                new Citizen("王女士", phone, false));
        MockHttpSession operator = signIn(mvc, "operator1");

        mvc.perform(get("/console/intake/caller").session(operator).param("phone", phone.substring(0, 7)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("输入完整的手机号或固定电话后显示")))
                .andExpect(content().string(not(containsString(earlier.value()))));
        mvc.perform(get("/console/intake/caller").session(operator)
                        .param("phone", phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(earlier.value())))
                .andExpect(content().string(containsString("该号码共有 1 件历史诉求")))
                .andExpect(content().string(containsString("楼下烧烤店油烟大")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/console/intake/caller").session(operator).param("phone", newPhone()))
                .andExpect(content().string(containsString("首次来电")));
        // a telephony system opens the screen with the ringing number: the history is on the page at once
        mvc.perform(get("/console/intake").session(operator).param("phone", phone))
                .andExpect(content().string(containsString(earlier.value())))
                .andExpect(content().string(containsString("value=\"" + phone + "\"")));
    }

    @Test
    void aFormSentTwiceMakesOneOrder() throws Exception {
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        MockHttpSession operator = signIn(mvc, "operator1");

        for (int i = 0; i < 2; i++) {
            mvc.perform(call("/console/intake", operator, phone, "COMPLAINT", "东关街后巷下雨后积水，老人出不了门", key))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/console/intake"))
                    .andExpect(flash().attribute("done", org.hamcrest.Matchers.hasToString(containsString("registered"))));
        }

        List<OrderSummary> registered = ordersOf(phone);
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0).status()).isEqualTo(OrderStatus.REGISTERED);
        assertThat(registered.get(0).content()).isEqualTo("东关街后巷下雨后积水，老人出不了门");
    }

    @Test
    void theSameFormSentAgainWithOtherWordsIsRefusedNotTakenForTheFirst() throws Exception {
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        MockHttpSession operator = signIn(mvc, "operator1");
        mvc.perform(call("/console/intake", operator, phone, "COMPLAINT", "小区门口井盖缺失", key))
                .andExpect(status().isFound());

        mvc.perform(call("/console/intake", operator, phone, "COMPLAINT", "小区门口井盖缺失，晚上有人差点掉下去", key))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已用于另一个不同内容的受理请求")));
        assertThat(ordersOf(phone)).hasSize(1);
    }

    @Test
    void badInputIsShownNextToItsFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(call("/console/intake", signIn(mvc, "operator1"), "12345", "COMPLAINT", " ", key))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-intake-content\"")))
                .andExpect(content().string(containsString("id=\"err-intake-citizen.phone\"")))
                .andExpect(content().string(containsString("value=\"" + key + "\"")))
                .andExpect(content().string(containsString("value=\"古楼街道东关街 12 号\"")))
                .andExpect(content().string(containsString("value=\"12345\"")));
    }

    @Test
    void aPhoneCallWithoutTheCallersNumberIsRefusedAsTheApiRefusesIt() throws Exception {
        mvc.perform(call("/console/intake", signIn(mvc, "operator1"), "", "COMPLAINT", "路灯不亮", UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("电话渠道必须登记来电号码")));
    }

    @Test
    void anInquiryIsAnsweredAndClosedOnTheSpotAndOnlyAnInquiry() throws Exception {
        String phone = newPhone();
        MockHttpSession operator = signIn(mvc, "operator1");

        mvc.perform(call("/console/intake/answer", operator, phone, "INQUIRY", "社保卡补办需要带什么材料？",
                        UUID.randomUUID().toString()).param("intakeAnswer", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-intake-intakeAnswer\"")));
        mvc.perform(call("/console/intake/answer", operator, phone, "COMPLAINT", "培训机构拒不退费",
                        UUID.randomUUID().toString()).param("intakeAnswer", "建议您去法院起诉"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有咨询类诉求可以直接答复办结")));
        assertThat(ordersOf(phone)).isEmpty();

        mvc.perform(call("/console/intake/answer", operator, phone, "INQUIRY", "社保卡补办需要带什么材料？",
                        UUID.randomUUID().toString()).param("intakeAnswer", "携带身份证到区政务服务中心社保窗口办理"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.hasToString(containsString("answered"))));
        List<OrderSummary> answered = ordersOf(phone);
        assertThat(answered).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CLOSED));
        assertThat(service.find(answered.get(0).number(), ConsoleOrders.SUPERVISOR).intakeAnswer())
                .isEqualTo("携带身份证到区政务服务中心社保窗口办理");
    }

    @Test
    void aRepeatCallIsAttachedToTheOpenOrderInOneStep() throws Exception {
        OrderNumber master = new ConsoleOrders(service).dispatched("东关街后巷下雨后积水没过脚踝",
                new Citizen("赵大爷", newPhone(), false));
        String phone = newPhone();

        mvc.perform(call("/console/intake/attach", signIn(mvc, "operator1"), phone, "COMPLAINT", "东关街后巷又积水了",
                        UUID.randomUUID().toString()).param("master", master.value()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.hasToString(containsString(master.value()))));

        OrderSummary call = ordersOf(phone).get(0);
        assertThat(call.status()).isEqualTo(OrderStatus.MERGED);
        assertThat(service.find(call.number(), ConsoleOrders.SUPERVISOR).merge().master()).isEqualTo(master);
        assertThat(service.find(master, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isEqualTo(1);
    }

    @Test
    void aCallIsNotAttachedToAnOrderAlreadyRepliedAndNothingIsRegistered() throws Exception {
        OrderNumber replied = new ConsoleOrders(service).underway("花园路路灯不亮", new Citizen("李先生", newPhone(), false));
        service.reply(replied, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已更换灯泡", null, null, true),
                ConsoleOrders.handler("zf-handler", ConsoleOrders.ENFORCEMENT), null);
        String phone = newPhone();

        mvc.perform(call("/console/intake/attach", signIn(mvc, "operator1"), phone, "COMPLAINT", "花园路路灯还是不亮",
                        UUID.randomUUID().toString()).param("master", replied.value()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("主工单处于「已答复」状态，不能并入")))
                .andExpect(content().string(containsString("花园路路灯还是不亮")));
        assertThat(ordersOf(phone)).isEmpty();
        assertThat(service.find(replied, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isZero();
    }

    @Test
    void aFormWithoutItsCsrfTokenRegistersNothing() throws Exception {
        String phone = newPhone();
        mvc.perform(post("/console/intake").session(signIn(mvc, "operator1")).param("phone", phone)
                        .param("appealType", "COMPLAINT").param("content", "路灯不亮").param("channel", "PHONE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/intake/assist").session(signIn(mvc, "operator1")).param("content", "路灯不亮"))
                .andExpect(status().isForbidden());
        assertThat(ordersOf(phone)).isEmpty();
    }

    @Test
    void theLiveSuggestionMarksTheWordsBehindItInTheOperatorsText() throws Exception {
        mvc.perform(post("/console/intake/assist").session(signIn(mvc, "operator1")).with(csrf())
                        .param("content", "东关街后巷下雨后积水，老人出不了门").param("address", "古楼街道东关街"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("排水管网堵塞")))
                .andExpect(content().string(containsString("单位置信度 90%")))
                .andExpect(content().string(containsString("<mark>积水</mark>")))
                .andExpect(content().string(containsString("古楼街道")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/console/intake/assist").session(signIn(mvc, "zf-handler")).with(csrf())
                        .param("content", "积水"))
                .andExpect(status().isForbidden());
    }

    @Test
    void similarOpenOrdersAtTheSamePlaceAreOfferedToAttachTo() throws Exception {
        String word = "东关街" + UUID.randomUUID().toString().substring(0, 4);
        OrderNumber open = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("赵大爷", newPhone(), false), word + "后巷下雨后积水没过脚踝，排水口堵了",
                new Location("古楼街道" + word + "后巷", null, null), null, Urgency.NORMAL), null,
                ConsoleOrders.OPERATOR, null, null).order().number();

        mvc.perform(post("/console/intake/assist").session(signIn(mvc, "operator1")).with(csrf())
                        .param("content", word + "后巷又积水了，排水口堵了好几天").param("address", word + "后巷"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-number=\"" + open.value() + "\"")))
                .andExpect(content().string(containsString("并入此工单")))
                .andExpect(content().string(containsString("formaction=\"/console/intake/attach\"")));
    }

    @Test
    void aComplaintWithMarkupIsShownAsTextInTheHistoryAndTheSuggestion() throws Exception {
        String phone = newPhone();
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> 楼道积水";
        new ConsoleOrders(service).registered(hostile, new Citizen("<b>王</b>", phone, false));
        MockHttpSession operator = signIn(mvc, "operator1");

        mvc.perform(get("/console/intake/caller").session(operator).param("phone", phone))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        mvc.perform(post("/console/intake/assist").session(operator).with(csrf()).param("content", hostile))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(2)&gt; 楼道<mark>积水</mark>")));
    }
}
