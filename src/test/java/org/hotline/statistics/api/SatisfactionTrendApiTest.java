package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;

import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.hotline.statistics.StatisticsRows;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Satisfaction and resolution trends through the API and as a workbook, from callbacks the quality module
 * made in 2038: in January the market bureau's citizens were 2 satisfied and 1 basically satisfied (all
 * resolved), Gulou's 1 unsatisfied (unresolved); in February nobody was reached (one attempt failed).
 */
@HotlineIntegrationTest
class SatisfactionTrendApiTest {

    private static final String QUARTER = "from=2038-01-01&to=2038-03-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void callbacks() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '203801%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        for (String answer : List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED")) {
            rows.reached(rows.order("2038-01-04T09:00").lead("dcf-scjgj").insert(), "dcf-scjgj", "2038-01-10T10:00",
                    answer, true);
        }
        rows.reached(rows.order("2038-01-04T09:00").lead("dcf-gulou").insert(), "dcf-gulou", "2038-01-11T10:00",
                "UNSATISFIED", false);
        rows.callback(rows.order("2038-01-20T09:00").lead("dcf-gulou").insert(), "dcf-gulou", 1, "2038-02-03T10:00",
                null, null);
    }

    @Test
    void theCenterSeesTheMonthlyRatesOverallAndPerUnit() throws Exception {
        String json = api.json("director1", url("satisfaction-trend", QUARTER));
        assertThat((List<String>) JsonPath.read(json, "$.overall[*].period"))
                .containsExactly("2038-01", "2038-02", "2038-03");
        // January: (2 + 0.9 + 0) / 4 = 72.50%; resolved 3 of 4 = 75.00%
        assertThat(json).contains("\"satisfactionRate\":72.50").contains("\"resolutionRate\":75.00");
        assertThat((Integer) JsonPath.read(json, "$.overall[0].rated")).isEqualTo(4);
        // February: an unreached attempt is no rating, and no rating is no rate
        assertThat((Integer) JsonPath.read(json, "$.overall[1].rated")).isZero();
        // (absent from the JSON, as every null is)
        assertThat((Map<String, Object>) JsonPath.read(json, "$.overall[1]")).containsKey("rated")
                .doesNotContainKeys("satisfactionRate", "resolutionRate");
        // per unit, by unit code: Gulou 0.00%, the market bureau (2 + 0.9) / 3 = 96.67%
        assertThat((List<String>) JsonPath.read(json, "$.units[*].unitName")).containsExactly("古楼街道", "区市场监督管理局");
        assertThat(json).contains("\"satisfactionRate\":96.67").contains("\"satisfactionRate\":0.00");
    }

    @Test
    void theExportHasAnOverallSheetAndAPerUnitSheet() throws Exception {
        try (Workbook book = api.xlsx("director1", url("satisfaction-trend/export.xlsx", QUARTER))) {
            Sheet overall = book.getSheet("总体");
            assertThat(row(overall, 2)).containsExactly("统计周期", "开始日期", "结束日期", "回访成功数", "满意", "基本满意",
                    "不满意", "满意率（%）", "已解决", "未解决", "解决率（%）");
            assertThat(row(overall, 3)).containsExactly("2038-01", "2038-01-01", "2038-01-31", 4L, 2L, 1L, 1L, 72.5,
                    3L, 1L, 75L);
            assertThat(row(overall, 4)).containsExactly("2038-02", "2038-02-01", "2038-02-28", 0L, 0L, 0L, 0L, "—",
                    0L, 0L, "—");
            assertThat(row(overall, 6).get(0)).isEqualTo("合计");

            Sheet perUnit = book.getSheet("分单位");
            assertThat(row(perUnit, 2).subList(0, 3)).containsExactly("单位编码", "单位名称", "统计周期");
            // Gulou's three months and its total come first (rows 3 to 6), then the market bureau's
            assertThat(row(perUnit, 3)).containsExactly("dcf-gulou", "古楼街道", "2038-01", "2038-01-01", "2038-01-31",
                    1L, 0L, 0L, 1L, 0L, 0L, 1L, 0L);
            assertThat(row(perUnit, 6).subList(0, 3)).containsExactly("dcf-gulou", "古楼街道", "合计");
            assertThat(row(perUnit, 7)).containsExactly("dcf-scjgj", "区市场监督管理局", "2038-01", "2038-01-01",
                    "2038-01-31", 3L, 2L, 1L, 0L, 96.67, 3L, 0L, 100L);
        }
    }

    @Test
    void aUnitSeesOnlyItsOwnTrend() throws Exception {
        String json = api.json("gulou-handler", url("satisfaction-trend", QUARTER));
        assertThat((String) JsonPath.read(json, "$.unit")).isEqualTo("dcf-gulou");
        assertThat((Integer) JsonPath.read(json, "$.total.rated")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(json, "$.units[*].unit")).containsExactly("dcf-gulou");
    }
}
