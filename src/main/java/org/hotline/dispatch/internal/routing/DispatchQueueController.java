package org.hotline.dispatch.internal.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.UnitSuggestion;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The manual dispatch queue (待派单) and fresh advice for one order, for dispatchers and supervisors. A
 * person still dispatches with {@code POST /api/v1/orders/{number}/dispatch}; this only tells them what the
 * AI dispatcher suggested and why.
 */
@RestController
@Tag(name = "智能派单", description = "Manual dispatch queue with AI suggestions")
class DispatchQueueController {

    private static final Set<Role> ALLOWED = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

    record UnitRef(String id, String name) {
    }

    record CategoryRef(String code, String name) {
    }

    /** A category behind a suggested unit, with its probability. */
    record CategoryChance(String code, String name, double probability) {
    }

    /**
     * One ranked unit: {@code probability} that it should lead (the sum of its categories'), the categories behind
     * it and the whole words of the message behind it; {@code category} is its most probable category.
     */
    record SuggestionView(UnitRef leadUnit, List<UnitRef> coUnits, CategoryRef category, double probability,
            List<String> evidence, String rule, String manualReason, List<CategoryChance> categories) {
    }

    /**
     * {@code confidence} is the unit confidence the decision was taken on; {@code categoryConfidence} the top
     * category's probability (null in records made before the unit was the decision, whose confidence was it).
     */
    record AdviceView(boolean automatic, String manualReason, String modelVersion, String labelKind,
            double confidence, Double categoryConfidence, UnitRef territorialUnit, String placeMatch, String rule,
            List<SuggestionView> suggestions, Instant decidedAt, String explanation, Instant readvisedAt) {
    }

    record QueueItem(String number, Instant registeredAt, Urgency urgency, CategoryRef category, String content,
            String address, AdviceView advice) {
    }

    record Queue(List<QueueItem> items, int page, int size, long total) {
    }

    private final WorkOrderService orders;
    private final DispatchRecords records;
    private final DispatchDecisions decisions;
    private final Units units;
    private final Categories categories;

    DispatchQueueController(WorkOrderService orders, DispatchRecords records, DispatchDecisions decisions,
            Units units, Categories categories) {
        this.orders = orders;
        this.records = records;
        this.decisions = decisions;
        this.units = units;
        this.categories = categories;
    }

    @GetMapping("/api/v1/dispatch/queue")
    @Operation(summary = "Orders waiting for a dispatcher, oldest first, with the AI's ranked suggestions")
    Queue queue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Actor actor) {
        requireDispatcher(actor);
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > OrderQuery.MAX_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 到 " + OrderQuery.MAX_SIZE + " 之间");
        }
        long total = registered(0, 1, actor).total();
        List<OrderSummary> oldestFirst = oldestFirst(page, size, total, actor);
        Map<String, DispatchRecords.Stored> stored = records.find(
                oldestFirst.stream().map(o -> o.number().value()).toList());
        List<QueueItem> items = oldestFirst.stream().map(o -> new QueueItem(o.number().value(), o.registeredAt(),
                o.urgency(), category(o.categoryCode()), o.content(), o.address(),
                stored.containsKey(o.number().value()) ? view(stored.get(o.number().value())) : null)).toList();
        return new Queue(items, page, size, total);
    }

    @GetMapping("/api/v1/orders/{number}/dispatch-advice")
    @Operation(summary = "A fresh dispatch decision for one order, e.g. after its text or address was corrected")
    AdviceView advice(@PathVariable String number, Actor actor) {
        requireDispatcher(actor);
        if (!OrderNumber.isWellFormed(number)) {
            throw new NotFoundException("工单 " + number + " 不存在");
        }
        WorkOrder order = orders.find(new OrderNumber(number), actor);
        return view(decisions.adviseForAPerson(DispatchRequest.of(order)));
    }

    /**
     * The order search lists newest first; the queue is worked oldest first. Page {@code page} of the
     * oldest-first list is a slice of at most two newest-first pages, read and reversed.
     */
    private List<OrderSummary> oldestFirst(int page, int size, long total, Actor actor) {
        long from = (long) page * size;
        if (from >= total) {
            return List.of();
        }
        long to = Math.min(from + size, total);
        long newestFrom = total - to;
        long newestTo = total - from;
        List<OrderSummary> slice = new ArrayList<>();
        for (long p = newestFrom / size; p * size < newestTo; p++) {
            List<OrderSummary> items = registered((int) p, size, actor).items();
            for (int i = 0; i < items.size(); i++) {
                long index = p * size + i;
                if (index >= newestFrom && index < newestTo) {
                    slice.add(items.get(i));
                }
            }
        }
        Collections.reverse(slice);
        return slice;
    }

    private OrderPage registered(int page, int size, Actor actor) {
        return orders.search(new OrderQuery(Set.of(OrderStatus.REGISTERED), null, null, null, null, null, null, null,
                null, null, page, size), actor);
    }

    private static void requireDispatcher(Actor actor) {
        if (!ALLOWED.contains(actor.role())) {
            throw new ForbiddenException("dispatch-role", "只有派单员和督办员可以查看派单建议");
        }
    }

    private AdviceView view(DispatchAdvice a) {
        List<SuggestionView> suggestions = a.suggestions().stream().map(this::view).toList();
        return new AdviceView(a.automatic(), a.manualReason(), a.modelVersion(),
                a.labelKind() == null ? null : a.labelKind().name(), a.confidence(), a.categoryConfidence(),
                unit(a.territorialUnit()),
                a.place() == null ? null : a.place().describe(), a.rule(), suggestions, null, a.explanation(), null);
    }

    private SuggestionView view(UnitSuggestion s) {
        return new SuggestionView(unit(s.leadUnit()), s.coUnits().stream().map(this::unit).toList(),
                category(s.categoryCode()), s.probability(), s.evidence(), s.rule(), s.manualReason(),
                s.categories().stream().map(c -> chance(c.label(), c.probability())).toList());
    }

    private AdviceView view(DispatchRecords.Stored s) {
        List<SuggestionView> suggestions = s.suggestions().stream().map(x -> new SuggestionView(unit(x.leadUnit()),
                x.coUnits().stream().map(this::unit).toList(), category(x.categoryCode()), x.probability(),
                x.evidence(), x.rule(), x.manualReason(),
                x.categories().stream().map(c -> chance(c.code(), c.probability())).toList())).toList();
        boolean unitLevel = s.unitConfidence() != null;
        return new AdviceView(s.automatic(), s.manualReason(), s.modelVersion(), s.labelKind(),
                unitLevel ? s.unitConfidence() : s.confidence(), unitLevel ? s.confidence() : null,
                unit(s.territorialUnit()), s.placeMatch(), s.rule(), suggestions, s.decidedAt(), null,
                s.readvisedAt());
    }

    private UnitRef unit(UnitId id) {
        return id == null ? null : unit(id.value());
    }

    private UnitRef unit(String id) {
        if (id == null) {
            return null;
        }
        return new UnitRef(id, units.find(new UnitId(id)).map(Unit::name).orElse(id));
    }

    private CategoryChance chance(String code, double probability) {
        return new CategoryChance(code, categories.find(code).map(Category::name).orElse(code), probability);
    }

    private CategoryRef category(String code) {
        return code == null ? null : new CategoryRef(code, categories.find(code).map(Category::name).orElse(code));
    }
}
