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
 * Year over year through the API and as a workbook: July 2040 against July 2039. The enforcement bureau led 3
 * orders against 2; the market bureau 1 against none, a zero base.
 */
@HotlineIntegrationTest
class YearOverYearApiTest {

    private static final String JULY = "from=2040-07-01&to=2040-07-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '204007%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        rows.order("2039-07-01T00:10").lead("dcf-zhzfj").insert();
        rows.order("2039-07-31T23:50").lead("dcf-zhzfj").insert();
        rows.order("2039-08-01T00:10").lead("dcf-scjgj").insert(); // after the period
        rows.order("2040-07-02T09:00").lead("dcf-zhzfj").insert();
        rows.order("2040-07-03T09:00").lead("dcf-zhzfj").insert();
        rows.order("2040-07-04T09:00").lead("dcf-zhzfj").insert();
        rows.order("2040-07-05T09:00").lead("dcf-scjgj").insert();
    }

    @Test
    void eachUnitAgainstLastYearWithAZeroBaseReportedAsSuch() throws Exception {
        String json = api.json("director1", url("year-over-year", "by=UNIT&" + JULY));
        assertThat((String) JsonPath.read(json, "$.previous.from")).isEqualTo("2039-07-01");
        assertThat((String) JsonPath.read(json, "$.previous.to")).isEqualTo("2039-07-31");
        // in total 4 against 2: +2, +100.00%
        assertThat((Integer) JsonPath.read(json, "$.total.current")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(json, "$.total.previous")).isEqualTo(2);
        assertThat((Double) JsonPath.read(json, "$.total.changePercent")).isEqualTo(100.0);
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].key")).containsExactly("dcf-zhzfj", "dcf-scjgj");
        // 3 against 2: 1 × 100 / 2 = 50.00
        assertThat(json).contains("\"changePercent\":50.00");
        assertThat((Boolean) JsonPath.read(json, "$.rows[1].zeroBase")).isTrue();
        assertThat((Integer) JsonPath.read(json, "$.rows[1].change")).isEqualTo(1);
        // no percentage at all on a zero base (absent from the JSON, as every null is)
        assertThat((java.util.Map<String, Object>) JsonPath.read(json, "$.rows[1]")).doesNotContainKey("changePercent");
    }

    @Test
    void withoutABreakdownOnlyTheTotal() throws Exception {
        String json = api.json("director1", url("year-over-year", JULY));
        assertThat((List<Object>) JsonPath.read(json, "$.rows")).isEmpty();
        assertThat((Integer) JsonPath.read(json, "$.total.change")).isEqualTo(2);
    }

    @Test
    void theExportSaysZeroBaseInWords() throws Exception {
        try (Workbook book = api.xlsx("director1", url("year-over-year/export.xlsx", "by=UNIT&" + JULY))) {
            Sheet sheet = book.getSheet("同比");
            assertThat(row(sheet, 2)).containsExactly("编码", "主办单位名称", "本期", "上年同期", "增减量", "增减幅度（%）");
            assertThat(row(sheet, 3)).containsExactly("dcf-zhzfj", "区综合行政执法局", 3L, 2L, 1L, 50L);
            assertThat(row(sheet, 4)).containsExactly("dcf-scjgj", "区市场监督管理局", 1L, 0L, 1L, "上年同期为零");
            assertThat(row(sheet, 5)).containsExactly("合计", null, 4L, 2L, 2L, 100L);
        }
    }
}
