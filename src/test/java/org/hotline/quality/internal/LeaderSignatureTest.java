package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A leader signs a sampled callback by re-entering their password: a wrong password is refused (403) and nothing
 * is written; only the sampled unit's leader signs, once; the center's report counts what was signed and when.
 */
@QualityIntegrationTest
class LeaderSignatureTest {

    /** Monday 7 December 2026: this class's sampled day. */
    private static final String DAY = "2026-12-07";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    private QualityApi api;
    private static String number;

    @BeforeEach
    void theStreetOfficeRepliedOneOrderOnMondayAndItWasDrawn() throws Exception {
        api = new QualityApi(mvc, jdbc);
        if (number != null) {
            return;
        }
        clock.set(DAY + "T10:00");
        number = api.inProgress("楼道里堆满杂物，消防通道堵了", null, "dcf-gulou", "gulou-handler");
        api.reply("gulou-handler", number, "已组织社区清理楼道杂物").andExpect(status().isOk());
        clock.set("2026-12-08T00:30");
        api.post("admin", "/api/v1/admin/quality/leader-samples/draws?day=" + DAY, "").andExpect(status().isOk());
        clock.set("2026-12-08T09:00");
    }

    @Test
    void theLeaderSeesTheSampleWithTheCitizensFullNumber() throws Exception {
        api.get("gulou-leader", "/api/v1/quality/leader-samples?day=" + DAY).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(number))
                .andExpect(jsonPath("$[0].citizenPhone").value("13812341234"))
                .andExpect(jsonPath("$[0].publicReply").value("已组织社区清理楼道杂物"))
                .andExpect(jsonPath("$[0].overdue").value(false));
        api.get("gulou-handler", "/api/v1/quality/leader-samples").andExpect(status().isForbidden());
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, Object> before = row();

        api.post("gulou-leader", signature(), body("wrong-password"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("wrong-password"));

        assertThat(row()).isEqualTo(before);
    }

    @Test
    void onlyTheSampledUnitsLeaderSigns() throws Exception {
        Map<String, Object> before = row();
        api.post("gulou-handler", signature(), body(QualityApi.PASSWORD)).andExpect(status().isForbidden());
        api.post("zf-leader", signature(), body(QualityApi.PASSWORD)).andExpect(status().isNotFound());
        api.post("supervisor1", signature(), body(QualityApi.PASSWORD)).andExpect(status().isForbidden());
        assertThat(row()).isEqualTo(before);
    }

    @Test
    void aSignatureWithoutPasswordOrWithAnIncompleteResultNamesTheField() throws Exception {
        Map<String, Object> before = row();
        api.post("gulou-leader", signature(), "{\"reached\":true,\"resolved\":true,\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        api.post("gulou-leader", signature(), "{\"reached\":true,\"resolved\":true,\"password\":\"demo123\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        assertThat(row()).isEqualTo(before);
    }

    @Test
    void theRightPasswordSignsOnceAndTheReportCountsIt() throws Exception {
        api.post("gulou-leader", signature(), body(QualityApi.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leader").value("gulou-leader"))
                .andExpect(jsonPath("$.satisfaction").value("BASICALLY_SATISFIED"));
        assertThat(row()).containsEntry("leader", "gulou-leader").containsEntry("reached", true)
                .containsEntry("resolved", true).containsEntry("satisfaction", "BASICALLY_SATISFIED");

        api.post("gulou-leader", signature(), body(QualityApi.PASSWORD))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-signed"));

        api.get("supervisor1", "/api/v1/quality/leader-samples/report?day=" + DAY).andExpect(status().isOk())
                .andExpect(jsonPath("$.units[?(@.unit == 'dcf-gulou')].drawn").value(1))
                .andExpect(jsonPath("$.units[?(@.unit == 'dcf-gulou')].completed").value(1))
                .andExpect(jsonPath("$.units[?(@.unit == 'dcf-gulou')].overdue").value(0));
        api.get("gulou-leader", "/api/v1/quality/leader-samples/report?day=" + DAY).andExpect(status().isForbidden());
    }

    private String signature() {
        return "/api/v1/quality/leader-samples/" + DAY + "/" + number + "/signature";
    }

    private static String body(String password) {
        return """
                {"reached":true,"resolved":true,"satisfaction":"BASICALLY_SATISFIED","comment":"杂物清了，还有几袋没运走",
                 "password":"%s"}
                """.formatted(password);
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM leader_sample WHERE sample_day = DATE '" + DAY + "' AND order_number = :n")
                .param("n", number).query().singleRow();
    }
}
