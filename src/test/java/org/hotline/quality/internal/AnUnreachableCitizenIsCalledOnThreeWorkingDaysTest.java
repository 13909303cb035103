package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Callback retries through the application: a citizen not reached on Friday leaves the queue until Monday
 * morning, an early retry is refused, a bad attempt names its field and records nothing, and after the third
 * failed attempt the order closes as unreachable (回访未接通).
 */
@QualityIntegrationTest
class AnUnreachableCitizenIsCalledOnThreeWorkingDaysTest {

    private static final String NOT_REACHED = "{\"reached\":false,\"comment\":\"无人接听\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @Test
    void aFridayFailureIsRetriedMondayAndTheThirdFailureClosesTheOrder() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        clock.set("2026-12-11T10:00");
        String n = api.inProgress("小区门口井盖松动", null, "dcf-gulou", "gulou-handler");
        api.reply("gulou-handler", n, "已加固井盖").andExpect(status().isOk());
        api.approve("reviewer1", n).andExpect(status().isOk());
        assertThat(due(api)).contains(n);

        api.callback("supervisor1", n, "{\"reached\":true,\"resolved\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        api.callback("supervisor1", n, "{\"reached\":false,\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        api.callback("reviewer1", n, NOT_REACHED).andExpect(status().isForbidden());
        assertThat(attempts(n)).isZero();

        clock.set("2026-12-11T16:00");
        api.callback("supervisor1", n, NOT_REACHED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.callbackDue").value("2026-12-14T08:30:00+08:00"));
        assertThat(due(api)).doesNotContain(n);
        clock.set("2026-12-13T10:00");
        api.callback("supervisor1", n, NOT_REACHED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("callback-not-due"));

        clock.set("2026-12-14T08:30");
        assertThat(due(api)).contains(n);
        api.callback("supervisor1", n, NOT_REACHED).andExpect(status().isOk());
        clock.set("2026-12-15T09:00");
        api.callback("supervisor1", n, NOT_REACHED).andExpect(status().isOk())
                .andExpect(jsonPath("$.check.outcome").value("CLOSED_UNREACHABLE"))
                .andExpect(jsonPath("$.orderStatus").value("CLOSED"));

        assertThat(attempts(n)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT attempted_at FROM callback_attempt WHERE order_number = :n ORDER BY attempt")
                .param("n", n).query(java.time.OffsetDateTime.class).list())
                .extracting(t -> t.atZoneSameInstant(QualityClock.ZONE).toLocalDate().toString())
                .containsExactly("2026-12-11", "2026-12-14", "2026-12-15");
    }

    private List<String> due(QualityApi api) throws Exception {
        return JsonPath.read(QualityApi.json(api.get("supervisor1", "/api/v1/quality/callbacks?size=200")
                .andExpect(status().isOk())), "$.items[*].number");
    }

    private int attempts(String n) {
        return jdbc.sql("SELECT COUNT(*) FROM callback_attempt WHERE order_number = :n").param("n", n)
                .query(Integer.class).single();
    }
}
