package org.hotline.workorder.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The keyword search's index in health ({@code orderSearch}, not in the readiness group): always UP, since a search
 * is answered from the table while the index is built or compared with it, only slower; the details say which
 * ({@code state} BUILDING, READY or DISABLED), how many orders it holds, where it lives, and how the keyword searches
 * since the start were answered ({@code answeredByIndex}, {@code ...Candidates}: the table on the orders the index
 * found, {@code ...Units}: the index among a unit's orders, {@code ...Table}: the table alone).
 */
@Component("orderSearchHealthIndicator")
class OrderSearchHealth implements HealthIndicator {

    private final OrderSearchIndex index;

    OrderSearchHealth(OrderSearchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("state", index.state().name())
                .withDetail("orders", index.size()).withDetail("location", index.where());
        for (OrderSearchIndex.Answer answer : OrderSearchIndex.Answer.values()) {
            health.withDetail("answeredBy" + answer.name().charAt(0) + answer.name().substring(1).toLowerCase(),
                    index.answers(answer));
        }
        return health.build();
    }
}
