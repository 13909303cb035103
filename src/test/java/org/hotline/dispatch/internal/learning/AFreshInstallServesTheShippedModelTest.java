package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.Classification;
import org.hotline.dispatch.LabelKind;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A fresh install routes real appeals from its first minute: with no training file, version 1 is the model that
 * ships with the project (trained from real citizen messages by dispatch-train), stored, activated and served at
 * once; nothing is imported or trained, and the weekly retrain leaves it alone while only corrections exist.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.dispatch.shipped-model=classpath:dispatch/model-v1.bin",
        "spring.datasource.url=jdbc:h2:mem:hotline-shipped;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class AFreshInstallServesTheShippedModelTest {

    @Autowired
    FirstModel firstModel;
    @Autowired
    ModelVersions versions;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelTraining training;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrainingHistory history;

    @Test
    void versionOneIsTheShippedModelServedWithoutTraining() throws Exception {
        Optional<Integer> first = firstModel.done().get(1, TimeUnit.MINUTES);

        assertThat(first).isPresent();
        ModelVersions.Version v = versions.find(first.get()).orElseThrow();
        assertThat(v.note()).isEqualTo(FirstModel.SHIPPED_NOTE);
        assertThat(v.labelKind()).isEqualTo(LabelKind.CATEGORY);
        assertThat(v.labels()).isEqualTo(31);
        assertThat(v.examples()).isGreaterThan(9000);
        assertThat(v.active()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_example").query(Long.class).single()).isZero();

        Classification c = registry.classify("", "柳园路的路灯坏了一个多星期，晚上一片漆黑，走路很危险。");
        assertThat(c.best().label()).isEqualTo("09");

        // dispatchers' corrections alone would make a model that forgot the real messages: the retrain waits
        java.util.List<TrainingHistory.NewExample> corrections = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            corrections.add(new TrainingHistory.NewExample(ExampleSource.CORRECTION, "", "路灯不亮第" + i + "次",
                    i % 2 == 0 ? "09" : "01", LabelKind.CATEGORY, null, null, null));
        }
        history.add(corrections, java.time.Instant.now());
        training.retrainIfNewExamples();
        assertThat(versions.all()).hasSize(1);
    }
}
