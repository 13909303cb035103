package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.assessment.internal.AssessmentFixture.acknowledge;
import static org.hotline.assessment.internal.AssessmentFixture.dispatched;
import static org.hotline.assessment.internal.AssessmentFixture.reply;
import static org.hotline.workorder.WorkOrderFixture.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.Facts;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.UnitPeriod;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The assessment API as the demo users call it. A unit's users see their own unit's scores, explanation,
 * ranking entry and cases, and another unit's do not exist for them (404); the center sees all. A case moves
 * through the API as its lifecycle allows. Bad input names its field. The bulletin is the center's and never
 * shows a citizen's phone number. November 2025, a month no other test uses.
 */
@HotlineIntegrationTest
class AUnitSeesOnlyItsOwnScoresAndCasesTest {

    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId MARKET = new UnitId("dcf-scjgj");
    static final YearMonth NOVEMBER = YearMonth.of(2025, 11);
    static final String PHONE = "13812341234";

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrders orders;

    @Autowired
    AccountabilityCases cases;

    private static String overdueAtGulou;
    private static long gulouCase;
    private static long marketCase;

    @BeforeEach
    void november() throws Exception {
        if (overdueAtGulou != null) {
            return;
        }
        // Gulou leaves one order unanswered (the citizen's phone is 13812341234) and answers another;
        // Market answers both
        WorkOrder unanswered = acknowledge(dispatched(GULOU, List.of(), at("2025-11-03T09:00")),
                at("2025-11-03T09:10"));
        WorkOrder answered = reply(acknowledge(dispatched(GULOU, List.of(), at("2025-11-03T09:00")),
                at("2025-11-03T09:10")), true, at("2025-11-04T10:00"));
        orders.add(unanswered);
        orders.add(answered);
        for (int i = 0; i < 2; i++) {
            orders.add(reply(acknowledge(dispatched(MARKET, List.of(), at("2025-11-03T09:00")),
                    at("2025-11-03T09:10")), true, at("2025-11-04T10:00")));
        }
        overdueAtGulou = unanswered.number().value();
        call("admin", post("/api/v1/assessment/recompute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2025-11-01\",\"to\":\"2025-11-30\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.monthsEvaluated[0]").value("2025-11"));
        gulouCase = cases.add(caseFor(GULOU, "古楼街道")).getAsLong();
        marketCase = cases.add(caseFor(MARKET, "区市场监督管理局")).getAsLong();
    }

    // ---------------------------------------------------------------- isolation

    @Test
    void aUnitReadsItsOwnDailyScoresOnly() throws Exception {
        String own = body(call("gulou-handler", get("/api/v1/assessment/daily-scores?from=2025-11-01&to=2025-11-30"))
                .andExpect(status().isOk()));
        List<String> units = JsonPath.read(own, "$.items[*].unit");
        assertThat(units).isNotEmpty().containsOnly(GULOU.value());

        call("gulou-handler", get("/api/v1/assessment/daily-scores?unit=dcf-scjgj&from=2025-11-01&to=2025-11-30"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.items").doesNotExist());

        List<String> all = JsonPath.read(body(call("supervisor1",
                get("/api/v1/assessment/daily-scores?from=2025-11-01&to=2025-11-30&size=500"))), "$.items[*].unit");
        assertThat(all).contains(GULOU.value(), MARKET.value());
    }

    @Test
    void aUnitCannotReadAnotherUnitsExplanation() throws Exception {
        call("gulou-handler", get("/api/v1/assessment/units/dcf-scjgj/explanation?month=2025-11"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.indicators").doesNotExist());

        String own = body(call("gulou-handler", get("/api/v1/assessment/units/dcf-gulou/explanation?month=2025-11"))
                .andExpect(status().isOk()));
        List<String> overdue = JsonPath.read(own, "$.indicators[?(@.indicator == 'OVERDUE')].orders[*].number");
        assertThat(overdue).containsExactly(overdueAtGulou);
        assertThat(own).doesNotContain(PHONE);
    }

    @Test
    void aUnitSeesOnlyItsOwnPlaceInTheRanking() throws Exception {
        List<String> seen = JsonPath.read(body(call("gulou-handler", get("/api/v1/assessment/rankings/2025-11"))),
                "$.groups[*].units[*].unit");
        assertThat(seen).containsExactly(GULOU.value());

        List<String> center = JsonPath.read(body(call("director1", get("/api/v1/assessment/rankings/2025-11"))),
                "$.groups[*].units[*].unit");
        assertThat(center).contains(GULOU.value(), MARKET.value());
    }

    @Test
    void aUnitCannotReadOrAnswerAnotherUnitsCase() throws Exception {
        List<Integer> listed = JsonPath.read(body(call("gulou-handler", get("/api/v1/assessment/cases"))), "$[*].id");
        assertThat(listed).contains((int) gulouCase).doesNotContain((int) marketCase);

        call("gulou-handler", get("/api/v1/assessment/cases/" + marketCase)).andExpect(status().isNotFound());
        call("gulou-handler", get("/api/v1/assessment/cases?unit=dcf-scjgj")).andExpect(status().isNotFound());
        call("scj-leader", post("/api/v1/assessment/cases/" + gulouCase + "/explanation")
                .contentType(MediaType.APPLICATION_JSON).content("{\"explanation\":\"不是我们\"}"))
                .andExpect(status().isNotFound());
        assertThat(cases.find(gulouCase).orElseThrow().explanation()).isNull();
    }

    // ---------------------------------------------------------------- the lifecycle through the API

    @Test
    void theCaseIsExplainedByTheLeaderAndConcludedBySupervision() throws Exception {
        String url = "/api/v1/assessment/cases/" + marketCase;

        call("scj-handler", post(url + "/explanation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\":\"说明\"}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-the-units-leader"));
        call("supervisor1", post(url + "/conclusion").contentType(MediaType.APPLICATION_JSON)
                .content("{\"conclusion\":\"约谈\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("explanation-missing"));
        call("scj-leader", post(url + "/explanation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\":\"  \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("explanation"));

        call("scj-leader", post(url + "/explanation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\":\"十一月协办任务集中，已调整分工\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPLANATION_SUBMITTED"))
                .andExpect(header().string("ETag", "\"1\""));
        call("supervisor1", post(url + "/conclusion").header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"conclusion\":\"约谈\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("concurrent-change"));
        call("supervisor1", post(url + "/conclusion").header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"conclusion\":\"约谈单位负责人，限期整改\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONCLUDED"))
                .andExpect(jsonPath("$.statusLabel").value("已办结"));
        call("director1", post(url + "/conclusion").contentType(MediaType.APPLICATION_JSON)
                .content("{\"conclusion\":\"改为通报\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case-concluded"));
        assertThat(cases.find(marketCase).orElseThrow().conclusion()).isEqualTo("约谈单位负责人，限期整改");
    }

    // ---------------------------------------------------------------- the bulletin

    @Test
    void theBulletinIsTheCentersAndNeverShowsAPhoneNumber() throws Exception {
        call("gulou-leader", get("/api/v1/assessment/bulletins/2025-11")).andExpect(status().isForbidden());

        String json = body(call("supervisor1", get("/api/v1/assessment/bulletins/2025-11")).andExpect(status().isOk()));
        List<String> overdue = JsonPath.read(json, "$.overdue.orders[*].number");
        assertThat(overdue).contains(overdueAtGulou);
        assertThat(json).doesNotContain(PHONE).doesNotContain("王女士");

        String html = body(call("supervisor1", get("/api/v1/assessment/bulletins/2025-11/html"))
                .andExpect(status().isOk()));
        assertThat(html).contains("2025年11月", "@media print", overdueAtGulou, "古楼街道").doesNotContain(PHONE);

        byte[] xlsx = call("supervisor1", get("/api/v1/assessment/bulletins/2025-11/xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("红榜与末位");
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(cell.toString()).append('|');
                    }
                }
            }
        }
        assertThat(cells).contains(overdueAtGulou).doesNotContain(PHONE);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputNamesItsFieldAndChangesNothing() throws Exception {
        call("supervisor1", get("/api/v1/assessment/rankings/2025-13")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        call("supervisor1", get("/api/v1/assessment/daily-scores?from=2025-11-30&to=2025-11-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        call("supervisor1", get("/api/v1/assessment/daily-scores?size=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        call("admin", post("/api/v1/assessment/recompute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2025-11-30\",\"to\":\"2025-11-01\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        call("admin", post("/api/v1/assessment/recompute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2025-11-01\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        call("admin", post("/api/v1/assessment/recompute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2020-01-01\",\"to\":\"2025-11-01\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        call("supervisor1", post("/api/v1/assessment/recompute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2025-11-01\",\"to\":\"2025-11-02\"}")).andExpect(status().isForbidden());
        call("supervisor1", get("/api/v1/assessment/units/dcf-nowhere/explanation?month=2025-11"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessment/rankings/2025-11")).andExpect(status().isUnauthorized());
    }

    // ---------------------------------------------------------------- helpers

    private ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
            request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo123")));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static AccountabilityCase caseFor(UnitId unit, String name) {
        return AccountabilityCase.open(CaseKind.NON_COOPERATION, new UnitPeriod(unit, name,
                        unit.equals(MARKET) ? RankingGroup.INDUSTRY : RankingGroup.TERRITORIAL,
                        new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null)), NOVEMBER,
                name + " 协办不配合 4 次", "中心督办员；纪委", List.of(), List.of(), at("2025-12-01T01:30"));
    }
}
