package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.hotline.platform.ConflictException;
import org.hotline.platform.InvalidInputException;
import org.hotline.support.ConsolePagesTest;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link WorkOrderService#registerRepeat}: the call and the master's count change together or not at all. The
 * same form sent twice at the same moment makes one call merged once (the loser's call and its change to the
 * master roll back together), and a master that no longer takes merges leaves nothing behind.
 */
@ConsolePagesTest
class ARepeatCallIsRegisteredAndMergedInOneTransactionTest {

    @Autowired
    WorkOrderService service;

    private static String newPhone() {
        return "136" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static WorkOrder.Appeal call(String phone) {
        return new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, new Citizen("孙先生", phone, false),
                "东关街后巷又积水了", new Location("古楼街道东关街后巷", null, null), null, Urgency.NORMAL);
    }

    private List<OrderSummary> ordersOf(String phone) {
        return service.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, 0, 50)
                .byCaller(phone, null), ConsoleOrders.SUPERVISOR).items();
    }

    @Test
    void theSameCallSentTwiceAtOnceIsRegisteredAndMergedOnce() throws Exception {
        OrderNumber master = new ConsoleOrders(service).dispatched("东关街后巷下雨后积水", new Citizen("赵大爷", newPhone(), false));
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<WorkOrderService.Intake>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return service.registerRepeat(call(phone), master, null, ConsoleOrders.OPERATOR, key, "same-form");
                }));
            }
            start.countDown();
            OrderNumber first = sent.get(0).get(60, TimeUnit.SECONDS).order().number();
            OrderNumber second = sent.get(1).get(60, TimeUnit.SECONDS).order().number();
            assertThat(second).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }

        assertThat(ordersOf(phone)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.MERGED));
        assertThat(service.find(master, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isEqualTo(1);
        assertThat(service.mergedInto(master, ConsoleOrders.SUPERVISOR)).hasSize(1);
    }

    @Test
    void aMasterThatNoLongerTakesMergesLeavesNothingBehind() {
        OrderNumber master = new ConsoleOrders(service).registered("东关街后巷下雨后积水", new Citizen("赵大爷", newPhone(), false));
        String other = newPhone();
        service.registerRepeat(call(other), master, null, ConsoleOrders.OPERATOR, null, null);
        OrderNumber merged = ordersOf(other).get(0).number();
        String phone = newPhone();

        assertThatThrownBy(() -> service.registerRepeat(call(phone), merged, null, ConsoleOrders.OPERATOR, null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已并单");
        assertThatThrownBy(() -> service.registerRepeat(call(phone), new OrderNumber("20000101-999999"), null,
                ConsoleOrders.OPERATOR, null, null)).isInstanceOf(InvalidInputException.class);
        assertThat(ordersOf(phone)).isEmpty();
        assertThat(service.find(merged, ConsoleOrders.SUPERVISOR).merge().mergedCount()).isZero();
    }
}
