package org.hotline.workorder;

import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.GULOU;
import static org.hotline.workorder.WorkOrderFixture.HOUSING;
import static org.hotline.workorder.WorkOrderFixture.MARKET;
import static org.hotline.workorder.WorkOrderFixture.at;
import static org.hotline.workorder.WorkOrderFixture.director;
import static org.hotline.workorder.WorkOrderFixture.dispatcher;
import static org.hotline.workorder.WorkOrderFixture.handlerOf;
import static org.hotline.workorder.WorkOrderFixture.operator;
import static org.hotline.workorder.WorkOrderFixture.require;
import static org.hotline.workorder.WorkOrderFixture.reviewer;
import static org.hotline.workorder.WorkOrderFixture.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hotline.organization.UnitId;

/**
 * Five orders whose histories hold every action a work order records, built through the aggregate's own
 * transitions in the first two weeks of December 2026 (no holidays): one returned to another unit and worked
 * jointly, then sent back for redo and answered late; one whose return is refused, with a co-unit that declines
 * and one that delivers late, whose reply the director closes by override; a master order and an order merged into it; an inquiry answered at intake.
 */
public final class EveryAction {

    /** Returned by Enforcement to Housing, which adds Market as co-unit, replies, is sent back, replies late. */
    public final WorkOrder returnedAndRedone;
    /** Market's return refused; Gulou declines its part, Housing delivers late; the extension is refused; the director closes it by override. */
    public final WorkOrder returnRefused;
    /** Enforcement's order that {@link #merged} follows; replied and closed. */
    public final WorkOrder master;
    /** Dispatched to Gulou, merged into {@link #master}, closed with it. */
    public final WorkOrder merged;
    /** An inquiry the operator answered during the call. */
    public final WorkOrder answeredAtIntake;

    private EveryAction(Supplier<OrderNumber> numbers) {
        returnedAndRedone = register(numbers, "2026-11-30T09:00");
        WorkOrder o = returnedAndRedone;
        require(o.dispatch(ENFORCEMENT, List.of(GULOU), null, null, dispatcher(), at("2026-11-30T09:00"), DEADLINES));
        require(o.acknowledge(handlerOf(ENFORCEMENT), at("2026-11-30T14:00"))); // due at 11:00
        require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属住建部门职责", handlerOf(ENFORCEMENT),
                at("2026-11-30T14:30"), DEADLINES));
        require(o.approveReturn(null, "同意改派", dispatcher(), at("2026-11-30T15:00"), DEADLINES));
        require(o.acknowledge(handlerOf(HOUSING), at("2026-11-30T15:10")));
        require(o.acknowledgeAsCoUnit(handlerOf(GULOU), at("2026-11-30T15:20")));
        require(o.addCoUnit(MARKET, "涉及商户", handlerOf(HOUSING), at("2026-11-30T15:30"), DEADLINES));
        require(o.submitCoUnitPart("已安排社区排查", handlerOf(GULOU), at("2026-12-01T10:00")));
        require(o.requestExtension(2, "需协调物业", handlerOf(HOUSING), at("2026-12-01T11:00"), DEADLINES));
        require(o.decideExtension(true, null, supervisor(), at("2026-12-01T14:00"), DEADLINES));
        require(o.supervise("请加快办理", supervisor(), at("2026-12-01T15:00")));
        require(o.attach("现场照片.jpg", handlerOf(HOUSING), at("2026-12-01T16:00")));
        require(o.attach("通话录音.mp3", dispatcher(), at("2026-12-01T16:10")));
        require(o.recordNonCooperation(MARKET, dispatcher(), at("2026-12-04T09:00"))); // due on the 3rd, 15:30
        require(o.reply(WorkOrderFixture.reply(), handlerOf(HOUSING), at("2026-12-04T10:00")));
        require(o.recordReview("区级中心审核", true, null, reviewer(), at("2026-12-04T10:30")));
        require(o.recordCallback(1, "未解决，不满意", "积水仍在", supervisor(), at("2026-12-04T10:50")));
        require(o.redo("回访不满意，积水仍在", reviewer(), at("2026-12-04T11:00"), DEADLINES));
        require(o.acknowledge(handlerOf(HOUSING), at("2026-12-04T11:30")));
        require(o.reply(WorkOrderFixture.reply(), handlerOf(HOUSING), at("2026-12-14T10:00"))); // due on the 11th
        require(o.close(WorkOrderFixture.passedTheLoop(o), "回访满意", reviewer(), at("2026-12-14T16:00")));

        returnRefused = register(numbers, "2026-11-30T09:00");
        o = returnRefused;
        require(o.dispatch(MARKET, List.of(GULOU, HOUSING), null, null, dispatcher(), at("2026-11-30T09:00"),
                DEADLINES));
        require(o.declineAsCoUnit("不属于本单位职责", handlerOf(GULOU), at("2026-11-30T10:00")));
        require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, ENFORCEMENT, "属执法部门职责", handlerOf(MARKET),
                at("2026-11-30T11:00"), DEADLINES));
        require(o.rejectReturn("属市场监管职责", dispatcher(), at("2026-11-30T14:00"), DEADLINES));
        require(o.submitCoUnitPart("已核查房屋情况", handlerOf(HOUSING), at("2026-12-04T09:00"))); // due on the 3rd
        require(o.requestExtension(3, "需检测报告", handlerOf(MARKET), at("2026-12-04T10:00"), DEADLINES));
        require(o.decideExtension(false, "理由不充分", supervisor(), at("2026-12-04T11:00"), DEADLINES));
        require(o.reply(WorkOrderFixture.reply(), handlerOf(MARKET), at("2026-12-04T14:00")));
        require(o.recordReview("区级中心审核", false, "未说明处理依据", reviewer(), at("2026-12-04T15:00")));
        require(o.overrideClose("市民已撤诉，经主任批准办结", director(), at("2026-12-04T16:00")));

        master = register(numbers, "2026-11-30T09:00");
        require(master.dispatch(ENFORCEMENT, List.of(), null, null, dispatcher(), at("2026-11-30T09:00"), DEADLINES));
        merged = register(numbers, "2026-11-30T09:30");
        require(merged.dispatch(GULOU, List.of(), null, null, dispatcher(), at("2026-11-30T09:30"), DEADLINES));
        require(merged.mergeInto(master, "同一积水点", dispatcher(), at("2026-11-30T10:00")));
        require(master.acknowledge(handlerOf(ENFORCEMENT), at("2026-11-30T10:30")));
        require(master.reply(WorkOrderFixture.reply(), handlerOf(ENFORCEMENT), at("2026-12-01T10:00")));
        require(master.close(WorkOrderFixture.passedTheLoop(master), "回访满意", reviewer(), at("2026-12-01T15:00")));
        require(merged.closeWithMaster(master, reviewer(), at("2026-12-01T15:00")));

        List<WorkOrder> created = new ArrayList<>();
        require(WorkOrder.answerAtIntake(numbers.get(), WorkOrderFixture.appeal(AppealType.INQUIRY, "公积金怎么提取"),
                "可携带身份证到公积金中心办理", operator(), at("2026-11-30T09:40"), created::add));
        answeredAtIntake = created.get(0);
    }

    /** The five orders, numbered by {@code numbers}. */
    public static EveryAction build(Supplier<OrderNumber> numbers) {
        return new EveryAction(numbers);
    }

    /** Every order, a master before the orders merged into it. */
    public List<WorkOrder> orders() {
        return List.of(returnedAndRedone, returnRefused, master, merged, answeredAtIntake);
    }

    private static WorkOrder register(Supplier<OrderNumber> numbers, String at) {
        return WorkOrder.register(numbers.get(), WorkOrderFixture.appeal(AppealType.COMPLAINT, "小巷积水，无法通行"),
                operator(), at(at));
    }

    /** The facts of one history entry, for comparing. */
    public record Facts(OrderAction action, UnitId unit, UnitId otherUnit, Boolean late) {

        public static Facts of(HistoryEntry h) {
            return new Facts(h.action(), h.unit(), h.otherUnit(), h.late());
        }
    }
}
