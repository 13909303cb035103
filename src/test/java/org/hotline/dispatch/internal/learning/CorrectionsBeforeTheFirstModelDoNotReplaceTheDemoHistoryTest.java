package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.LabelKind;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * On a fresh install people may dispatch (and the demo orders are seeded) before the first model is trained;
 * those few corrections are no history to train on, so the demo history is still imported and version 1
 * learns from both.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = { "hotline.dispatch.train-at-first-start=false",
        "spring.datasource.url=jdbc:h2:mem:first-model-after-corrections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class CorrectionsBeforeTheFirstModelDoNotReplaceTheDemoHistoryTest {

    @Autowired
    FirstModel firstModel;
    @Autowired
    TrainingHistory history;
    @Autowired
    ModelVersions versions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHistoryIsStillImportedWhenCorrectionsCameFirst() {
        history.add(List.of(
                new TrainingHistory.NewExample(ExampleSource.CORRECTION, null, "东关街占道经营", "09.01.01",
                        LabelKind.CATEGORY, null, Instant.now(), null),
                new TrainingHistory.NewExample(ExampleSource.CORRECTION, null, "小区停电", "13.02",
                        LabelKind.CATEGORY, null, Instant.now(), null)), Instant.now());

        Optional<Integer> trained = firstModel.trainOnce();

        assertThat(trained).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_example WHERE source = 'DEMO'").query(Long.class).single())
                .isEqualTo(1200L);
        assertThat(versions.find(trained.get()).orElseThrow().examples()).isEqualTo(1202);
    }
}
