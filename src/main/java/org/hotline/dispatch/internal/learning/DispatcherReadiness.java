package org.hotline.dispatch.internal.learning;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's part of health ({@code dispatcher}, in the {@code readiness} group): whether this instance
 * serves a dispatch model. While the first model of a fresh install trains here (half a minute with the demo
 * history) it is OUT_OF_SERVICE, so that a load balancer sends intake to an instance whose orders get advice;
 * liveness is not affected (a restart would only start the training again). Once a version is served it is
 * UP with the version.
 *
 * <p>With no model and none training here (training at first start switched off, no history to train from,
 * or another instance holding the training's lock) the instance is UP all the same: waiting would not bring a
 * model, and a person dispatches every order until one is activated, when the queue gets its advice
 * ({@link ModelServed}).
 */
@Component("dispatcherHealthIndicator")
class DispatcherReadiness implements HealthIndicator {

    private final ModelRegistry registry;
    private final FirstModel firstModel;

    DispatcherReadiness(ModelRegistry registry, FirstModel firstModel) {
        this.registry = registry;
        this.firstModel = firstModel;
    }

    @Override
    public Health health() {
        return registry.active()
                .map(m -> Health.up().withDetail("modelVersion", m.version())
                        .withDetail("labelKind", m.labelKind().name()).build())
                .orElseGet(() -> firstModel.done().isDone()
                        ? Health.up().withDetail("modelVersion", "none")
                                .withDetail("detail", "没有可用的派单模型，所有工单由人工派单（no dispatch model: "
                                        + "every order is dispatched by a person）").build()
                        : Health.outOfService()
                                .withDetail("detail", "首个派单模型正在训练，训练完成前工单进入人工派单队列（the first "
                                        + "dispatch model is being trained; orders wait in the manual queue）")
                                .build());
    }
}
