package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;

import org.hotline.organization.UnitId;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.OrderQuery;
import org.junit.jupiter.api.Test;

/** The order list's filters are read from its address and written back into the pager's links unchanged. */
class TheOrderListsFiltersTravelInItsAddressTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theFiltersTravelWithThePager() {
        OrderListFilter filter = OrderListFilter.of(Map.of("lead", "dcf-zhzfj", "atRisk", "true",
                "from", "2026-12-01", "to", "2026-12-31", "q", "积水 后巷", "satisfaction", "UNSATISFIED"));

        String link = filter.link(2);

        assertThat(link).isEqualTo("/console/orders?q=%E7%A7%AF%E6%B0%B4+%E5%90%8E%E5%B7%B7&atRisk=true"
                + "&lead=dcf-zhzfj&from=2026-12-01&to=2026-12-31&satisfaction=UNSATISFIED&page=2");
        Map<String, String> back = new java.util.HashMap<>(filter.params());
        assertThat(OrderListFilter.of(back)).isEqualTo(filter);
        assertThat(filter.hidden()).containsOnlyKeys("satisfaction");
    }

    @Test
    void registrationDaysAreWholeDaysInTheHotlinesZone() {
        OrderQuery q = OrderListFilter.of(Map.of("from", "2026-12-01", "to", "2026-12-31", "lead", "dcf-gulou",
                "calledFrom", "2026-12-01", "resolved", "false")).query(SHANGHAI, 0, 30);

        assertThat(q.from()).isEqualTo(java.time.Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(q.to()).isEqualTo(java.time.Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(q.leadUnit()).isEqualTo(new UnitId("dcf-gulou"));
        assertThat(q.unit()).isNull();
        assertThat(q.callback()).isEqualTo(new OrderQuery.Callback(null, false,
                java.time.Instant.parse("2026-11-30T16:00:00Z"), null));
        assertThat(q.visibleTo()).as("set by the service from the viewer, never from the address").isNull();
    }

    @Test
    void aFilterThatCannotBeReadNamesItsParameter() {
        assertThatThrownBy(() -> OrderListFilter.of(Map.of("channel", "FAX")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("channel");
        assertThatThrownBy(() -> OrderListFilter.of(Map.of("lead", "<img src=x>")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("lead");
        assertThatThrownBy(() -> OrderListFilter.of(Map.of("from", "2026-12-31", "to", "2026-12-01")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("from");
    }
}
