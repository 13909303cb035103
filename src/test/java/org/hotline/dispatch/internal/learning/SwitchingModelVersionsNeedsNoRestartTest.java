package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.ModelVersions.MetricMethod;
import org.hotline.dispatch.internal.learning.ModelVersions.NewVersion;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Model versions: activating one serves it at once without a restart, rolling back is activating an earlier
 * one, and another instance's activation reaches this one through the poll.
 */
@HotlineIntegrationTest
class SwitchingModelVersionsNeedsNoRestartTest {

    private static final String STREET_LIGHT = "柳园路的路灯这几天都不亮，晚上走路很危险。";

    @Autowired
    MockMvc mvc;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelVersions versions;
    @Autowired
    FirstModel firstModel;
    @Autowired
    JdbcClient jdbc;

    int cityManagement;
    int utilities;

    @BeforeEach
    void twoVersionsThatAnswerDifferently() throws Exception {
        // the first-start training must not activate its version in the middle of this test
        firstModel.done().get(3, TimeUnit.MINUTES);
        cityManagement = store("09", "13.02");
        utilities = store("13.01", "07.01");
    }

    @Test
    void anActivatedVersionIsServedAtOnceAndAnEarlierOneCanBeActivatedAgain() throws Exception {
        mvc.perform(post("/api/v1/admin/dispatch/models/" + cityManagement + "/activate").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.served").value(true));
        assertThat(registry.classify("", STREET_LIGHT).best().label()).isEqualTo("09.05.01");
        assertThat(registry.classify("", STREET_LIGHT).modelVersion()).isEqualTo(String.valueOf(cityManagement));

        mvc.perform(post("/api/v1/admin/dispatch/models/" + utilities + "/activate").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk());
        assertThat(registry.active()).get().extracting(ModelRegistry.ActiveModel::version).isEqualTo(utilities);
        assertThat(registry.classify("", STREET_LIGHT).best().label()).doesNotStartWith("09");

        // rollback
        mvc.perform(post("/api/v1/admin/dispatch/models/" + cityManagement + "/activate").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk());
        assertThat(registry.classify("", STREET_LIGHT).best().label()).isEqualTo("09.05.01");
        assertThat(versions.all().stream().filter(ModelVersions.Version::active)).hasSize(1);
        mvc.perform(get("/api/v1/admin/dispatch/models").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.version == %d)].active".formatted(cityManagement)).value(true))
                .andExpect(jsonPath("$[?(@.version == %d)].active".formatted(utilities)).value(false));
    }

    @Test
    void anActivationByAnotherInstanceIsPickedUpByThePoll() {
        registry.activate(cityManagement);

        // what another instance's activation leaves in the shared database
        jdbc.sql("UPDATE dispatch_model SET active = NULL WHERE active = TRUE").update();
        jdbc.sql("UPDATE dispatch_model SET active = TRUE WHERE version = :v").param("v", utilities).update();
        assertThat(registry.active()).get().extracting(ModelRegistry.ActiveModel::version).isEqualTo(cityManagement);

        registry.refresh();

        assertThat(registry.active()).get().extracting(ModelRegistry.ActiveModel::version).isEqualTo(utilities);
        assertThat(registry.classify("", STREET_LIGHT).modelVersion()).isEqualTo(String.valueOf(utilities));
    }

    @Test
    void activatingAnUnknownVersionIsNotFoundAndChangesNothing() throws Exception {
        registry.activate(utilities);

        mvc.perform(post("/api/v1/admin/dispatch/models/999999/activate").with(httpBasic("admin", "demo123")))
                .andExpect(status().isNotFound());
        assertThat(registry.active()).get().extracting(ModelRegistry.ActiveModel::version).isEqualTo(utilities);
        assertThat(versions.activeVersion()).contains(utilities);
    }

    @Test
    void onlyAdministratorsSwitchModels() throws Exception {
        mvc.perform(post("/api/v1/admin/dispatch/models/" + utilities + "/activate")
                .with(httpBasic("dispatcher1", "demo123"))).andExpect(status().isForbidden());
    }

    private int store(String... labelPrefixes) {
        LinearTextModel model = new Trainer(FeatureSettings.defaults(), 0)
                .train(LearningFixture.demoExamples(labelPrefixes));
        return versions.add(new NewVersion("test", LabelKind.CATEGORY, 100, model.labels().length, 0,
                "switch test", MetricMethod.NONE, null, null, 1, ModelFiles.settingsJson(model.settings()),
                ModelFiles.write(model)), Instant.now());
    }
}
