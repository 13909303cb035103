package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
 * The director's overrides (主任决定办结) per period and per unit, through the API and as a workbook: in March
 * 2042 the director closed two of the market bureau's replied orders and one of Gulou's outside the quality
 * loop; one more of Gulou's closed through the loop, which is no override.
 */
@HotlineIntegrationTest
class OverridesApiTest {

    private static final String QUARTER = "from=2042-03-01&to=2042-05-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void overrides() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '204203%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        for (String day : List.of("2042-03-10T10:00", "2042-03-20T10:00")) {
            rows.history(rows.order("2042-03-02T09:00").lead("dcf-scjgj").closed(day).insert(), "OVERRIDE_CLOSE", day);
        }
        rows.history(rows.order("2042-03-02T09:00").lead("dcf-gulou").closed("2042-04-01T10:00").insert(),
                "OVERRIDE_CLOSE", "2042-04-01T10:00");
        rows.history(rows.order("2042-03-02T09:00").lead("dcf-gulou").closed("2042-04-02T10:00").insert(), "CLOSE",
                "2042-04-02T10:00");
    }

    @Test
    void theCenterSeesTheOverridesPerMonthOverallAndPerUnit() throws Exception {
        String json = api.json("director1", url("overrides", QUARTER));
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(json, "$.overall[*].period")).containsExactly("2042-03", "2042-04",
                "2042-05");
        assertThat((List<Integer>) JsonPath.read(json, "$.overall[*].count")).containsExactly(2, 1, 0);
        assertThat((List<String>) JsonPath.read(json, "$.units[*].unitName")).containsExactly("古楼街道", "区市场监督管理局");
        assertThat((List<Integer>) JsonPath.read(json, "$.units[*].total")).containsExactly(1, 2);
    }

    @Test
    void theExportHasAnOverallSheetAndAPerUnitSheet() throws Exception {
        try (Workbook book = api.xlsx("director1", url("overrides/export.xlsx", QUARTER))) {
            Sheet overall = book.getSheet("总体");
            assertThat(row(overall, 2)).containsExactly("统计周期", "开始日期", "结束日期", "主任决定办结数");
            assertThat(row(overall, 3)).containsExactly("2042-03", "2042-03-01", "2042-03-31", 2L);
            assertThat(row(overall, 6)).containsExactly("合计", "2042-03-01", "2042-05-31", 3L);
            Sheet perUnit = book.getSheet("分单位");
            assertThat(row(perUnit, 3)).containsExactly("dcf-gulou", "古楼街道", "2042-03", "2042-03-01", "2042-03-31",
                    0L);
            assertThat(row(perUnit, 6)).containsExactly("dcf-gulou", "古楼街道", "合计", "2042-03-01", "2042-05-31", 1L);
            assertThat(row(perUnit, 10)).containsExactly("dcf-scjgj", "区市场监督管理局", "合计", "2042-03-01",
                    "2042-05-31", 2L);
        }
    }

    @Test
    void aUnitSeesOnlyItsOwnOverrides() throws Exception {
        String json = api.json("gulou-handler", url("overrides", QUARTER));
        assertThat((String) JsonPath.read(json, "$.unit")).isEqualTo("dcf-gulou");
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(json, "$.units[*].unit")).containsExactly("dcf-gulou");
        api.get("gulou-handler", url("overrides", QUARTER + "&unit=dcf-scjgj")).andExpect(status().isNotFound());
        api.get("operator1", url("overrides", QUARTER)).andExpect(status().isForbidden());
    }
}
