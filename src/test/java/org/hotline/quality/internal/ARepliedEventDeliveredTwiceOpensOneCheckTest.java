package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.organization.Actor;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderEvent;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reply event may arrive more than once (the publication registry retries what did not complete) or late: a
 * reply gets exactly one check, a late event for an order that has moved on opens none, and an order closed by
 * the director's override or redone outside the loop ends its open check instead of leaving it in a queue.
 */
@HotlineIntegrationTest
class ARepliedEventDeliveredTwiceOpensOneCheckTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityLoop loop;

    @Autowired
    WorkOrderService orders;

    @Test
    void theSameReplyEventTwiceOpensOneCheck() throws Exception {
        String n = replied("垃圾清运不及时");
        WorkOrderEvent.Replied event = repliedEvent(n);

        loop.open(event);
        loop.open(event);

        assertThat(checks(n)).isEqualTo(1);
    }

    @Test
    void aLateEventForAnOrderThatHasMovedOnOpensNothing() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = replied("路灯不亮");
        WorkOrderEvent.Replied event = repliedEvent(n);
        api.post("director1", "/api/v1/orders/" + n + "/close", "{\"reason\":\"市民来电撤回诉求\"}")
                .andExpect(status().isOk());
        QualityApi.awaitUntil("the check has ended", () -> jdbc.sql(
                "SELECT stage FROM reply_check WHERE order_number = :n").param("n", n).query(String.class).single()
                .equals("DONE"));
        jdbc.sql("DELETE FROM reply_check WHERE order_number = :n").param("n", n).update();

        loop.open(event);

        assertThat(checks(n)).isZero();
    }

    @Test
    void anOrderTheDirectorClosesOutsideTheLoopEndsItsOpenCheckNamingTheOverride() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = replied("噪音扰民");

        api.post("director1", "/api/v1/orders/" + n + "/close", "{\"reason\":\"市民来电撤诉\"}").andExpect(status().isOk());

        QualityApi.awaitUntil("the check has ended", () -> jdbc.sql(
                "SELECT stage FROM reply_check WHERE order_number = :n").param("n", n).query(String.class).single()
                .equals("DONE"));
        assertThat(jdbc.sql("SELECT stage || ':' || outcome FROM reply_check WHERE order_number = :n").param("n", n)
                .query(String.class).single()).isEqualTo("DONE:CLOSED_BY_OVERRIDE");
    }

    @Test
    void anOrderRedoneOutsideTheLoopEndsItsOpenCheck() throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = replied("夜市占道经营");

        api.post("reviewer1", "/api/v1/orders/" + n + "/redo", "{\"reason\":\"市民再次来电反映仍占道\"}")
                .andExpect(status().isOk());

        QualityApi.awaitUntil("the check has ended", () -> jdbc.sql(
                "SELECT stage FROM reply_check WHERE order_number = :n").param("n", n).query(String.class).single()
                .equals("DONE"));
        assertThat(jdbc.sql("SELECT outcome FROM reply_check WHERE order_number = :n").param("n", n)
                .query(String.class).single()).isEqualTo("SUPERSEDED");
    }

    private String replied(String content) throws Exception {
        QualityApi api = new QualityApi(mvc, jdbc);
        String n = api.inProgress(content, null, "dcf-gulou", "gulou-handler");
        api.reply("gulou-handler", n, "已处理").andExpect(status().isOk());
        return n;
    }

    private WorkOrderEvent.Replied repliedEvent(String n) {
        WorkOrder o = orders.find(new OrderNumber(n), Actor.system());
        return new WorkOrderEvent.Replied(o.number(), o.repliedAt(), "gulou-handler", o.leadUnit(), null, true,
                o.redoCount());
    }

    private int checks(String n) {
        return jdbc.sql("SELECT COUNT(*) FROM reply_check WHERE order_number = :n").param("n", n)
                .query(Integer.class).single();
    }
}
