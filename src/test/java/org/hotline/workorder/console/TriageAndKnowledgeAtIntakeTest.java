package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.support.ConsolePagesTest;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Triage and the knowledge base on the intake screen: the triage panel tells the operator to transfer an
 * emergency at once and offers the one action that settles the call as advised, through the same intake service
 * and rules as the API's triage decision; the knowledge panel offers the published entries for the text, and one
 * action answers the inquiry with an entry and closes it. Who may ask is the API's rule; the citizen's text is
 * shown as text.
 */
@ConsolePagesTest
class TriageAndKnowledgeAtIntakeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    private static String newPhone() {
        return "136" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static MockHttpServletRequestBuilder call(String path, MockHttpSession session, String phone, String type,
            String content) {
        return post(path).session(session).with(csrf()).param("idempotencyKey", UUID.randomUUID().toString())
                .param("phone", phone).param("name", "周先生").param("appealType", type).param("content", content)
                .param("address", "古楼街道东关街 3 号楼").param("channel", "PHONE");
    }

    private List<OrderSummary> ordersOf(String phone) {
        return service.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, 0, 50)
                .byCaller(phone, null), ConsoleOrders.SUPERVISOR).items();
    }

    private WorkOrder onlyOrderOf(String phone) {
        List<OrderSummary> orders = ordersOf(phone);
        assertThat(orders).hasSize(1);
        return service.find(orders.get(0).number(), ConsoleOrders.SUPERVISOR);
    }

    /** Written by a supervisor, published by the director, as the knowledge API does it; returns its id. */
    private long published(String title, String answer, String keyword) throws Exception {
        String body = mvc.perform(post("/api/v1/knowledge").with(httpBasic("supervisor1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"%s","answer":"%s","policyBasis":"演示依据","unit":"dcf-zjj","keywords":["%s"]}
                        """.formatted(title, answer, keyword)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/knowledge/" + id + "/submit").with(httpBasic("supervisor1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/knowledge/" + id + "/review").with(httpBasic("director1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isOk());
        return id;
    }

    @Test
    void anEmergencyTellsTheOperatorToTransferAtOnceWithTheWordsBehindIt() throws Exception {
        mvc.perform(post("/console/intake/triage").session(signIn(mvc, "operator1")).with(csrf())
                        .param("content", "东关街三号楼着火了，楼上还有人").param("appealType", "HELP_REQUEST")
                        .param("channel", "PHONE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-outcome=\"EMERGENCY\"")))
                .andExpect(content().string(containsString("请立即转接 119（消防救援）")))
                .andExpect(content().string(containsString("<mark>着火</mark>")))
                .andExpect(content().string(containsString("value=\"EMERGENCY:FIRE\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/console/intake/triage").session(signIn(mvc, "operator1")).with(csrf())
                        .param("content", "小区门口路灯坏了一个星期").param("appealType", "COMPLAINT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-outcome=\"DISPATCH\"")))
                .andExpect(content().string(not(containsString("name=\"settle\""))));
    }

    @Test
    void onlyTheDeskRolesAskForTriageAndKnowledgeAtIntake() throws Exception {
        mvc.perform(post("/console/intake/triage").session(signIn(mvc, "zf-handler")).with(csrf())
                .param("content", "着火了")).andExpect(status().isForbidden());
        mvc.perform(post("/console/intake/knowledge").session(signIn(mvc, "zf-handler")).with(csrf())
                .param("content", "公积金")).andExpect(status().isForbidden());
        mvc.perform(post("/console/intake/triage").session(signIn(mvc, "operator1"))
                .param("content", "着火了")).andExpect(status().isForbidden());
    }

    @Test
    void aCallTransferredToAnEmergencyServiceIsRegisteredAndClosedAsReferred() throws Exception {
        String phone = newPhone();
        mvc.perform(call("/console/intake/settle", signIn(mvc, "operator1"), phone, "HELP_REQUEST",
                        "东关街三号楼着火了，楼上还有人").param("settle", "EMERGENCY:FIRE"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.hasToString(containsString("119 消防救援"))));

        WorkOrder order = onlyOrderOf(phone);
        assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(order.intakeOutcome()).isEqualTo(TriageOutcome.EMERGENCY);
        assertThat(order.intakeRoute()).isEqualTo("FIRE");
        assertThat(order.leadUnit()).as("never dispatched").isNull();
    }

    @Test
    void aRedirectionNeedsTheExplanationTheCitizenWasGivenAsTheApiRequires() throws Exception {
        String phone = newPhone();
        MockHttpSession operator = signIn(mvc, "operator1");
        String content = "我和房东的押金纠纷已经起诉到法院了，想让你们催一下";
        mvc.perform(call("/console/intake/settle", operator, phone, "COMPLAINT", content)
                        .param("settle", "OTHER_CHANNEL:LITIGATION").param("triageExplanation", " "))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("class=\"alert")));
        assertThat(ordersOf(phone)).isEmpty();

        mvc.perform(call("/console/intake/settle", operator, phone, "COMPLAINT", content)
                        .param("settle", "OTHER_CHANNEL:LITIGATION")
                        .param("triageExplanation", "案件已由人民法院受理，请向承办法官了解进展。"))
                .andExpect(status().isFound());
        WorkOrder order = onlyOrderOf(phone);
        assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(order.intakeOutcome()).isEqualTo(TriageOutcome.OTHER_CHANNEL);
        assertThat(order.intakeRoute()).isEqualTo("LITIGATION");
    }

    @Test
    void aSettlementTheFormDoesNotOfferIsRefusedNextToTheButtonAndRegistersNothing() throws Exception {
        String phone = newPhone();
        for (String bad : new String[] { "EMERGENCY:999", "INVALID:NOSUCH", "DISPATCH:X", "EMERGENCY", "" }) {
            mvc.perform(call("/console/intake/settle", signIn(mvc, "operator1"), phone, "COMPLAINT", "测试来电")
                            .param("settle", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"err-intake-settle\"")));
        }
        assertThat(ordersOf(phone)).isEmpty();
    }

    @Test
    void theKnowledgePanelOffersPublishedEntriesAndAnswersAnInquiryWithOne() throws Exception {
        String thing = "电动三轮车" + UUID.randomUUID().toString().substring(0, 4);
        String answer = thing + "上牌请携带身份证、购车发票和合格证到车管所办理。";
        long id = published(thing + "上牌需要什么材料", answer, thing + "上牌");
        MockHttpSession operator = signIn(mvc, "operator1");

        mvc.perform(post("/console/intake/knowledge").session(operator).with(csrf())
                        .param("content", "想问一下" + thing + "上牌要带什么"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-entry=\"" + id + "\"")))
                .andExpect(content().string(containsString("上牌请携带身份证")))
                .andExpect(content().string(containsString("name=\"knowledgeEntry\" value=\"" + id + "\"")))
                .andExpect(content().string(not(containsString("<html"))));

        String phone = newPhone();
        mvc.perform(call("/console/intake/answer", operator, phone, "COMPLAINT", "想问一下" + thing + "上牌要带什么")
                        .param("knowledgeEntry", String.valueOf(id)).param("knowledgeAnswer." + id, answer))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有咨询类诉求可以直接答复办结")));
        assertThat(ordersOf(phone)).isEmpty();

        mvc.perform(call("/console/intake/answer", operator, phone, "INQUIRY", "想问一下" + thing + "上牌要带什么")
                        .param("knowledgeEntry", String.valueOf(id)).param("knowledgeAnswer." + id, answer))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.hasToString(containsString("answered"))));
        WorkOrder order = onlyOrderOf(phone);
        assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(order.intakeOutcome()).isEqualTo(TriageOutcome.KNOWLEDGE);
        assertThat(order.intakeRoute()).isEqualTo(String.valueOf(id));
        assertThat(order.intakeAnswer()).isEqualTo(answer);
    }

    @Test
    void anAppealWithMarkupIsShownAsTextInTheTriageAndKnowledgePanels() throws Exception {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> 楼里着火了";
        MockHttpSession operator = signIn(mvc, "operator1");
        mvc.perform(post("/console/intake/triage").session(operator).with(csrf()).param("content", hostile)
                        .param("appealType", "HELP_REQUEST"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(post("/console/intake/knowledge").session(operator).with(csrf()).param("content", hostile))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }
}
