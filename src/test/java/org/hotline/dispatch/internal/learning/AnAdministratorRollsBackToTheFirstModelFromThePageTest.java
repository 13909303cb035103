package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.ModelVersions.MetricMethod;
import org.hotline.dispatch.internal.learning.ModelVersions.NewVersion;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.platform.AdminAudit;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Rollback from the administrator's models page (派单模型): with two versions stored, the second activated and the
 * first rolled back to on the page, the dispatch advice a dispatcher gets for an order through the API comes from
 * the first version again, at once, and both the activation and the rollback are lines of the administrators'
 * audit under the administrator's name, listed on the page.
 */
@HotlineIntegrationTest
class AnAdministratorRollsBackToTheFirstModelFromThePageTest {

    private static final String STREET_LIGHT = "柳园路的路灯这几天都不亮，晚上走路很危险，请尽快修好。";

    @Autowired
    MockMvc mvc;
    @Autowired
    ModelVersions versions;
    @Autowired
    FirstModel firstModel;
    @Autowired
    AdminAudit audit;

    @Test
    void aRollbackOnThePageServesTheFirstVersionAgainAndBothActionsAreAudited() throws Exception {
        // the first-start training must not activate its version in the middle of this test
        firstModel.done().get(3, TimeUnit.MINUTES);
        int first = store("09", "13.02", "01");       // knows street lights: city management
        int second = store("13.01", "07.01", "02");   // does not
        MockHttpSession admin = signIn(mvc, "admin");
        activateOnThePage(admin, first);
        String order = register();

        activateOnThePage(admin, second)
                .andExpect(flash().attribute("notice", "admin.done.model-activated"));
        String advised = advice(order);
        assertThat((String) JsonPath.read(advised, "$.modelVersion")).isEqualTo(String.valueOf(second));

        activateOnThePage(admin, first)
                .andExpect(flash().attribute("notice", "admin.done.model-rolled-back"));
        advised = advice(order);
        assertThat((String) JsonPath.read(advised, "$.modelVersion")).isEqualTo(String.valueOf(first));
        List<String> categories = JsonPath.read(advised, "$.suggestions[*].category.code");
        assertThat(categories).first().asString().startsWith("09");

        List<AdminAudit.Entry> lines = audit.recent(AdminAudit.DISPATCH_MODEL, null, 2);
        assertThat(lines).extracting(AdminAudit.Entry::action).containsExactly("ROLLBACK", "ACTIVATE");
        assertThat(lines).extracting(AdminAudit.Entry::target)
                .containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(lines).allMatch(l -> l.actor().equals("admin"));
        assertThat(lines.get(0).detail()).isEqualTo("回滚：版本 " + second + " → 版本 " + first);
        assertThat(lines.get(1).detail()).isEqualTo("启用版本 " + second + "（此前使用版本 " + first + "）");

        String page = mvc.perform(get("/console/admin/models").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("回滚：版本 " + second + " → 版本 " + first)
                .contains("启用版本 " + second + "（此前使用版本 " + first + "）");
    }

    @Test
    void activatingTheVersionInServiceChangesAndRecordsNothing() throws Exception {
        firstModel.done().get(3, TimeUnit.MINUTES);
        int version = store("09", "05");
        MockHttpSession admin = signIn(mvc, "admin");
        activateOnThePage(admin, version);
        int lines = audit.recent(AdminAudit.DISPATCH_MODEL, String.valueOf(version), 50).size();

        assertThat(versions.activate(version, "admin", null)).isTrue();

        assertThat(audit.recent(AdminAudit.DISPATCH_MODEL, String.valueOf(version), 50)).hasSize(lines);
        assertThat(versions.activeVersion()).contains(version);
    }

    private org.springframework.test.web.servlet.ResultActions activateOnThePage(MockHttpSession admin, int version)
            throws Exception {
        return mvc.perform(post("/console/admin/models/" + version + "/activate").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/models"));
    }

    private String register() throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channel":"PHONE","appealType":"HELP_REQUEST",
                                 "citizen":{"name":"市民","phone":"13306357011"},"content":"%s",
                                 "location":{"address":"柳园街道柳园路"}}""".formatted(STREET_LIGHT)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.number");
    }

    /** A fresh dispatch advice for the order, as the dispatcher's API gives it. */
    private String advice(String order) throws Exception {
        return mvc.perform(get("/api/v1/orders/" + order + "/dispatch-advice").with(httpBasic("dispatcher1", "demo123")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int store(String... labelPrefixes) {
        LinearTextModel model = new Trainer(FeatureSettings.defaults(), 0)
                .train(LearningFixture.demoExamples(labelPrefixes));
        return versions.add(new NewVersion("test", LabelKind.CATEGORY, 100, model.labels().length, 0,
                "rollback test", MetricMethod.NONE, null, null, 1, ModelFiles.settingsJson(model.settings()),
                ModelFiles.write(model)), Instant.now());
    }
}
