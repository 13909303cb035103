package org.hotline.workorder.internal;

import static org.hotline.workorder.WorkOrderFixture.passedTheLoop;
import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.GULOU;
import static org.hotline.workorder.WorkOrderFixture.HOUSING;
import static org.hotline.workorder.WorkOrderFixture.dispatcher;
import static org.hotline.workorder.WorkOrderFixture.handlerOf;
import static org.hotline.workorder.WorkOrderFixture.operator;
import static org.hotline.workorder.WorkOrderFixture.require;
import static org.hotline.workorder.WorkOrderFixture.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;

/**
 * Orders for the repository contract, built through legal transitions only (the same paths as
 * {@link WorkOrderFixture#inStatus}) but numbered from a range of their own.
 *
 * <p>Why not the fixture's numbers: {@link WorkOrderFixture#nextNumber()} counts from 1 on 2026-11-30, a day
 * that fixed test clocks (and, from that day on, the real clock) use for intake. Orders stored under those
 * numbers in a shared database would collide with numbers {@link OrderNumbers} hands out to another test. The
 * numbering day here, 2000-01-03, is before the hotline's time: no clock ever takes numbers for it.
 */
final class ContractOrders {

    static final LocalDate NUMBERING_DAY = LocalDate.of(2000, 1, 3);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private ContractOrders() {
    }

    static OrderNumber nextNumber() {
        return OrderNumber.of(NUMBERING_DAY, SEQUENCE.incrementAndGet());
    }

    static WorkOrder.Appeal appeal(Channel channel, AppealType type, String content, String address, String category) {
        return new WorkOrder.Appeal(channel, type, new Citizen("李先生", "13905351234", false), content,
                new Location(address, 36.4567, 115.9853), category, Urgency.NORMAL);
    }

    static WorkOrder registered(WorkOrder.Appeal appeal, Instant at) {
        return WorkOrder.register(nextNumber(), appeal, operator(), at);
    }

    static WorkOrder registered(Instant at) {
        return registered(appeal(Channel.PHONE, AppealType.COMPLAINT, "小巷积水，无法通行", "古楼街道东关街 12 号", null), at);
    }

    static WorkOrder dispatched(WorkOrder.Appeal appeal, UnitId lead, List<UnitId> coUnits, Instant at) {
        WorkOrder o = registered(appeal, at);
        require(o.dispatch(lead, coUnits, null, null, dispatcher(), at, DEADLINES));
        return o;
    }

    static WorkOrder dispatched(Instant at) {
        WorkOrder o = registered(at);
        require(o.dispatch(ENFORCEMENT, List.of(GULOU), null, null, dispatcher(), at, DEADLINES));
        return o;
    }

    static WorkOrder inProgress(Instant at) {
        WorkOrder o = dispatched(at);
        require(o.acknowledge(handlerOf(ENFORCEMENT), at.plusSeconds(600)));
        return o;
    }

    /**
     * The orders to store, in this order, so that the last one is in {@code status}. A merged order points at
     * its master (a foreign key), so for {@link OrderStatus#MERGED} the master comes first.
     */
    static List<WorkOrder> inStatus(OrderStatus status, Instant t0) {
        return switch (status) {
            case REGISTERED -> List.of(registered(t0));
            case DISPATCHED -> List.of(dispatched(t0));
            case IN_PROGRESS -> List.of(inProgress(t0));
            case RETURN_REQUESTED -> {
                WorkOrder o = dispatched(t0);
                require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                        handlerOf(ENFORCEMENT), t0.plusSeconds(1800), DEADLINES));
                yield List.of(o);
            }
            case REPLIED -> List.of(replied(t0));
            case CLOSED -> {
                WorkOrder o = replied(t0);
                require(o.close(passedTheLoop(o), "回访满意", reviewer(), t0.plusSeconds(3 * 86400)));
                yield List.of(o);
            }
            case MERGED -> {
                WorkOrder master = registered(t0);
                WorkOrder o = registered(t0.plusSeconds(60));
                require(o.mergeInto(master, "同一积水点", dispatcher(), t0.plusSeconds(120)));
                yield List.of(master, o);
            }
        };
    }

    static WorkOrder replied(Instant t0) {
        WorkOrder o = inProgress(t0);
        require(o.submitCoUnitPart("已安排社区排查", handlerOf(GULOU), t0.plusSeconds(3600)));
        require(o.reply(WorkOrderFixture.reply(), handlerOf(ENFORCEMENT), t0.plusSeconds(7200)));
        return o;
    }
}
