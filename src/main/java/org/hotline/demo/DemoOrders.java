package org.hotline.demo;

import java.util.List;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.IntakeDecision;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.Settlement;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds demo orders through the same service the API uses, so every demo order has a real history. Runs
 * once the application is ready (after the demo organisation is loaded) and only when there are no orders
 * yet. Meant for one instance on the embedded database; production runs with {@code hotline.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "hotline.demo.enabled", havingValue = "true")
class DemoOrders {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

    private static final UnitId MARKET = new UnitId("dcf-scjgj");
    private static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    private static final UnitId HOUSING = new UnitId("dcf-zjj");
    private static final UnitId LABOUR = new UnitId("dcf-rsj");
    private static final UnitId GULOU = new UnitId("dcf-gulou");
    private static final UnitId LIUYUAN = new UnitId("dcf-liuyuan");
    private static final UnitId XINQU = new UnitId("dcf-xinqu");
    private static final UnitId POWER = new UnitId("dcf-power");

    private final Actor operator = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private final Actor dispatcher = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    private final Actor supervisor = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);
    private final Actor reviewer = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);

    private final WorkOrderService orders;

    DemoOrders(WorkOrderService orders) {
        this.orders = orders;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Actor director = new Actor("director1", "中心主任", Role.DIRECTOR, null);
        if (orders.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, 0, 1),
                director).total() > 0) {
            return;
        }
        seedOrders();
        log.info("Demo orders loaded");
    }

    private void seedOrders() {
        story("Waiting for dispatch", () -> {
            register(Channel.PHONE, AppealType.COMPLAINT, "孙女士", "13806351001",
                    "柳园路与兴华路交叉口东北角雨水井盖缺失，夜间行人容易踩空，请尽快补装。", "柳园路与兴华路交叉口", "09.05");
            register(Channel.WEB, AppealType.SUGGESTION, "匿名", null,
                    "建议在花园路小学门口上下学时段增设交通协管员，家长接送车辆经常堵塞路口。", "花园路小学", "07.04");
            register(Channel.APP, AppealType.HELP_REQUEST, "刘先生", "13906352002",
                    "家中老人独居，楼道声控灯坏了一个多月，物业说没有经费维修，希望帮助协调。", "新区街道振兴社区 6 号楼", null);
        });
        story("Dispatched, waiting to be acknowledged", () -> {
            OrderNumber refund = register(Channel.PHONE, AppealType.COMPLAINT, "王先生", "13706353003",
                    "孩子在东昌路一家英语培训机构报了一年课程，机构突然停课，要求退还剩余学费 6800 元被拒绝。",
                    "东昌路中段", "03.04.02");
            orders.dispatch(refund, MARKET, List.of(GULOU), "03.04.02", "涉及预付式消费，市场监管牵头，属地配合", dispatcher, null);

            OrderNumber noise = register(Channel.PHONE, AppealType.COMPLAINT, "陈女士", "13606354004",
                    "湖南路某工地连续多日夜间十一点后仍在浇筑混凝土，噪声很大，影响休息。", "湖南路东段工地", "01.02.01");
            orders.dispatch(noise, ENFORCEMENT, List.of(), "01.02.01", null, dispatcher, null);
        });
        story("Acknowledged and in progress, one with an extension request and one supervised", () -> {
            OrderNumber wages = register(Channel.PHONE, AppealType.HELP_REQUEST, "张师傅", "13506355005",
                    "在侯营镇一处厂房工地干了三个月瓦工，包工头拖欠工资一万二千元，多次讨要未果。", "侯营镇工业园", "02.01.01");
            orders.dispatch(wages, LABOUR, List.of(), "02.01.01", null, dispatcher, null);
            orders.acknowledge(wages, unitUser(LABOUR, "rsj-handler"), null);
            orders.requestExtension(wages, 5, "需联系总包单位核实用工名单和工资发放记录", unitUser(LABOUR, "rsj-handler"), null);

            OrderNumber stall = register(Channel.PATROL, AppealType.REPORT, "网格员李某", "13406356006",
                    "卫育路农贸市场北门外占道摆摊，早高峰机动车无法通行。", "卫育路农贸市场北门", "09.01.01");
            orders.dispatch(stall, ENFORCEMENT, List.of(LIUYUAN), "09.01.01", null, dispatcher, null);
            orders.acknowledge(stall, unitUser(ENFORCEMENT, "zf-handler"), null);
            orders.supervise(stall, "该点位本月已第三次反映，请制定长效管理措施", supervisor, null);
        });
        story("The waterlogged alley: dispatched to the wrong unit, returned, re-dispatched, in joint handling", () -> {
            OrderNumber alley = register(Channel.PHONE, AppealType.HELP_REQUEST, "赵大爷", "13306357007",
                    "古楼街道东关街一条小巷下雨后积水没过脚踝，老人出门困难，排水口好像堵了。", "古楼街道东关街", "09.05.03");
            orders.dispatch(alley, HOUSING, List.of(), "09.05.03", null, dispatcher, null);
            orders.requestReturn(alley, ReturnReason.OUTSIDE_JURISDICTION, ENFORCEMENT,
                    "小巷排水口属市政排水设施，由综合行政执法局（市政设施管护）负责", unitUser(HOUSING, "zjj-handler"), null);
            orders.decideReturn(alley, true, null, "同意，改派综合行政执法局", dispatcher, null);
            orders.acknowledge(alley, unitUser(ENFORCEMENT, "zf-handler"), null);
            orders.addCoUnit(alley, GULOU, "请街道组织社区清理巷内杂物", unitUser(ENFORCEMENT, "zf-handler"), null);
        });
        story("Replied, waiting for review and callback", () -> {
            OrderNumber power = register(Channel.PHONE, AppealType.HELP_REQUEST, "周女士", "13206358008",
                    "北城街道某小区 3 号楼从中午开始停电，没有接到任何通知。", "北城街道", "13.02");
            orders.dispatch(power, POWER, List.of(), "13.02", null, dispatcher, null);
            orders.acknowledge(power, unitUser(POWER, "power-handler"), null);
            orders.reply(power, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED,
                    "经查为小区配电箱空气开关老化跳闸，已于当日更换并恢复供电，并向您致歉。", "抢修班组现场更换开关 1 处",
                    "建议物业对配电设施开展排查", true), unitUser(POWER, "power-handler"), null);
        });
        story("Redone once after an unsatisfied callback, then closed", () -> {
            OrderNumber smoke = register(Channel.WEB, AppealType.COMPLAINT, "吴先生", "13106359009",
                    "新区街道一家烧烤店油烟直排，楼上住户无法开窗。", "新区街道昌润路", "05.01.03");
            orders.dispatch(smoke, ENFORCEMENT, List.of(XINQU), "05.01.03", null, dispatcher, null);
            orders.acknowledge(smoke, unitUser(ENFORCEMENT, "zf-handler"), null);
            orders.submitCoUnitPart(smoke, "社区已上门宣传油烟净化要求", unitUser(XINQU, "xinqu-handler"), null);
            orders.reply(smoke, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已责令商户限期安装油烟净化设施。",
                    "现场检查并下达责令整改通知书", null, true), unitUser(ENFORCEMENT, "zf-handler"), null);
            orders.redo(smoke, "回访群众不满意：整改期限已过仍在直排", reviewer, null);
            orders.acknowledge(smoke, unitUser(ENFORCEMENT, "zf-handler"), null);
            orders.reply(smoke, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED,
                    "商户已安装油烟净化器并经复查合格，执法人员将于一个月内再次回查。", "复查并拍照存档", null, true),
                    unitUser(ENFORCEMENT, "zf-handler"), null);
            // Before the callback the citizen phoned to withdraw the appeal: closing outside the quality loop is the
            // director's override, with the reason on record and counted in the statistics.
            orders.overrideClose(smoke, "市民来电告知商户已停止直排油烟，撤回诉求",
                    new Actor("director1", "中心主任", Role.DIRECTOR, null), null);
        });
        story("Answered at intake", () -> {
            orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.INQUIRY, new Citizen("郑女士", "13006350010",
                    false), "请问居民医保今年的缴费截止日期是什么时候？", Location.none(), "02.04.02", Urgency.NORMAL),
                    "已告知：按当年度缴费公告执行，可通过线上缴费渠道或到社区代办点缴纳。", operator, null, null);
    
        });
        story("Settled at intake by triage (分流)", () -> {
            // an emergency the operator transferred, and a case already in court: closed at once, never dispatched
            orders.intake(new WorkOrder.Appeal(Channel.PHONE, AppealType.HELP_REQUEST, new Citizen("周先生", "13306351011",
                    false), "柳园路一家饭店后厨着火了，烟很大，里面还有人", new Location("柳园路", null, null), null,
                    Urgency.URGENT), IntakeDecision.settle(new Settlement.Referral(EmergencyService.FIRE, "已转接 119")),
                    operator, null, null);
            orders.intake(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, new Citizen("吴女士", "13306351012",
                    false), "与装修公司的合同纠纷已经起诉到区法院，法院还没开庭，希望热线督促", Location.none(), null,
                    Urgency.NORMAL), IntakeDecision.settle(new Settlement.Redirection(ProperRoute.LITIGATION,
                    "您反映的事项已进入诉讼程序，应由人民法院依法审理，请向受理案件的法院反映。")), operator, null, null);
            // a web appeal triage held for a person: it is not dispatched until someone decides
            orders.register(new WorkOrder.Appeal(Channel.WEB, AppealType.COMPLAINT, new Citizen("匿名", null, false),
                    "测试", Location.none(), null, Urgency.NORMAL), null, operator, null, null);
        });
    }

    /**
     * One demo story. With AI dispatch on, the model may already have dispatched a demo order elsewhere than
     * the story goes on to assume; the story then stops there and the order stays as the AI left it.
     */
    private void story(String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException e) {
            log.info("Demo story '{}' stopped early: {}", name, e.getMessage());
        }
    }

    private OrderNumber register(Channel channel, AppealType type, String name, String phone, String content,
            String address, String category) {
        WorkOrder.Appeal appeal = new WorkOrder.Appeal(channel, type, new Citizen(name, phone, false), content,
                new Location(address, null, null), category, Urgency.NORMAL);
        return orders.register(appeal, null, operator, null, null).order().number();
    }

    private static Actor unitUser(UnitId unit, String username) {
        return new Actor(username, username, Role.UNIT_HANDLER, unit);
    }
}
