package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hotline.assessment.Indicator;
import org.hotline.organization.UnitId;
import org.hotline.patrol.PatrolCoverage;
import org.hotline.patrol.PatrolDay;
import org.hotline.patrol.PatrolKind;
import org.hotline.patrol.PatrolReport;
import org.hotline.patrol.PatrolService;
import org.hotline.patrol.internal.PatrolReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A town's patrol coverage counted in the assessment, read through the patrol module: each day's reports due and
 * filed (each reporter up to their own quota) are stored with the town's day, a month's sums are the patrol
 * statistics' coverage of that month, the explanation and the ranking API show the facts and what they cost, and
 * the director's ranking shows the coverage beside the score for the towns only. Run on both databases
 * ({@link PatrolCoverageInTheAssessmentOnH2Test}, {@link PatrolCoverageInTheAssessmentOnPostgresTest}): the new
 * columns and the range query are per database. A town of its own with two reporters of its own, in months no other
 * test uses (February and March 2024).
 */
abstract class PatrolCoverageInTheAssessmentContract {

    private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    Assessments assessments;
    @Autowired
    PatrolService patrol;
    @Autowired
    PatrolReports reports;
    @Autowired
    JdbcClient jdbc;

    UnitId town;
    String busy;
    String idle;

    @BeforeEach
    void aTownWithTwoFieldReporters() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        town = new UnitId("patrol-town-" + suffix);
        admin(post("/api/v1/admin/units"), """
                {"id":"%s","name":"巡查测试镇%s","kind":"TERRITORIAL","active":true}""".formatted(town.value(), suffix));
        busy = "patrol-busy-" + suffix;
        idle = "patrol-idle-" + suffix;
        for (String reporter : List.of(busy, idle)) {
            admin(post("/api/v1/admin/users"), """
                    {"username":"%s","displayName":"巡查员","password":"patrol-test-1","role":"FIELD_REPORTER",
                     "unitId":"%s","enabled":true}""".formatted(reporter, town.value()));
        }
    }

    @AfterEach
    void theReportersLeave() throws Exception {
        // disabled, they are nobody's due any more: other tests' recomputes do not count this town's patrol
        for (String reporter : List.of(busy, idle)) {
            admin(put("/api/v1/admin/users/" + reporter), """
                    {"displayName":"巡查员","role":"FIELD_REPORTER","unitId":"%s","enabled":false}"""
                    .formatted(town.value()));
        }
    }

    @Test
    void aMonthsPatrolFactsAreThePatrolStatisticsCoverageAndCostTheTownItsShortfall() throws Exception {
        // the busy reporter files 400 in February (40 over the quota of 360, which count for nothing), the idle one 60
        file(busy, FEBRUARY.atDay(1), 400);
        file(idle, FEBRUARY.atDay(10), 60);

        assessments.recompute(FEBRUARY.atDay(1), FEBRUARY.atEndOfMonth());

        PatrolCoverage coverage = patrol.coverage(town, FEBRUARY, FEBRUARY.atEndOfMonth());
        assertThat(coverage.expected()).isEqualTo(720);
        assertThat(coverage.counted()).isEqualTo(420);
        String why = api("/api/v1/assessment/units/" + town.value() + "/explanation?month=2024-02");
        assertThat(JsonPath.<Integer>read(why, "$.card.patrolCoverage.due")).isEqualTo(coverage.expected());
        assertThat(JsonPath.<Integer>read(why, "$.card.patrolCoverage.filed")).isEqualTo(coverage.counted());
        assertThat(JsonPath.<Integer>read(why, "$.card.patrolCoverage.shortfall")).isEqualTo(300);
        assertThat(JsonPath.<Double>read(why, "$.card.patrolCoverage.rate")).isEqualTo(0.5833);
        // 5 points × 300 / 720 not filed
        assertThat(JsonPath.<Double>read(why, "$.card.penalties.patrolShortfall")).isEqualTo(2.08);
        assertThat(JsonPath.<List<Integer>>read(why, "$.indicators[?(@.indicator == 'PATROL_DUE')].count"))
                .containsExactly(720);

        // the stored days sum to the same: the ranking reads them
        var card = assessments.ranking(FEBRUARY).unscored().stream().filter(u -> u.unit().equals(town))
                .findFirst().orElseThrow().card();
        assertThat(card.facts().count(Indicator.PATROL_DUE)).isEqualTo(720);
        assertThat(card.facts().count(Indicator.PATROL_FILED)).isEqualTo(420);
        assertThat(card.patrolShortfallPenalty()).isCloseTo(5.0 * 300 / 720, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theDaysOfAMonthSoFarSumToItsCoverageAsOfTheLastOfThem() {
        LocalDate fifteenth = FEBRUARY.atDay(15);
        file(busy, FEBRUARY.atDay(2), 150);
        file(busy, FEBRUARY.atDay(12), 100);
        file(idle, FEBRUARY.atDay(14), 30);

        List<PatrolDay> days = patrol.coverageByDay(FEBRUARY.atDay(1), fifteenth.plusDays(1)).stream()
                .filter(d -> d.town().equals(town)).toList();
        PatrolCoverage coverage = patrol.coverage(town, FEBRUARY, fifteenth);

        assertThat(days).hasSize(15);
        assertThat(days.stream().mapToInt(PatrolDay::due).sum()).isEqualTo(coverage.expected());
        assertThat(days.stream().mapToInt(PatrolDay::filed).sum()).isEqualTo(coverage.counted());
        assertThat(days.stream().mapToInt(PatrolDay::reported).sum()).isEqualTo(280);
        // a range that starts in the month counts its days as the month so far says
        List<PatrolDay> secondWeek = patrol.coverageByDay(FEBRUARY.atDay(8), fifteenth.plusDays(1)).stream()
                .filter(d -> d.town().equals(town)).toList();
        assertThat(secondWeek).isEqualTo(days.subList(7, 15));
    }

    @Test
    void theDirectorsRankingShowsATownsCoverageWithItsFactsAndTheRankingApiItsParts() throws Exception {
        // a March day as the assessment stores it: every rate 100%, three quarters of the patrol reports filed
        String columns = java.util.Arrays.stream(Indicator.values()).map(i -> i.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String values = java.util.Arrays.stream(Indicator.values()).map(i -> switch (i) {
            case REPLIED, REPLIED_ON_TIME, RESPONDED, CALLBACK_RESOLVED, SATISFIED -> "4";
            case PATROL_DUE -> "100";
            case PATROL_FILED -> "75";
            default -> "0";
        }).collect(Collectors.joining(", "));
        jdbc.sql("INSERT INTO unit_daily_score (score_day, unit_id, " + columns + ", computed_at) VALUES (:day, :unit, "
                + values + ", :at)").param("day", LocalDate.of(2024, 3, 15)).param("unit", town.value())
                .param("at", java.time.OffsetDateTime.now(ZONE)).update();

        String ranking = api("/api/v1/assessment/rankings/2024-03");
        String path = "$.groups[?(@.group == 'TERRITORIAL')].units[?(@.unit == '" + town.value() + "')].card";
        assertThat(JsonPath.<List<Double>>read(ranking, path + ".score")).containsExactly(98.75);
        assertThat(JsonPath.<List<Integer>>read(ranking, path + ".patrolCoverage.shortfall")).containsExactly(25);

        String page = mvc.perform(get("/console/dashboard?period=pick&month=2024-03").session(signIn(mvc, "director1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf(">巡查测试镇" + town.value().substring(12) + "</a>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("98.75").contains("75.0%").contains("实报 75 / 应报 100，缺报 25")
                .contains("巡查缺报扣 1.25 分");
        // the column is the towns' only
        assertThat(page.split("data-label=\"巡查覆盖\"", -1).length - 1)
                .as("one patrol cell per territorial row, none for departments")
                .isEqualTo(countTerritorialRows(page));
    }

    private static int countTerritorialRows(String page) {
        String territorial = page.substring(page.indexOf("<h3>属地镇街</h3>"), page.indexOf("<h3>行业部门</h3>"));
        return territorial.split("<tr", -1).length - 2; // less the header row
    }

    private void file(String reporter, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            reports.add(new PatrolReport(UUID.randomUUID().toString(), reporter, "巡查员", town, PatrolKind.SAFETY_HAZARD,
                    "村道边电线杆倾斜第 " + i + " 处", "测试村", null, null, false, null,
                    day.atTime(9, 0).atZone(ZONE).toInstant(), 0), day, List.of());
        }
    }

    private String api(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("director1", "demo123"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        mvc.perform(request.with(httpBasic("admin", "demo123")).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful());
    }
}
