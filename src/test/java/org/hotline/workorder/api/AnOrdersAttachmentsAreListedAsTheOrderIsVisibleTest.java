package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.hotline.platform.NotFoundException;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrderService;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Other modules' pages (the reviewer's) list an order's attachments through {@link WorkOrderService#attachments}:
 * to whoever may see the order, and to nobody else (another unit's order does not exist, its files neither).
 */
@HotlineIntegrationTest
class AnOrdersAttachmentsAreListedAsTheOrderIsVisibleTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired
    WorkOrderService orders;

    @Test
    void theAttachmentsAreListedOldestFirstToWhoMaySeeTheOrder() {
        OrderNumber n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("赵大爷", "13306357007", false), "东关街后巷积水", new Location("东关街", null, null), null,
                Urgency.NORMAL), null, WorkOrderFixture.operator(), null, null).order().number();
        orders.dispatch(n, WorkOrderFixture.ENFORCEMENT, List.of(), null, null, WorkOrderFixture.dispatcher(), null);
        orders.attach(n, "现场照片.png", "image/png", PNG, WorkOrderFixture.handlerOf(WorkOrderFixture.ENFORCEMENT));
        orders.attach(n, "处理后.png", "image/png", PNG, WorkOrderFixture.handlerOf(WorkOrderFixture.ENFORCEMENT));

        assertThat(orders.attachments(n, WorkOrderFixture.reviewer()))
                .extracting(a -> a.fileName() + " " + a.contentType() + " " + a.size())
                .containsExactly("现场照片.png image/png " + PNG.length, "处理后.png image/png " + PNG.length);
        assertThat(orders.attachments(n, WorkOrderFixture.handlerOf(WorkOrderFixture.ENFORCEMENT))).hasSize(2);
        assertThatThrownBy(() -> orders.attachments(n, WorkOrderFixture.handlerOf(WorkOrderFixture.MARKET)))
                .isInstanceOf(NotFoundException.class);
    }
}
