package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Import: a history file is read to the end whatever its rows hold. Missing label, empty text, unknown label
 * and over-long text are counted and reported with their row numbers; the good rows are imported.
 */
@HotlineIntegrationTest
class AnImportReportsBadRowsAndSkipsThemTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCsvWithBadRowsIsImportedToTheEndWithEachRejectAndItsReason() throws Exception {
        String csv = """
                id,label,subject,detail,text,tokens,time
                1,城乡建设,小区物业乱收费,兴华小区物业乱收停车费,,,2024-03-01 09:15:00
                2,,路灯不亮,柳园路路灯不亮,,,2024-03-01 10:00:00
                3,交通运输,,,,,2024-03-02 08:00:00
                4,城市建设,道路破损,光岳路路面破损,,,2024-03-02 09:00:00
                5,05.01.03,,,饭店油烟直排熏到楼上住户,,
                6,dcf-gulou,东关街占道,东关街早市占道经营,,,
                7,环境保护,噪声,%s,,,
                8,交通运输,,,,公交 站点 太远 出行 不便,2024-03-03
                """.formatted("很长的内容".repeat(1000));

        String body = upload(new MockMultipartFile("file", "history.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)), "history.csv");

        assertThat((Integer) JsonPath.read(body, "$.rowsRead")).isEqualTo(8);
        assertThat((Integer) JsonPath.read(body, "$.accepted")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(body, "$.rejected")).isEqualTo(4);
        List<Integer> rows = JsonPath.read(body, "$.rejects[*].row");
        List<String> reasons = JsonPath.read(body, "$.rejects[*].reason");
        assertThat(rows).containsExactly(3, 4, 5, 8);
        assertThat(reasons.get(0)).isEqualTo("缺少标签");
        assertThat(reasons.get(1)).isEqualTo("内容为空");
        assertThat(reasons.get(2)).contains("城市建设");
        assertThat(reasons.get(3)).contains("内容过长");
        assertThat((Integer) JsonPath.read(body, "$.percent")).isEqualTo(100);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT label || '/' || label_kind FROM dispatch_example WHERE import_id = :id ORDER BY id")
                .param("id", id).query(String.class).list())
                .containsExactly("01/CATEGORY", "05.01.03/CATEGORY", "dcf-gulou/UNIT", "07/CATEGORY");
    }

    @Test
    void aRowWithANulOrAControlCharacterIsRejectedNotStored() throws Exception {
        String csv = "id,label,subject,detail,text,tokens,time\n"
                + "1,城乡建设,物业,兴华小区物业乱收\u0000停车费,,,\n"
                + "2,城乡建设,物业,柳园小区电梯\u0007停运,,,\n"
                + "3,城乡建设,物业,光岳小区\t物业不作为,,,\n";
        String body = upload(new MockMultipartFile("file", "controls.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)), "controls.csv");
        assertThat((Integer) JsonPath.read(body, "$.accepted")).isEqualTo(1);
        List<Integer> rows = JsonPath.read(body, "$.rejects[*].row");
        List<String> reasons = JsonPath.read(body, "$.rejects[*].reason");
        assertThat(rows).containsExactly(2, 3);
        assertThat(reasons.get(0)).contains("U+0000");
        assertThat(reasons.get(1)).contains("U+0007");
    }

    @Test
    void anXlsxWithMappedColumnsIsImportedTheSameWay() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("工单");
            String[][] rows = {
                    { "工单编号", "承办单位", "诉求内容", "受理时间" },
                    { "A1", "区综合行政执法局", "花园路烧烤摊油烟很大", "2024-05-01 20:00:00" },
                    { "A2", "不存在的单位", "兴华路井盖缺失", "2024-05-02" },
                    { "A3", "dcf-power", "", "2024-05-03" },
                    { "A4", "东昌府供电服务中心", "侯营镇东庄村停电一天了", "" } };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            book.write(xlsx);
        }

        String body = upload(new MockMultipartFile("file", "工单导出.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray()),
                "工单导出.xlsx", "labelColumn", "承办单位", "bodyColumn", "诉求内容", "timeColumn", "受理时间");

        assertThat((Integer) JsonPath.read(body, "$.rowsRead")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(body, "$.accepted")).isEqualTo(2);
        List<Integer> rows = JsonPath.read(body, "$.rejects[*].row");
        assertThat(rows).containsExactly(3, 4);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT label FROM dispatch_example WHERE import_id = :id AND label_kind = 'UNIT' ORDER BY id")
                .param("id", id).query(String.class).list()).containsExactly("dcf-zhzfj", "dcf-power");
    }

    @Test
    void aFileWithoutTheLabelColumnFailsWithTheReason() throws Exception {
        String body = upload(new MockMultipartFile("file", "wrong.csv", "text/csv",
                "类别,内容\n城乡建设,物业乱收费\n".getBytes(StandardCharsets.UTF_8)), "wrong.csv");

        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(body, "$.failure")).contains("label");
    }

    @Test
    void timeLeftFollowsThePaceSoFar() {
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
        HistoryImports.Progress halfOfTheRowsInTenSeconds = new HistoryImports.Progress(1, "a.xlsx", "RUNNING",
                "admin", 499, 480, 19, List.of(), null, null, 1000, null, start, start.plusSeconds(10), null);
        HistoryImports.Progress aQuarterOfTheBytesInTwentySeconds = new HistoryImports.Progress(2, "a.csv",
                "RUNNING", "admin", 300, 300, 0, List.of(), 4_000_000L, 1_000_000L, null, null, start,
                start.plusSeconds(20), null);

        assertThat(halfOfTheRowsInTenSeconds.secondsLeft()).isEqualTo(10);
        assertThat(halfOfTheRowsInTenSeconds.percent()).isEqualTo(50);
        assertThat(halfOfTheRowsInTenSeconds.rowsPerSecond()).isEqualTo(49.9);
        assertThat(aQuarterOfTheBytesInTwentySeconds.secondsLeft()).isEqualTo(60);
        assertThat(aQuarterOfTheBytesInTwentySeconds.percent()).isEqualTo(25);
    }

    /** Uploads as admin, expects 202 with the job's location, and polls it until the job has finished. */
    private String upload(MockMultipartFile file, String name, String... params) throws Exception {
        var request = multipart("/api/v1/admin/dispatch/imports").file(file).with(httpBasic("admin", "demo123"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String started = mvc.perform(request).andExpect(status().isAccepted())
                .andExpect(header().exists("Location")).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(started, "$.fileName")).isEqualTo(name);
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        String[] last = new String[1];
        // the job shares its thread with the first-start training, which may still run
        LearningFixture.eventually("import " + id + " to finish", Duration.ofMinutes(3), () -> {
            try {
                last[0] = mvc.perform(get("/api/v1/admin/dispatch/imports/" + id).with(httpBasic("admin", "demo123")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return !"RUNNING".equals(JsonPath.read(last[0], "$.status"));
        });
        return last[0];
    }
}
