package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.Trainer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The dispatcher's readiness (DispatcherReadiness): out of service while the first model trains on this
 * instance, up once a version is served, and up without a model when none is coming (a person dispatches).
 */
class AnInstanceIsNotReadyWhileItsFirstDispatchModelTrainsTest {

    private final ModelRegistry registry = new ModelRegistry(null, null, event -> { });
    /** The first-start training of this instance, not finished: nothing it needs is called. */
    private final FirstModel firstModel = new FirstModel(null, null, null, null, null, null, null, null, null, null);
    private final DispatcherReadiness readiness = new DispatcherReadiness(registry, firstModel);

    @Test
    void whileTheFirstModelTrainsTheDispatcherIsOutOfService() {
        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat((String) health.getDetails().get("detail")).contains("首个派单模型正在训练", "being trained");
    }

    @Test
    void aServedModelMakesItReady() {
        LinearTextModel model = new Trainer(FeatureSettings.defaults(), 0).train(LearningFixture.demoExamples("13"));
        registry.install(7, LabelKind.CATEGORY, model);

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("modelVersion", 7).containsEntry("labelKind", "CATEGORY");
    }

    @Test
    void withNoModelComingTheInstanceIsReadyForManualDispatch() {
        firstModel.done().complete(Optional.empty());

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("modelVersion", "none");
        assertThat((String) health.getDetails().get("detail")).contains("人工派单");
    }
}
