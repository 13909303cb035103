package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.workorder.OrderPage;
import org.hotline.workorder.WorkOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A keyword search never waits for the index and is never wrong because of it: while the index is being built, or
 * lacks orders it has not caught up with, the table answers (as it did before there was an index); once the index
 * holds every order again, it answers.
 */
class SearchIsCorrectWhileTheIndexIsBuildingTest {

    private final OrderSearchIndexFixture db = new OrderSearchIndexFixture();

    @AfterEach
    void stop() {
        db.stopAll();
    }

    @Test
    void theTableAnswersUntilTheIndexIsBuilt() {
        db.orders(20, "爆管");
        OrderSearchIndex index = db.index(null);
        JdbcWorkOrders orders = db.searchingWith(index);

        OrderPage whileBuilding = db.search(orders, "爆管");

        assertThat(index.state()).isEqualTo(OrderSearchIndex.State.BUILDING);
        assertThat(whileBuilding).usingRecursiveComparison().isEqualTo(db.search(db.table(), "爆管"));
        assertThat(whileBuilding.total()).isEqualTo(20);
        assertThat(index.answers(OrderSearchIndex.Answer.TABLE)).isEqualTo(1);

        index.start();
        index.reconcile();
        OrderPage built = db.search(orders, "爆管");

        assertThat(built).usingRecursiveComparison().isEqualTo(whileBuilding);
        assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).isEqualTo(1);
    }

    @Test
    void ordersTheIndexHasNotCaughtUpWithAreFoundAllTheSame() {
        db.orders(5, "爆管");
        OrderSearchIndex index = db.ready(null);
        // written behind the index's back, registered a day before the newest indexed, long before the catch-up
        // looks (an import, a database restored from a backup): only the table knows them
        List<WorkOrder> behind = db.orders(3, "爆管", OrderSearchIndexFixture.MARCH_2.minusSeconds(86400));

        OrderPage found = db.search(db.searchingWith(index), "爆管");

        assertThat(found.total()).isEqualTo(8);
        assertThat(found.items()).extracting(s -> s.number()).containsAll(behind.stream().map(WorkOrder::number)
                .toList());
        assertThat(index.answers(OrderSearchIndex.Answer.TABLE)).isEqualTo(1);

        index.reconcile();

        assertThat(db.search(db.searchingWith(index), "爆管")).usingRecursiveComparison().isEqualTo(found);
        assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).isEqualTo(1);
    }

    @Test
    void anOrderRegisteredAMomentAgoBehindTheIndexsBackIsCaughtUpByTheSearch() {
        db.orders(5, "爆管");
        OrderSearchIndex index = db.ready(null);
        // as another instance registers them: a moment after the newest the index holds
        List<WorkOrder> other = db.orders(2, "爆管", OrderSearchIndexFixture.MARCH_2.plusSeconds(3600));

        OrderPage found = db.search(db.searchingWith(index), "爆管");

        assertThat(found.total()).isEqualTo(7);
        assertThat(found.items()).extracting(s -> s.number()).startsWith(other.get(1).number(), other.get(0).number());
        assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).isEqualTo(1);
    }

    @Test
    void anOrderTheTableDoesNotConfirmIsNotShownAndIsIndexedAgain() throws InterruptedException {
        db.orders(3, "爆管");
        OrderSearchIndex index = db.ready(null);
        // the table and the index disagree on what an order says (the same number, another text): the table wins
        String number = db.jdbc.sql("SELECT number FROM work_order ORDER BY number DESC LIMIT 1").query(String.class)
                .single();
        db.jdbc.sql("UPDATE work_order SET content = '别的内容' WHERE number = :n").param("n", number).update();

        OrderPage found = db.search(db.searchingWith(index), "爆管");

        assertThat(found.total()).isEqualTo(2);
        assertThat(found.items()).extracting(s -> s.number().value()).doesNotContain(number);
        assertThat(index.answers(OrderSearchIndex.Answer.TABLE)).isEqualTo(1);
        // the order is indexed again as the table has it, and the index answers again
        for (int i = 0; i < 100 && index.answers(OrderSearchIndex.Answer.INDEX) == 0; i++) {
            Thread.sleep(20);
            assertThat(db.search(db.searchingWith(index), "爆管")).usingRecursiveComparison().isEqualTo(found);
        }
        assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).isPositive();
        assertThat(db.search(db.searchingWith(index), "别的内容").items()).extracting(s -> s.number().value())
                .containsExactly(number);
    }
}
