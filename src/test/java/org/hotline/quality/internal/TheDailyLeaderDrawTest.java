package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The nightly draw through the application: it counts the orders each unit replied on the day in Beijing time,
 * draws 10% rounded up from those the leader may call, writes the V7 contract rows once (a second run changes
 * nothing), runs only for days that are over, and the report shows what was not signed in time.
 */
@QualityIntegrationTest
class TheDailyLeaderDrawTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @Autowired
    LeaderSamplingJob job;

    @Test
    void theDrawCountsTheDaysRepliesDrawsACallableOneAndRunsOnce() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        // Wednesday 9 December 2026 in Beijing: 11 replies by the market bureau, only one of them callable by
        // its leader (the others asked for confidentiality, have no number, or are patrol reports) ...
        clock.set("2026-12-09T09:00");
        List<String> confidential = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            confidential.add(replied(api, "{\"name\":\"李先生\",\"phone\":\"13912345678\",\"confidential\":true}",
                    "PHONE", "2026-12-09T09:" + (10 + i)));
        }
        replied(api, "{\"name\":\"网友\"}", "WEB", "2026-12-09T10:00");
        replied(api, "{\"name\":\"网格员\",\"phone\":\"13700001111\"}", "PATROL", "2026-12-09T10:05");
        String callable = replied(api, "{\"name\":\"王女士\",\"phone\":\"13812341234\"}", "PHONE", "2026-12-09T23:59");
        // ... and two replies just outside the day, which do not count.
        replied(api, "{\"name\":\"赵先生\",\"phone\":\"13812349999\"}", "PHONE", "2026-12-08T23:59");
        replied(api, "{\"name\":\"钱先生\",\"phone\":\"13812348888\"}", "PHONE", "2026-12-10T00:01");

        clock.set("2026-12-09T23:59");
        api.post("admin", "/api/v1/admin/quality/leader-samples/draws?day=2026-12-09", "")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        api.post("supervisor1", "/api/v1/admin/quality/leader-samples/draws?day=2026-12-08", "")
                .andExpect(status().isForbidden());

        clock.set("2026-12-10T00:30");
        String draws = QualityApi.json(api.post("admin", "/api/v1/admin/quality/leader-samples/draws?day=2026-12-09", "")
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<Integer>>read(draws, "$[?(@.unit == 'dcf-scjgj')].repliedCount")).containsExactly(11);
        assertThat(JsonPath.<List<Integer>>read(draws, "$[?(@.unit == 'dcf-scjgj')].drawn")).containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(draws, "$[?(@.unit == 'dcf-gulou')].drawn")).as("replied nothing")
                .containsExactly(0);

        Map<String, Object> draw = jdbc.sql("""
                SELECT replied_count, sample_size FROM leader_sample_draw
                WHERE sample_day = DATE '2026-12-09' AND unit_id = 'dcf-scjgj'""").query().singleRow();
        assertThat(draw).containsEntry("replied_count", 11).containsEntry("sample_size", 1);
        assertThat(sampled()).containsExactly(callable).doesNotContainAnyElementsOf(confidential);

        // The timer's run of the same day finds it drawn and changes nothing.
        clock.set("2026-12-10T00:31");
        assertThat(job.drawYesterday()).allSatisfy(r -> assertThat(r.alreadyDrawn()).isTrue());
        assertThat(sampled()).containsExactly(callable);

        // Due by the end of Thursday; unsigned on Friday morning, it is overdue in the report.
        api.get("scj-leader", "/api/v1/quality/leader-samples").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.number == '" + callable + "')].dueAt").value("2026-12-10T17:30:00+08:00"));
        clock.set("2026-12-11T09:00");
        api.get("director1", "/api/v1/quality/leader-samples/report?day=2026-12-09").andExpect(status().isOk())
                .andExpect(jsonPath("$.units[?(@.unit == 'dcf-scjgj')].overdue").value(1))
                .andExpect(jsonPath("$.units[?(@.unit == 'dcf-scjgj')].completed").value(0));
    }

    private List<String> sampled() {
        return jdbc.sql("""
                SELECT order_number FROM leader_sample WHERE sample_day = DATE '2026-12-09' AND unit_id = 'dcf-scjgj'""")
                .query(String.class).list();
    }

    private String replied(QualityApi api, String citizen, String channel, String repliedAt) throws Exception {
        clock.set(repliedAt.substring(0, 10) + "T08:00");
        String n = api.inProgress("预付卡商家跑路，无法退费", null, "NORMAL", citizen, channel, "dcf-scjgj", "scj-handler");
        clock.set(repliedAt);
        api.reply("scj-handler", n, "已约谈经营者，督促退费").andExpect(status().isOk());
        return n;
    }
}
