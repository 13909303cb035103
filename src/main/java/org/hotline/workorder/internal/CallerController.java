package org.hotline.workorder.internal;

import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.WorkOrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A caller's earlier appeals (来电人历史诉求), for the operator's screen the moment a number comes in: every
 * order registered with that number however it was written, newest first. An index on the number keeps it a
 * lookup of the caller's own orders, however many orders there are. Who may ask: {@code CallerSearch}.
 */
@RestController
@Tag(name = "工单")
class CallerController {

    private final WorkOrderService service;

    CallerController(WorkOrderService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/callers/{phone}/orders")
    @Operation(summary = "来电人的历史诉求：按来电号码查找工单，最新的在前（仅限可回访群众的中心岗位）")
    OrderViews.PageView orders(@PathVariable String phone,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = OrderQuery.MAX_SIZE, message = "不能超过 200") int size,
            Actor actor) {
        OrderQuery query = new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, page, size)
                .byCaller(WorkOrderController.callerPhone("phone", phone), null);
        return OrderViews.of(service.search(query, actor), actor);
    }
}
