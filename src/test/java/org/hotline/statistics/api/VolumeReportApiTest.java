package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;

import java.util.Arrays;
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
 * Volumes and shares through the API and as a workbook. Orders are registered in January 2036, a month no
 * other test uses: 3 about 城市管理 (09) for the enforcement bureau, 1 about 市场监管 (08) for the market bureau.
 */
@HotlineIntegrationTest
class VolumeReportApiTest {

    private static final String JANUARY = "from=2036-01-01&to=2036-01-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '203601%'", Integer.class) > 0) {
            return; // written by an earlier test of this class: the context and its database are shared
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        rows.order("2036-01-05T09:00").category("09.01.01").lead("dcf-zhzfj").insert();
        rows.order("2036-01-06T09:00").category("09.02.01").lead("dcf-zhzfj").insert();
        rows.order("2036-01-31T23:50").category("09.01.01").lead("dcf-zhzfj").channel("APP").insert();
        rows.order("2036-01-07T09:00").category("08.01.01").lead("dcf-scjgj").insert();
    }

    @Test
    void theDirectorGetsTheCategorySharesNamedInChinese() throws Exception {
        String json = api.json("director1", url("volumes", "by=CATEGORY&level=1&" + JANUARY));
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(4);
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].label")).containsExactly("城市管理", "市场监管");
        assertThat((List<Integer>) JsonPath.read(json, "$.rows[*].count")).containsExactly(3, 1);
        // 3 × 100 / 4 = 75.00, printed with its two decimals
        assertThat(json).contains("\"percent\":75.00").contains("\"percent\":25.00");
        assertThat((String) JsonPath.read(json, "$.range.from")).isEqualTo("2036-01-01");
    }

    @Test
    void theUnitBreakdownNamesTheLeadUnits() throws Exception {
        String json = api.json("supervisor1", url("volumes", "by=unit&" + JANUARY));
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].key")).containsExactly("dcf-zhzfj", "dcf-scjgj");
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].label")).containsExactly("区综合行政执法局", "区市场监督管理局");
    }

    @Test
    void theExportHasChineseHeadersTheSameFiguresAndATotal() throws Exception {
        try (Workbook book = api.xlsx("director1", url("volumes/export.xlsx", "by=CATEGORY&level=1&" + JANUARY))) {
            Sheet sheet = book.getSheet("工单量");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单量统计（按分类，1级）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("2036-01-01 至 2036-01-31");
            assertThat(row(sheet, 2)).containsExactly("编码", "分类名称", "工单量", "总量", "占比（%）");
            assertThat(row(sheet, 3)).containsExactly("09", "城市管理", 3L, 4L, 75L);
            assertThat(row(sheet, 4)).containsExactly("08", "市场监管", 1L, 4L, 25L);
            assertThat(row(sheet, 5)).isEqualTo(Arrays.asList("合计", null, 4L, 4L, 100L));
            assertThat(sheet.getRow(3).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }

    @Test
    void aCategoryFilterNarrowsTheReport() throws Exception {
        String json = api.json("director1", url("volumes", "by=CHANNEL&category=09&" + JANUARY));
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].label")).containsExactly("电话", "移动端");
    }
}
