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
 * The overdue lists through the API and as a workbook, on orders registered in May 2018 (long overdue by now):
 * three still with their unit past the deadline, one closed a day late, one replied in time.
 */
@HotlineIntegrationTest
class OverdueListApiTest {

    private static final String MAY = "from=2018-05-01&to=2018-05-31";
    private static final String PHONE = "13912345678";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '201805%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        rows.order("2018-05-02T09:00").lead("dcf-zhzfj").status("IN_PROGRESS").category("09.01.01")
                .deadline("2018-05-09T17:30").phone(PHONE).insert();
        rows.order("2018-05-03T09:00").lead("dcf-scjgj").status("IN_PROGRESS").deadline("2018-05-10T17:30")
                .phone(PHONE).insert();
        rows.order("2018-05-04T09:00").lead("dcf-gulou").status("DISPATCHED").deadline("2018-05-11T17:30")
                .phone(PHONE).insert();
        rows.order("2018-05-07T09:00").lead("dcf-zhzfj").deadline("2018-05-14T17:30").replied("2018-05-15T17:30")
                .closed("2018-05-16T09:00").phone(PHONE).insert();
        rows.order("2018-05-07T09:00").lead("dcf-zhzfj").deadline("2018-05-14T17:30").replied("2018-05-14T09:00")
                .closed("2018-05-16T09:00").phone(PHONE).insert();
    }

    @Test
    void theOpenListIsPagedLongestOverdueFirst() throws Exception {
        String first = api.json("supervisor1", url("overdue", "kind=OPEN&size=2&page=0&" + MAY));
        assertThat((Integer) JsonPath.read(first, "$.total")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(first, "$.items[*].leadUnitName"))
                .containsExactly("区综合行政执法局", "区市场监督管理局");
        assertThat((String) JsonPath.read(first, "$.items[0].categoryName")).isEqualTo("占道经营");
        String second = api.json("supervisor1", url("overdue", "kind=OPEN&size=2&page=1&" + MAY));
        assertThat((List<String>) JsonPath.read(second, "$.items[*].leadUnit")).containsExactly("dcf-gulou");
        assertThat((List<String>) JsonPath.read(second, "$.items[*].statusLabel")).containsExactly("待签收");
    }

    @Test
    void theClosedLateListSaysHowLateTheReplyWas() throws Exception {
        String json = api.json("director1", url("overdue", "kind=closed_late&" + MAY));
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(1);
        // replied 17:30 on the 15th against a deadline of 17:30 on the 14th: 24 hours late
        assertThat((Integer) JsonPath.read(json, "$.items[0].overdueHours")).isEqualTo(24);
        assertThat((String) JsonPath.read(json, "$.items[0].statusLabel")).isEqualTo("已办结");
    }

    @Test
    void noCitizenDataInTheList() throws Exception {
        String json = api.json("director1", url("overdue", MAY));
        assertThat(json).doesNotContain(PHONE).doesNotContain("王女士").doesNotContain("citizen");
    }

    @Test
    void theExportHoldsTheWholeListAndNeverAPhoneNumber() throws Exception {
        try (Workbook book = api.xlsx("director1", url("overdue/export.xlsx", "kind=OPEN&" + MAY))) {
            Sheet sheet = book.getSheet("超期未办结");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("超期未办结工单清单");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("共 3 条");
            assertThat(row(sheet, 2)).containsExactly("工单编号", "受理时间", "分类编码", "分类名称", "主办单位", "状态",
                    "办理期限", "答复时间", "办结时间", "超期时长（小时）");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            List<Object> first = row(sheet, 3);
            assertThat(first.subList(1, 7)).containsExactly("2018-05-02 09:00", "09.01.01", "占道经营", "区综合行政执法局",
                    "办理中", "2018-05-09 17:30");
            assertThat(StatisticsApi.everyCell(book)).doesNotContain(PHONE).doesNotContain("12345678")
                    .doesNotContain("139****5678").doesNotContain("王女士");
        }
    }
}
