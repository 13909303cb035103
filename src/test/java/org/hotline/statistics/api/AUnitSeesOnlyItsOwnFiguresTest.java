package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
 * A unit's users see their own unit's figures only: every report is filtered to their unit whatever they ask
 * for, and naming another unit answers 404, as another unit's order does. Operators have no statistics (403);
 * nobody has them without signing in (401). Orders of February 2041 and, for the overdue list, June 2017.
 */
@HotlineIntegrationTest
class AUnitSeesOnlyItsOwnFiguresTest {

    private static final String FEBRUARY = "from=2041-02-01&to=2041-02-28";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '204102%'", Integer.class) > 0) {
            return;
        }
        StatisticsRows rows = new StatisticsRows(jdbc);
        rows.order("2041-02-03T09:00").lead("dcf-zhzfj").category("09.01.01").insert();
        rows.order("2041-02-04T09:00").lead("dcf-zhzfj").category("09.01.01").insert();
        rows.order("2041-02-05T09:00").lead("dcf-scjgj").category("08.01.01").insert();
        rows.order("2017-06-05T09:00").lead("dcf-scjgj").status("IN_PROGRESS").deadline("2017-06-12T17:30").insert();
        rows.order("2017-06-05T09:00").lead("dcf-zhzfj").status("IN_PROGRESS").deadline("2017-06-12T17:30").insert();
    }

    @Test
    void aUnitsReportHoldsOnlyItsOwnOrders() throws Exception {
        String json = api.json("scj-handler", url("volumes", "by=UNIT&" + FEBRUARY));
        assertThat((String) JsonPath.read(json, "$.unit")).isEqualTo("dcf-scjgj");
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].key")).containsExactly("dcf-scjgj");

        String categories = api.json("zf-leader", url("volumes", FEBRUARY));
        assertThat((Integer) JsonPath.read(categories, "$.total")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(categories, "$.rows[*].label")).containsExactly("城市管理");
    }

    @Test
    void namingItsOwnUnitIsFine() throws Exception {
        api.get("scj-handler", url("volumes", "unit=dcf-scjgj&" + FEBRUARY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anotherUnitsFiguresAreNotFound() throws Exception {
        for (String path : List.of("volumes", "volumes/export.xlsx", "volume-trend", "satisfaction-trend",
                "satisfaction-trend/export.xlsx", "overdue", "overdue/export.xlsx", "year-over-year")) {
            api.get("scj-handler", url(path, "unit=dcf-zhzfj&" + FEBRUARY)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.total").doesNotExist()).andExpect(jsonPath("$.rows").doesNotExist());
        }
    }

    @Test
    void aUnitsOverdueListAndItsExportHoldOnlyItsOwnOrders() throws Exception {
        String json = api.json("scj-handler", url("overdue", "from=2017-06-01&to=2017-06-30"));
        assertThat((List<String>) JsonPath.read(json, "$.items[*].leadUnit")).containsExactly("dcf-scjgj");
        try (Workbook book = api.xlsx("scj-handler", url("overdue/export.xlsx", "from=2017-06-01&to=2017-06-30"))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).contains("区市场监督管理局");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            assertThat(row(book.getSheetAt(0), 3).get(4)).isEqualTo("区市场监督管理局");
        }
    }

    @Test
    void yearOverYearIsTheUnitsOwnToo() throws Exception {
        String json = api.json("zf-handler", url("year-over-year", FEBRUARY));
        assertThat((Integer) JsonPath.read(json, "$.total.current")).isEqualTo(2);
    }

    @Test
    void theCenterSeesEveryUnit() throws Exception {
        String json = api.json("dispatcher1", url("volumes", "by=UNIT&" + FEBRUARY));
        assertThat((List<String>) JsonPath.read(json, "$.rows[*].key")).containsExactly("dcf-zhzfj", "dcf-scjgj");
        api.get("admin", url("volumes", "unit=dcf-zhzfj&" + FEBRUARY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void operatorsHaveNoStatistics() throws Exception {
        api.get("operator1", url("volumes", FEBRUARY)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("statistics-not-allowed"));
        api.get("operator1", url("overdue/export.xlsx", "")).andExpect(status().isForbidden());
    }

    @Test
    void nobodyWithoutSigningIn() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url("volumes", FEBRUARY)))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(url("volumes/export.xlsx", FEBRUARY))).andExpect(status().isUnauthorized());
    }
}
