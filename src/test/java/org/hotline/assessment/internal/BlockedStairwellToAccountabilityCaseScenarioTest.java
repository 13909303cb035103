package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotline.organization.UnitId;
import org.hotline.quality.internal.QualityApi;
import org.hotline.quality.internal.QualityClock;
import org.hotline.quality.internal.QualityIntegrationTest;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * From a reply sent back to an accountability case: the quality loop and the assessment together, through the
 * REST API with the demo users, on a clock that walks through June and July 2026 (months no other test of this
 * context uses), the nightly assessment running every night at 01:30 as its timer would.
 *
 * <p>On Monday 1 June a resident of 古楼街道 complains that the stairwell of building 3 is blocked with old
 * furniture and boxes, a fire hazard. The street office replies the same afternoon that it has arranged the
 * clearing. The center's reviewer rejects the reply (it does not say what became of the rubbish) and the order
 * goes back for redo. The office replies again and the reviewer approves, but at the callback the resident says
 * the boxes are back: redo again. The third reply passes review, the resident is still unsatisfied, and after two
 * redos the order goes to a supervisor instead of a third redo. The supervisor sends it back once more with a
 * firm instruction; the office clears the stairwell with the property company and replies, and this time the
 * resident is satisfied and the order closes. A street-light complaint of the same morning goes smoothly.
 *
 * <p>Each night the assessment counts the day's records. Gulou's June explains its score by the stairwell order:
 * three redos, two unsatisfied callbacks. Gulou ends June fourth of six street offices, in the bottom three: one
 * bad month, no case. In July two more of its orders come back after unsatisfied callbacks and it is in the bottom
 * three again: on the night after July ends, a case is opened against it automatically, with both months' ranks
 * and the stairwell among its evidence. 新区街道 and 湖西街道, in the bottom three in July only, get none.
 */
@QualityIntegrationTest
class BlockedStairwellToAccountabilityCaseScenarioTest {

    static final UnitId LIUYUAN = new UnitId("dcf-liuyuan");
    static final UnitId XINQU = new UnitId("dcf-xinqu");
    static final UnitId HUXI = new UnitId("dcf-huxi");
    static final UnitId HOUYING = new UnitId("dcf-houying");
    static final UnitId DAOKOUPU = new UnitId("dcf-daokoupu");

    static final String UNSATISFIED = """
            {"reached":true,"resolved":false,"satisfaction":"UNSATISFIED","comment":"楼道里又堆满了纸箱"}
            """;
    static final String SATISFIED = """
            {"reached":true,"resolved":true,"satisfaction":"SATISFIED","comment":"已经清理干净了"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkOrders orders;

    @Autowired
    QualityClock clock;

    @Autowired
    NightlyAssessment nightly;

    private LocalDate lastNight = LocalDate.of(2026, 6, 1);

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aReplySentBackThreeTimesAndTwoMonthsAtTheBottomOpenACaseAgainstTheStreetOffice() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbcClient);

        // Monday 1 June: the stairwell, and a street light; the office replies to both in the afternoon.
        clock.set("2026-06-01T09:00");
        String stairwell = api.inProgress("三号楼楼道堆满废旧家具和纸箱，堵住了消防通道", null, "dcf-gulou", "gulou-handler");
        String streetLight = api.inProgress("东关街路灯连续三晚不亮", null, "dcf-gulou", "gulou-handler");
        clock.set("2026-06-01T15:00");
        api.reply("gulou-handler", stairwell, "已安排清理").andExpect(status().isOk());
        api.reply("gulou-handler", streetLight, "已更换灯泡，路灯恢复照明").andExpect(status().isOk());

        // Tuesday: the reviewer sends the stairwell back, and passes the street light.
        clock.set("2026-06-02T09:00");
        api.post("reviewer1", decision(stairwell), "{\"approve\":false,\"reason\":\"答复未说明杂物清理结果\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.check.outcome").value("REDONE_AFTER_REVIEW"));
        api.approve("reviewer1", streetLight).andExpect(status().isOk());
        clock.set("2026-06-02T10:00");
        api.post("gulou-handler", "/api/v1/orders/" + stairwell + "/acknowledge", "").andExpect(status().isOk());

        // Wednesday: the second reply passes review; the street-light caller is satisfied and that order closes.
        clock.set("2026-06-03T10:00");
        api.reply("gulou-handler", stairwell, "已清理楼道内杂物两车").andExpect(status().isOk());
        api.callback("supervisor1", streetLight, SATISFIED).andExpect(status().isOk())
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));
        clock.set("2026-06-03T14:00");
        api.approve("reviewer1", stairwell).andExpect(status().isOk());

        // Thursday: the resident says the boxes are back. Second redo.
        clock.set("2026-06-04T10:00");
        api.callback("supervisor1", stairwell, UNSATISFIED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("REDONE_AFTER_CALLBACK"));
        clock.set("2026-06-04T11:00");
        api.post("gulou-handler", "/api/v1/orders/" + stairwell + "/acknowledge", "").andExpect(status().isOk());
        clock.set("2026-06-05T10:00");
        api.reply("gulou-handler", stairwell, "已再次清理并张贴禁止堆放告示").andExpect(status().isOk());
        clock.set("2026-06-05T14:00");
        api.approve("reviewer1", stairwell).andExpect(status().isOk());

        // Monday 8 June: unsatisfied again after two redos: the order goes to a supervisor, not back to the office.
        clock.set("2026-06-08T10:00");
        api.callback("supervisor1", stairwell, UNSATISFIED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("ESCALATED"))
                .andExpect(jsonPath("$.orderStatus").value("REPLIED"));
        assertThat(JsonPath.<List<String>>read(QualityApi.json(api.get("supervisor1",
                "/api/v1/quality/escalations?size=200")), "$.items[*].number")).contains(stairwell);

        // The supervisor sends it back once more; the office clears it with the property company; satisfied.
        clock.set("2026-06-08T11:00");
        api.post("supervisor1", "/api/v1/orders/" + stairwell + "/redo",
                "{\"reason\":\"督办：会同物业彻底清理并建立巡查制度\"}").andExpect(status().isOk());
        clock.set("2026-06-08T14:00");
        api.post("gulou-handler", "/api/v1/orders/" + stairwell + "/acknowledge", "").andExpect(status().isOk());
        clock.set("2026-06-09T10:00");
        api.reply("gulou-handler", stairwell, "已会同物业清空楼道，物业每日巡查").andExpect(status().isOk());
        clock.set("2026-06-09T14:00");
        api.approve("reviewer1", stairwell).andExpect(status().isOk());
        clock.set("2026-06-10T10:00");
        api.callback("supervisor1", stairwell, SATISFIED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("CLOSED_CONFIRMED"))
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));
        assertThat(JsonPath.<List<String>>read(QualityApi.json(api.get("supervisor1",
                "/api/v1/quality/orders/" + stairwell)), "$[*].outcome")).containsExactly("REDONE_AFTER_REVIEW",
                "REDONE_AFTER_CALLBACK", "ESCALATED", "CLOSED_CONFIRMED");

        // The other street offices' June (four orders each, called back; how many residents were unsatisfied).
        theirMonth("2026-06-03", Map.of(LIUYUAN, 0, XINQU, 1, HUXI, 2, HOUYING, 3, DAOKOUPU, 4));

        // The nights of June: each day is counted on the nights after it.
        nightsUntil("2026-06-30");
        String scores = QualityApi.json(api.get("gulou-leader",
                "/api/v1/assessment/daily-scores?from=2026-06-01&to=2026-06-30&size=100").andExpect(status().isOk()));
        assertThat(sum(scores, "REPLIED")).isEqualTo(5);
        assertThat(sum(scores, "REDONE")).isEqualTo(3);
        assertThat(sum(scores, "UNSATISFIED")).isEqualTo(2);
        assertThat(sum(scores, "SATISFIED")).isEqualTo(2);
        assertThat(sum(scores, "RESPONDED")).as("only the replies that stood count as responses").isEqualTo(2);

        // The leader asks why: the explanation names the stairwell for every redo and unsatisfied callback.
        String why = QualityApi.json(api.get("gulou-leader", "/api/v1/assessment/units/dcf-gulou/explanation?month=2026-06")
                .andExpect(status().isOk()));
        assertThat(ordersOf(why, "REDONE")).containsExactly(stairwell, stairwell, stairwell);
        assertThat(ordersOf(why, "UNSATISFIED")).containsExactly(stairwell, stairwell);
        assertThat(ordersOf(why, "SATISFIED")).containsExactlyInAnyOrder(streetLight, stairwell);
        // 10 × 2/5 responded + 50 × 2/4 resolved + 40 × 2/4 satisfied, less 0.5 for each low-quality reply, and
        // the whole 5 points of patrol shortfall: Gulou's two field reporters filed nothing in June
        int lowQuality = sum(scores, "REPLY_LOW_QUALITY");
        assertThat(lowQuality).as("the short replies are scored low").isPositive();
        assertThat(JsonPath.<Integer>read(why, "$.card.patrolCoverage.filed")).isZero();
        assertThat(JsonPath.<Double>read(why, "$.card.penalties.patrolShortfall")).isEqualTo(5.0);
        assertThat(JsonPath.<Double>read(why, "$.card.score")).isEqualTo(49.0 - 0.5 * lowQuality - 5.0);

        // The first week of July's nights ranks June. Gulou is fourth of six, in the bottom three; no case for one month.
        nightsUntil("2026-07-08");
        assertThat(territorial(api, "2026-06")).containsExactly("dcf-liuyuan", "dcf-xinqu", "dcf-huxi", "dcf-gulou",
                "dcf-houying", "dcf-daokoupu");
        assertThat(casesOf(api, "2026-06")).isEmpty();

        // July: two more complaints come back after unsatisfied callbacks before they close.
        clock.set("2026-07-01T09:00");
        String bins = api.inProgress("小区垃圾桶满溢三天无人清运", null, "dcf-gulou", "gulou-handler");
        String pothole = api.inProgress("背街小巷路面塌陷一个大坑", null, "dcf-gulou", "gulou-handler");
        clock.set("2026-07-01T15:00");
        for (String n : List.of(bins, pothole)) {
            api.reply("gulou-handler", n, "已安排处理").andExpect(status().isOk());
        }
        clock.set("2026-07-02T09:00");
        for (String n : List.of(bins, pothole)) {
            api.approve("reviewer1", n).andExpect(status().isOk());
        }
        clock.set("2026-07-03T10:00");
        for (String n : List.of(bins, pothole)) {
            api.callback("supervisor1", n, UNSATISFIED).andExpect(status().isOk())
                    .andExpect(jsonPath("$.check.outcome").value("REDONE_AFTER_CALLBACK"));
        }
        clock.set("2026-07-03T11:00");
        for (String n : List.of(bins, pothole)) {
            api.post("gulou-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());
        }
        clock.set("2026-07-06T10:00");
        for (String n : List.of(bins, pothole)) {
            api.reply("gulou-handler", n, "已处理完毕并回访确认").andExpect(status().isOk());
        }
        clock.set("2026-07-06T14:00");
        for (String n : List.of(bins, pothole)) {
            api.approve("reviewer1", n).andExpect(status().isOk());
        }
        clock.set("2026-07-07T10:00");
        for (String n : List.of(bins, pothole)) {
            api.callback("supervisor1", n, SATISFIED).andExpect(status().isOk())
                    .andExpect(jsonPath("$.orderStatus").value("CLOSED"));
        }
        theirMonth("2026-07-02", Map.of(LIUYUAN, 0, DAOKOUPU, 1, HOUYING, 2, XINQU, 3, HUXI, 4));

        // The night after July ends ranks July and opens the case: Gulou, at the bottom two months running.
        nightsUntil("2026-08-01");
        assertThat(territorial(api, "2026-07")).containsExactly("dcf-liuyuan", "dcf-daokoupu", "dcf-houying",
                "dcf-gulou", "dcf-xinqu", "dcf-huxi");
        String july = QualityApi.json(api.get("supervisor1", "/api/v1/assessment/cases?month=2026-07"));
        assertThat(JsonPath.<List<String>>read(july, "$[*].unit")).as("Xinqu and Huxi were at the bottom in July only")
                .containsExactly("dcf-gulou");
        assertThat(JsonPath.<String>read(july, "$[0].kind")).isEqualTo("BOTTOM_THREE");
        assertThat(JsonPath.<String>read(july, "$[0].reason")).contains("古楼街道", "连续两个月排名末位");

        // The case, as the street office's leader sees it: both months' ranks, and the orders behind them.
        int id = JsonPath.read(july, "$[0].id");
        String detail = QualityApi.json(api.get("gulou-leader", "/api/v1/assessment/cases/" + id)
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<Integer>>read(detail, "$.scores[*].rank")).containsExactly(4, 4);
        assertThat(JsonPath.<String>read(detail, "$.addressedTo")).contains("纪委");
        assertThat(JsonPath.<List<String>>read(detail, "$.orders[?(@.indicator == 'REDONE')].number"))
                .contains(stairwell, bins, pothole);
        api.get("xinqu-handler", "/api/v1/assessment/cases/" + id).andExpect(status().isNotFound());
    }

    /** Four orders of each street office on {@code day}, with as many unsatisfied residents as given. */
    private void theirMonth(String day, Map<UnitId, Integer> unsatisfied) {
        unsatisfied.forEach((unit, n) -> AssessmentFixture.fourOrdersCalledBack(orders, jdbc, unit, day, n, null));
    }

    /**
     * The nights up to {@code last} pass: at 01:30 each, the nightly assessment runs. A day has gone by since
     * the last night, so the scheduler lock that night's run held (a minute at least) has long run out.
     */
    private void nightsUntil(String last) {
        for (LocalDate night = lastNight.plusDays(1); !night.isAfter(LocalDate.parse(last)); night = night.plusDays(1)) {
            jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = 'assessment-nightly'");
            clock.set(night + "T01:30");
            assertThat(nightly.run()).as("the night of %s", night).isNotNull();
            lastNight = night;
        }
    }

    private static String decision(String n) {
        return "/api/v1/quality/reviews/" + n + "/decision";
    }

    private static int sum(String dailyScores, String indicator) {
        List<Integer> counts = JsonPath.read(dailyScores, "$.items[*].counts." + indicator);
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    private static List<String> ordersOf(String explanation, String indicator) {
        return JsonPath.read(explanation, "$.indicators[?(@.indicator == '" + indicator + "')].orders[*].number");
    }

    /** The street offices in the month's ranking, best first (the center's view). */
    private static List<String> territorial(QualityApi api, String month) throws Exception {
        return JsonPath.read(QualityApi.json(api.get("director1", "/api/v1/assessment/rankings/" + month)
                .andExpect(status().isOk())), "$.groups[?(@.group == 'TERRITORIAL')].units[*].unit");
    }

    private static List<String> casesOf(QualityApi api, String month) throws Exception {
        return JsonPath.read(QualityApi.json(api.get("supervisor1", "/api/v1/assessment/cases?month=" + month)
                .andExpect(status().isOk())), "$[*].unit");
    }
}
