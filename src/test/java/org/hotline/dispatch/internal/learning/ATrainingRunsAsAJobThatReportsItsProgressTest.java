package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.platform.DbTime;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Retraining is a job: the admin's request answers at once with the job, whose progress (fits done of all, the
 * phase, the time left) any instance reports, and which names the version it produced. One training at a
 * time across instances, and one left behind by a stopped instance does not say "running" forever.
 */
@HotlineIntegrationTest
class ATrainingRunsAsAJobThatReportsItsProgressTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstModel firstModel;
    @Autowired
    ModelTraining training;
    @Autowired
    ModelVersions versions;
    @Autowired
    TrainingRuns runs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void firstModelTrained() throws Exception {
        firstModel.done().get(3, TimeUnit.MINUTES);
    }

    @AfterEach
    void noTrainingLeftRunning() {
        jdbc.sql("UPDATE dispatch_training SET status = 'FAILED', finished_at = updated_at WHERE status = 'RUNNING'")
                .update();
    }

    @Test
    void aRetrainAnswersWithItsJobAndTheJobReportsTheVersionItProduced() throws Exception {
        String started = mvc.perform(post("/api/v1/admin/dispatch/models").with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"labelKind\":\"CATEGORY\",\"note\":\"每周例行\",\"activate\":false}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location",
                        org.hamcrest.Matchers.startsWith("/api/v1/admin/dispatch/trainings/")))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.startedBy").value("admin"))
                .andExpect(jsonPath("$.note").value("每周例行"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();

        LearningFixture.eventually("the training to finish", Duration.ofMinutes(3),
                () -> !runs.find(id).orElseThrow().running());

        String done = mvc.perform(get("/api/v1/admin/dispatch/trainings/" + id).with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.phase").value("完成"))
                .andExpect(jsonPath("$.failure").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(done, "$.version");
        int stepsDone = JsonPath.read(done, "$.stepsDone");
        int stepsTotal = JsonPath.read(done, "$.stepsTotal");
        int examples = JsonPath.read(done, "$.examples");
        assertThat(stepsTotal).as("five folds measured and one model trained and calibrated, a fit per label each")
                .isGreaterThan(10);
        assertThat(stepsDone).as("the fits announced are the fits made").isEqualTo(stepsTotal);
        assertThat(versions.find(version)).hasValueSatisfying(v -> {
            assertThat(v.labelKind()).isEqualTo(LabelKind.CATEGORY);
            assertThat(v.examples()).isEqualTo(examples);
            assertThat(v.note()).isEqualTo("每周例行");
            assertThat(v.active()).as("asked not to activate").isFalse();
        });
        mvc.perform(get("/api/v1/admin/dispatch/trainings").with(httpBasic("admin", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
    }

    @Autowired
    LockProvider locks;

    @Test
    void aTrainingRunningOnAnotherInstanceRefusesASecondOne() throws Exception {
        // what another instance holds while it trains: the lock in the database, and its job's row
        SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), "dispatch-training", Duration.ofMinutes(5),
                Duration.ZERO)).orElseThrow();
        try {
            long elsewhere = runs.create(LabelKind.CATEGORY, "admin", "另一台服务器上的训练", false);
            runs.reporter(elsewhere).report(3, "交叉验证：第 1/5 折", true);
            long before = jdbc.sql("SELECT COUNT(*) FROM dispatch_training").query(Long.class).single();

            mvc.perform(post("/api/v1/admin/dispatch/models").with(httpBasic("admin", "demo123")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("training-running"))
                    .andExpect(jsonPath("$.detail").value(
                            org.hamcrest.Matchers.containsString("训练任务 " + elsewhere)));
            // nor does a training on this instance's own thread (the weekly retrain, the first model)
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> training.train(null, "system", "定期重新训练", null))
                    .isInstanceOf(org.hotline.platform.ConflictException.class).hasMessageContaining("已有模型正在训练");
        } finally {
            held.unlock();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_training WHERE status = 'RUNNING'").query(Long.class)
                .single()).as("nothing started").isEqualTo(1);
    }

    @Test
    void aTrainingLeftBehindByAStoppedInstanceIsMarkedFailed() {
        long left = runs.create(LabelKind.CATEGORY, "admin", null, false);
        jdbc.sql("UPDATE dispatch_training SET updated_at = :then WHERE id = :id")
                .param("then", DbTime.param(Instant.now().minus(Duration.ofMinutes(11))))
                .param("id", left)
                .update();

        training.failAbandoned();

        TrainingRuns.Run run = runs.find(left).orElseThrow();
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failure()).contains("请重新训练");
        assertThat(run.finishedAt()).isNotNull();
    }

    @Test
    void badRequestsAreRefusedAndNothingStarts() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM dispatch_training").query(Long.class).single();
        mvc.perform(post("/api/v1/admin/dispatch/models").with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"" + "长".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(post("/api/v1/admin/dispatch/models").with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"labelKind\":\"DEPARTMENT\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/admin/dispatch/models").with(httpBasic("dispatcher1", "demo123")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_training").query(Long.class).single()).isEqualTo(before);

        mvc.perform(get("/api/v1/admin/dispatch/trainings/999999").with(httpBasic("admin", "demo123")))
                .andExpect(status().isNotFound());
    }

    @Autowired
    TrainingHistory history;

    @Test
    void theWeeklyRetrainTrainsOnlyWhenExamplesArrivedSinceTheActiveVersion() {
        training.retrainIfNewExamples();
        int before = versions.all().size();

        training.retrainIfNewExamples();
        assertThat(versions.all()).as("nothing new since the active version").hasSize(before);

        LabelKind kind = versions.active().map(ModelVersions.Version::labelKind).orElse(LabelKind.CATEGORY);
        history.add(java.util.List.of(new TrainingHistory.NewExample(ExampleSource.CORRECTION, "",
                "花园路的路灯坏了好几天了", kind == LabelKind.CATEGORY ? "09.05.01" : "dcf-zhzfj", kind, null, null, null)),
                Instant.now());
        training.retrainIfNewExamples();

        assertThat(versions.all()).hasSize(before + 1);
        ModelVersions.Version newest = versions.active().orElseThrow();
        assertThat(newest.createdBy()).isEqualTo("system");
        assertThat(newest.lastExampleId()).isEqualTo(history.newestId(kind));
        assertThat(runs.recent(1).get(0)).satisfies(r -> {
            assertThat(r.status()).isEqualTo("DONE");
            assertThat(r.version()).isEqualTo(newest.version());
        });
    }

    @Test
    void theTimeLeftIsTheFitsStillToDoAtThePaceSoFar() {
        Instant start = Instant.parse("2026-12-04T10:00:00Z");
        TrainingRuns.Run run = new TrainingRuns.Run(1, LabelKind.CATEGORY, "RUNNING", "admin", null, 8000, 10, 40,
                "交叉验证：第 2/5 折", null, null, start, start.plusSeconds(20), null);

        assertThat(run.percent()).isEqualTo(25);
        assertThat(run.secondsLeft()).isEqualTo(60);
        assertThat(new TrainingRuns.Run(1, LabelKind.CATEGORY, "DONE", "admin", null, 8000, 40, 40, "完成", 3, null,
                start, start.plusSeconds(80), start.plusSeconds(80)).secondsLeft()).isNull();
    }
}
