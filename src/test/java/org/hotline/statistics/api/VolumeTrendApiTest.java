package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;

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
 * Volume trends through the API and as a workbook, on orders of March 2037: Monday 2 March starts ISO week
 * 2037-W10; one order on Sunday 8 March at 23:30 Beijing time (still the 8th, though 15:30 UTC), two the next
 * Monday, none the week after, one on 31 March.
 */
@HotlineIntegrationTest
class VolumeTrendApiTest {

    private static final String MARCH = "from=2037-03-02&to=2037-03-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '203703%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        rows.order("2037-03-08T23:30").insert();
        rows.order("2037-03-09T08:30").insert();
        rows.order("2037-03-09T09:30").insert();
        rows.order("2037-03-31T17:00").insert();
    }

    @Test
    void weeksRunMondayToSundayAndEmptyWeeksShowZero() throws Exception {
        String json = api.json("director1", url("volume-trend", "period=WEEK&" + MARCH));
        assertThat((List<String>) JsonPath.read(json, "$.points[*].period"))
                .containsExactly("2037-W10", "2037-W11", "2037-W12", "2037-W13", "2037-W14");
        assertThat((List<Integer>) JsonPath.read(json, "$.points[*].count")).containsExactly(1, 2, 0, 0, 1);
        // the last week is cut to the report's last day
        assertThat((String) JsonPath.read(json, "$.points[4].from")).isEqualTo("2037-03-30");
        assertThat((String) JsonPath.read(json, "$.points[4].to")).isEqualTo("2037-03-31");
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(4);
    }

    @Test
    void monthIsTheDefaultPeriod() throws Exception {
        String json = api.json("reviewer1", url("volume-trend", MARCH));
        assertThat((String) JsonPath.read(json, "$.period")).isEqualTo("MONTH");
        assertThat((List<Integer>) JsonPath.read(json, "$.points[*].count")).containsExactly(4);
    }

    @Test
    void theExportListsEveryPeriodWithATotal() throws Exception {
        try (Workbook book = api.xlsx("director1", url("volume-trend/export.xlsx", "period=day&" + MARCH))) {
            Sheet sheet = book.getSheet("工单量走势");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单量走势（按日）");
            assertThat(row(sheet, 2)).containsExactly("统计周期", "开始日期", "结束日期", "工单量");
            assertThat(row(sheet, 3)).containsExactly("2037-03-02", "2037-03-02", "2037-03-02", 0L);
            assertThat(row(sheet, 9)).containsExactly("2037-03-08", "2037-03-08", "2037-03-08", 1L);
            assertThat(row(sheet, 10)).containsExactly("2037-03-09", "2037-03-09", "2037-03-09", 2L);
            // 30 days, then the total
            assertThat(row(sheet, 33)).containsExactly("合计", "2037-03-02", "2037-03-31", 4L);
            assertThat(sheet.getLastRowNum()).isEqualTo(33);
        }
    }
}
