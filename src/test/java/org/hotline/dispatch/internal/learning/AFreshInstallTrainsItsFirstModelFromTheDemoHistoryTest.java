package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** First model at a fresh install: with no training file set, version 1 comes from the shipped demo history. */
@HotlineIntegrationTest
class AFreshInstallTrainsItsFirstModelFromTheDemoHistoryTest {

    @Autowired
    FirstModel firstModel;
    @Autowired
    ModelVersions versions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHistoryIsImportedAndTheFirstVersionTrainedMeasuredAndActivated() throws Exception {
        Optional<Integer> trained = firstModel.done().get(3, TimeUnit.MINUTES);

        assertThat(trained).as("a version trained at this start").isPresent();
        ModelVersions.Version v = versions.find(trained.get()).orElseThrow();
        assertThat(v.labelKind()).isEqualTo(LabelKind.CATEGORY);
        assertThat(v.examples()).isEqualTo(1200);
        assertThat(v.note()).contains("演示历史");
        assertThat(v.metricMethod()).isEqualTo(ModelVersions.MetricMethod.CV5);
        assertThat(v.macroF1()).isGreaterThan(0.5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_example WHERE source = 'DEMO'").query(Long.class).single())
                .isEqualTo(1200L);

        LinearTextModel model = ModelFiles.read(versions.data(v.version()).orElseThrow());
        assertThat(model.classify("", "兴华小区今天上午停水了，也没有提前通知", 1, model.newScratch()).get(0).label())
                .isEqualTo("13.01.01");
    }
}
