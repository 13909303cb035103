package org.hotline.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.statistics.api.StatisticsApi.row;
import static org.hotline.statistics.api.StatisticsApi.url;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneOffset;
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
 * The triage figures (分流统计) through the API and as a workbook: in June 2043 the center registered three appeals
 * by phone (one referred to 119, one recorded invalid, one dispatched) and one on the web (dispatched).
 */
@HotlineIntegrationTest
class TriageFiguresApiTest {

    private static final String JUNE = "from=2043-06-01&to=2043-06-30";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsApi api;

    @BeforeEach
    void orders() {
        api = new StatisticsApi(mvc);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number LIKE '204306%'", Integer.class) > 0) {
            return;
        }
        order("20430602-000001", "PHONE", "EMERGENCY", "FIRE");
        order("20430602-000002", "PHONE", "INVALID", "SILENT");
        order("20430602-000003", "PHONE", null, null);
        order("20430602-000004", "WEB", null, null);
    }

    @Test
    void theCenterSeesWhatBecameOfTheAppealsPerChannel() throws Exception {
        String json = api.json("director1", url("triage", JUNE));

        assertThat((Integer) JsonPath.read(json, "$.total.registered")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(json, "$.total.appeals")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(json, "$.total.fire")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(json, "$.total.invalid")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(json, "$.channels[*].channelLabel")).containsExactly("电话", "网站");
        assertThat((List<String>) JsonPath.read(json, "$.points[*].period")).containsExactly("2043-06");
    }

    @Test
    void theExportHasTheOverallAndThePerChannelSheets() throws Exception {
        try (Workbook book = api.xlsx("director1", url("triage/export.xlsx", JUNE))) {
            Sheet overall = book.getSheet("总体");
            assertThat(row(overall, 2)).startsWith("统计周期", "开始日期", "结束日期", "受理总数", "诉求量（不含无效）", "派单办理",
                    "紧急转接", "转 110", "转 119");
            assertThat(row(overall, 3)).startsWith("2043-06", "2043-06-01", "2043-06-30", 4L, 3L, 2L, 1L, 0L, 1L);
            assertThat(book.getSheet("分渠道")).isNotNull();
            assertThat(book.getSheet("分流建议采纳")).isNotNull();
        }
    }

    @Test
    void onlyTheCenterSeesTheTriageFigures() throws Exception {
        api.get("zf-handler", url("triage", JUNE)).andExpect(status().isForbidden());
        api.get("operator1", url("triage/export.xlsx", JUNE)).andExpect(status().isForbidden());
        api.get("director1", url("triage", "from=2043-06-30&to=2043-06-01")).andExpect(status().isBadRequest());
    }

    private void order(String number, String channel, String outcome, String route) {
        jdbc.update("""
                INSERT INTO work_order (number, version, channel, appeal_type, confidential, content, urgency,
                  registered_at, registered_by, status, returns_requested, extension_days_used, pending_extension_days,
                  redo_count, supervision_count, merged_count, history_size, intake_outcome, intake_route)
                VALUES (?, 0, ?, 'COMPLAINT', FALSE, '分流统计', 'NORMAL', ?, 'operator1', ?, 0, 0, 0, 0, 0, 0, 1, ?, ?)
                """, number, channel, StatisticsRows.beijing("2043-06-02T10:00").atOffset(ZoneOffset.UTC),
                outcome == null ? "REGISTERED" : "CLOSED", outcome, route);
    }
}
