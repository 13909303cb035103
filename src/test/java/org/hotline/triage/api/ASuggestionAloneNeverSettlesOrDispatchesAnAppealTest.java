package org.hotline.triage.api;

import static org.hotline.triage.api.TriageApi.body;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.AutoDispatch;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With an AI dispatcher sure of every appeal, an appeal nobody decided on that triage says is not the hotline's to
 * dispatch (an emergency, another channel, an invalid call) waits for a person; it is neither dispatched nor
 * closed by the suggestion. The operator's explicit decision for dispatch lets it go as usual.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.dispatch.train-at-first-start=false",
        "spring.datasource.url=jdbc:h2:mem:hotline-triage-hold;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(ASuggestionAloneNeverSettlesOrDispatchesAnAppealTest.SureDispatcher.class)
class ASuggestionAloneNeverSettlesOrDispatchesAnAppealTest {

    /** An AI dispatcher that would send every order to the enforcement bureau at once. */
    @TestConfiguration
    static class SureDispatcher {
        @Bean
        @Primary
        AutoDispatch sureOfEverything() {
            return new AutoDispatch() {
                @Override
                public Decision decide(OrderNumber number, WorkOrder.Appeal appeal) {
                    return new Decision() {
                        @Override
                        public Optional<Proposal> proposal() {
                            return Optional.of(new Proposal(new UnitId("dcf-zhzfj"), List.of(), null, "测试：总是派单"));
                        }

                        @Override
                        public void record() {
                        }
                    };
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    TriageApi api;

    @BeforeEach
    void api() {
        api = new TriageApi(mvc);
    }

    @Test
    void anOrdinaryAppealIsDispatchedAutomatically() throws Exception {
        api.register("WEB", "COMPLAINT", "东关街的路灯不亮了", null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.triage.decision").value("DISPATCH"));
    }

    @Test
    void anAppealTriageHoldsWaitsForAPerson() throws Exception {
        for (String content : List.of("小区里有人拿刀追人", "我已经申请了劳动仲裁，公司还是不给钱", "测试")) {
            api.register("WEB", "COMPLAINT", content, null, null).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("REGISTERED"))
                    .andExpect(jsonPath("$.leadUnit").doesNotExist())
                    .andExpect(jsonPath("$.intakeOutcome").doesNotExist())
                    .andExpect(jsonPath("$.triage.awaitingDecision").value(true));
        }
    }

    @Test
    void theOperatorsDecisionForDispatchLetsItGo() throws Exception {
        String body = body(api.register("PHONE", "COMPLAINT", "楼下饭店着火了", "{\"decision\":\"DISPATCH\"}", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.triage.advice.outcome").value("EMERGENCY")));
        org.assertj.core.api.Assertions.assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.status"))
                .isEqualTo("DISPATCHED");
    }
}
