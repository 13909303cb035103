package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.organization.Actor;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.quality.CallResult;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 签署本日抽访 ({@link LeaderSamplingService#signDay}): the leader signs several of a day's calls with one entry of
 * the password, checked before anything is written; in one transaction, so that one call refused (signed already,
 * incomplete) leaves the others unsigned too. The single signature of the REST API is the same with one call.
 */
@QualityIntegrationTest
class ADaysCallsAreSignedWithOnePasswordAllOrNoneTest {

    /** Monday 21 September 2026: 古楼街道 replied eleven orders, two were drawn. */
    private static final LocalDate DAY = LocalDate.parse("2026-09-21");
    private static List<OrderNumber> drawn;

    @Autowired
    WorkOrderService orders;

    @Autowired
    QualityLoop loop;

    @Autowired
    LeaderSamplingService sampling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    private final Actor leader = QualityDesk.leader(QualityDesk.GULOU);
    private final CallResult satisfied = CallResult.reached(true, Satisfaction.SATISFIED, "楼道已清理");

    @BeforeEach
    void theDayIsDrawn() {
        if (drawn == null) {
            QualityDesk desk = new QualityDesk(orders, loop, jdbc);
            for (int i = 0; i < 11; i++) {
                clock.set(DAY + "T" + String.format("%02d", 9 + i / 2) + ":" + (i % 2 == 0 ? "05" : "35"));
                desk.replied("楼道里堆满杂物，消防通道堵了（" + (i + 1) + " 号楼）", new Citizen("周先生", "1390635" + (2000 + i), false),
                        "古楼街道光明小区", "10.04.01", QualityDesk.GULOU, "已组织社区清理楼道杂物");
            }
            clock.set("2026-09-22T00:30");
            sampling.draw(DAY);
            drawn = sampling.samplesFor(leader, null, DAY).stream().map(LeaderSamples.Sample::order).toList();
        }
        clock.set("2026-09-22T10:00");
    }

    private Map<OrderNumber, CallResult> calls(OrderNumber... numbers) {
        Map<OrderNumber, CallResult> calls = new LinkedHashMap<>();
        for (OrderNumber n : numbers) {
            calls.put(n, satisfied);
        }
        return calls;
    }

    private List<LeaderSamples.Sample> signedOnes() {
        return sampling.samplesFor(leader, null, DAY).stream().filter(s -> s.completedAt() != null).toList();
    }

    @Test
    void aWrongPasswordSignsNothingOneEntrySignsEveryCallNamedAndASecondSignatureIsRefused() {
        assertThat(drawn).hasSize(2);
        assertThatThrownBy(() -> sampling.signDay(leader, DAY, "wrong", calls(drawn.get(0), drawn.get(1))))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("密码错误，签署未生效"));
        assertThat(signedOnes()).isEmpty();

        // one of them signed alone, as the REST API signs: the day's signature naming it again is refused whole
        sampling.sign(leader, DAY, drawn.get(0), "demo123", satisfied);
        assertThatThrownBy(() -> sampling.signDay(leader, DAY, "demo123", calls(drawn.get(1), drawn.get(0))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("already-signed"));
        assertThat(signedOnes()).extracting(LeaderSamples.Sample::order).containsExactly(drawn.get(0));

        List<LeaderSamples.Sample> signed = sampling.signDay(leader, DAY, "demo123", calls(drawn.get(1)));
        assertThat(signed).singleElement().satisfies(s -> {
            assertThat(s.completedAt()).isEqualTo(clock.instant());
            assertThat(s.leader()).isEqualTo("gulou-leader");
            assertThat(s.result()).isEqualTo(satisfied);
        });
        assertThat(signedOnes()).hasSize(2);
    }

    @Test
    void aSignatureNamingNoCallOrAnotherUnitsOrderIsRefusedBeforeThePasswordIsTried() {
        assertThatThrownBy(() -> sampling.signDay(leader, DAY, "demo123", Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calls"));
        Actor otherLeader = QualityDesk.leader(QualityDesk.MARKET);
        assertThatThrownBy(() -> sampling.signDay(otherLeader, DAY, "wrong", calls(drawn.get(0))))
                .isInstanceOf(org.hotline.platform.NotFoundException.class);
        assertThatThrownBy(() -> sampling.signDay(QualityDesk.handler(QualityDesk.GULOU), DAY, "demo123",
                calls(drawn.get(0)))).isInstanceOf(ForbiddenException.class);
    }
}
