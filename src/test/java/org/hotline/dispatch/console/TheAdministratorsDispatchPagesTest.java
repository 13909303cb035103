package org.hotline.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The administrator's dispatch pages act through the API's own services: a routing rule is edited with the rule
 * check's problem shown next to its field, a stale list is a conflict; a history is uploaded, its columns mapped,
 * and its rejected rows listed with their reasons; a training's progress is a fragment htmx polls; the working
 * calendar is shown read-only. For the administrator only.
 */
@HotlineIntegrationTest
class TheAdministratorsDispatchPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String rules() throws Exception {
        return mvc.perform(get("/api/v1/admin/dispatch/rules").with(httpBasic("admin", "demo123")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void restore(String rules) throws Exception {
        String list = rules.substring(rules.indexOf("\"rules\""));
        mvc.perform(put("/api/v1/admin/dispatch/rules").with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{" + list)).andExpect(status().isOk());
    }

    @Test
    void onlyTheAdministratorOpensThem() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        for (String page : List.of("/console/admin/rules", "/console/admin/rules/new", "/console/admin/rules/0",
                "/console/admin/calendar", "/console/admin/models", "/console/admin/imports")) {
            mvc.perform(get(page).session(admin)).andExpect(status().isOk());
            mvc.perform(get(page).session(signIn(mvc, "director1")).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aRuleIsEditedThroughTheRuleCheckAndItsProblemShownBesideTheField() throws Exception {
        String before = rules();
        String name = JsonPath.read(before, "$.rules[0].name");
        int version = JsonPath.read(before, "$.version");
        MockHttpSession admin = signIn(mvc, "admin");
        try {
            mvc.perform(post("/console/admin/rules/0").session(admin).with(csrf()).param("version", "" + version)
                            .param("name", name).param("active", "true").param("keywords", "页面测试词\n第二个词")
                            .param("lead", "UNIT"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"err-RULE-leadUnit\"")))
                    .andExpect(content().string(containsString("必须指定单位")))
                    .andExpect(content().string(containsString("页面测试词")));

            mvc.perform(post("/console/admin/rules/0").session(admin).with(csrf()).param("version", "" + version)
                            .param("name", name).param("active", "true").param("keywords", "页面测试词，第二个词")
                            .param("lead", "UNIT").param("leadUnit", "dcf-zhzfj").param("coUnits", "dcf-gulou"))
                    .andExpect(redirectedUrl("/console/admin/rules"))
                    .andExpect(flash().attribute("notice", "admin.done.rule-saved"));
            String after = rules();
            assertThat((List<String>) JsonPath.read(after, "$.rules[0].keywords")).containsExactly("页面测试词", "第二个词");
            assertThat((String) JsonPath.read(after, "$.rules[0].leadUnit")).isEqualTo("dcf-zhzfj");

            // the page still shows the old version: someone else saved meanwhile
            mvc.perform(post("/console/admin/rules/0").session(admin).with(csrf()).param("version", "" + version)
                            .param("name", name).param("lead", "DEFAULT"))
                    .andExpect(status().isConflict());
            mvc.perform(get("/console/admin/rules").session(admin))
                    .andExpect(content().string(containsString("内容含：页面测试词、第二个词")));
        } finally {
            restore(before);
        }
    }

    @Test
    void aHistoryIsUploadedMappedAndItsRejectedRowsListedWithTheirReasons() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String csv = """
                编号,类别,标题,内容
                1,01.01.01,物业乱收费,兴华小区物业乱收停车费
                2,,路灯不亮,柳园路路灯不亮
                3,城市建设,道路破损,光岳路路面破损
                """;

        String mapping = mvc.perform(multipart("/console/admin/imports/upload").file(new MockMultipartFile("file",
                        "页面历史.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("charset", "UTF-8")
                        .session(admin).with(csrf()))
                .andExpect(redirectedUrlPattern("/console/admin/imports/mapping?token=*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(mapping).session(admin))
                .andExpect(content().string(containsString("兴华小区物业乱收停车费")))
                .andExpect(content().string(containsString("<option value=\"类别\"")));
        String token = mapping.substring(mapping.indexOf("token=") + 6);

        mvc.perform(post("/console/admin/imports/start").session(admin).with(csrf()).param("token", token)
                        .param("subject", "标题").param("body", "内容"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("必须选择标签列")));
        String job = mvc.perform(post("/console/admin/imports/start").session(admin).with(csrf()).param("token", token)
                        .param("label", "类别").param("subject", "标题").param("body", "内容"))
                .andExpect(redirectedUrlPattern("/console/admin/imports/*"))
                .andReturn().getResponse().getRedirectedUrl();

        // behind the first model, which a fresh application trains on the same thread
        Instant until = Instant.now().plus(Duration.ofSeconds(240));
        String page;
        do {
            Thread.sleep(200);
            page = mvc.perform(get(job).session(admin)).andReturn().getResponse().getContentAsString();
        } while (page.contains("data-status=\"RUNNING\"") && Instant.now().isBefore(until));
        assertThat(page).contains("data-status=\"DONE\"").contains("缺少标签").contains("城市建设")
                .contains("<td class=\"num mono\" data-label=\"行号\">3</td>");
        mvc.perform(get(mapping).session(admin)).andExpect(status().isNotFound());
        mvc.perform(get(job + "/progress").session(admin).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(containsString("id=\"import-progress\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aFileThatIsNotAHistoryIsRefusedAtUpload() throws Exception {
        mvc.perform(multipart("/console/admin/imports/upload").file(new MockMultipartFile("file", "old.xls",
                        "application/vnd.ms-excel", new byte[] { 1, 2, 3 })).session(signIn(mvc, "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不支持旧版 Excel")));
    }

    /**
     * The progress fragment of a training job, written as the job writes its row (a real training here would hold
     * the one training lock that other tests of this application take): polled while it runs, a full redraw once it
     * ended, and the page itself for a browser without script.
     */
    @Test
    void aTrainingsProgressIsAFragmentForHtmxAndThePageWithoutIt() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispatch_training (label_kind, status, started_by, note, examples, steps_done, steps_total,
                  phase, started_at, updated_at)
                VALUES ('CATEGORY', 'RUNNING', 'admin', '页面测试', 1200, 12, 48, '五折交叉验证：第 2 折', :now, :now)""")
                .param("now", java.time.OffsetDateTime.now()).update(key, "id");
        long id = key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue()
                : ((Number) key.getKeys().get("id")).longValue();
        try {
            mvc.perform(get("/console/admin/models/trainings/" + id).session(admin))
                    .andExpect(redirectedUrl("/console/admin/models?training=" + id));
            mvc.perform(get("/console/admin/models/trainings/" + id).session(admin).header("HX-Request", "true"))
                    .andExpect(header().doesNotExist("HX-Refresh"))
                    .andExpect(content().string(containsString("id=\"training-progress\"")))
                    .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                    .andExpect(content().string(containsString("12 / 48 次（25%）")))
                    .andExpect(content().string(containsString("五折交叉验证：第 2 折")))
                    .andExpect(content().string(not(containsString("<html"))));
        } finally {
            jdbc.sql("UPDATE dispatch_training SET status = 'FAILED', failure = '页面测试结束', finished_at = updated_at"
                    + " WHERE id = :id").param("id", id).update();
        }
        mvc.perform(get("/console/admin/models/trainings/" + id).session(admin).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(not(containsString("hx-trigger"))));
        mvc.perform(get("/console/admin/models").session(admin).param("training", "" + id))
                .andExpect(content().string(containsString("训练任务 " + id)))
                .andExpect(content().string(containsString("页面测试结束")));
    }

    @Test
    void theWorkingCalendarIsShownWithItsHolidaysAndSaysHowToAddAYear() throws Exception {
        mvc.perform(get("/console/admin/calendar").session(signIn(mvc, "admin")))
                .andExpect(content().string(containsString("2026 年")))
                .andExpect(content().string(containsString("春节")))
                .andExpect(content().string(containsString("调休上班日")))
                .andExpect(content().string(containsString("hotline.calendar.extra-dir")))
                .andExpect(content().string(containsString("08:30")));
    }
}
