package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotline.dispatch.LabelKind;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrderService;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The learning loop: a dispatcher's correction and an approved return become training examples of both kinds,
 * and the version trained next answers as the dispatcher did.
 */
@HotlineIntegrationTest
class ACorrectionChangesTheNextModelTest {

    private static final String APPEAL = "向阳小区东门外的空地上每天晚上都有人聚集，声音很大，希望有人来管管。";
    private static final String CORRECTED_CATEGORY = "12.04.01";
    private static final UnitId CORRECTED_UNIT = new UnitId("dcf-xinqu");

    @Autowired
    WorkOrderService orders;
    @Autowired
    ModelTraining training;
    @Autowired
    ModelRegistry registry;
    @Autowired
    TrainingHistory history;
    @Autowired
    FirstModel firstModel;

    @Test
    void dispatchersCorrectionsAreLearnedByTheNextVersion() throws Exception {
        firstModel.done().get(3, TimeUnit.MINUTES);
        training.train(LabelKind.CATEGORY, "test", "before the corrections", true);
        assertThat(registry.classify("", APPEAL).best().label()).as("the model first answers otherwise")
                .isNotEqualTo(CORRECTED_CATEGORY);

        List<String> corrected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WorkOrder order = orders.register(WorkorderAppeal.of(APPEAL), null, WorkOrderFixture.operator(), null,
                    null).order();
            assertThat(order.status()).isEqualTo(OrderStatus.REGISTERED);
            orders.dispatch(order.number(), CORRECTED_UNIT, List.of(), CORRECTED_CATEGORY, "人工改派",
                    WorkOrderFixture.dispatcher(), null);
            corrected.add(order.number().value());
        }
        LearningFixture.eventually("the corrections to become examples", Duration.ofSeconds(30),
                () -> corrected.stream().allMatch(n -> history.ofOrder(n).size() == 2));
        assertThat(history.ofOrder(corrected.get(0))).extracting(e -> e.kind() + " " + e.label())
                .containsExactlyInAnyOrder("CATEGORY " + CORRECTED_CATEGORY, "UNIT " + CORRECTED_UNIT.value());
        assertThat(history.ofOrder(corrected.get(0))).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(ExampleSource.CORRECTION);
            assertThat(e.body()).isEqualTo(APPEAL);
        });

        training.train(LabelKind.CATEGORY, "test", "after the corrections", true);

        assertThat(registry.classify("", APPEAL).best().label()).isEqualTo(CORRECTED_CATEGORY);
    }

    @Test
    void theAiDispatchersOwnDispatchesTeachNothing() throws Exception {
        WorkOrder order = orders.register(WorkorderAppeal.of("花园路的路灯不亮了"), null, WorkOrderFixture.operator(),
                null, null).order();
        OrderNumber number = order.number();
        if (order.status() == OrderStatus.REGISTERED) {
            orders.dispatch(number, new UnitId("dcf-zhzfj"), List.of(), "09.05.01", null,
                    WorkOrderService.AI_DISPATCHER, null);
        }
        // a human dispatch of another order, to know when the listener has caught up: to a category and unit no
        // model would suggest for the text, so that it is a correction whatever the model in service says
        WorkOrder witness = orders.register(WorkorderAppeal.of("兴华路井盖缺失"), null, WorkOrderFixture.operator(), null,
                null).order();
        if (witness.status() == OrderStatus.REGISTERED) {
            orders.dispatch(witness.number(), new UnitId("dcf-rsj"), List.of(), "02.01.01", null,
                    WorkOrderFixture.dispatcher(), null);
        } else {
            // dispatched by the AI already: a dispatcher's approved return teaches instead
            orders.requestReturn(witness.number(), org.hotline.workorder.ReturnReason.OUTSIDE_JURISDICTION,
                    new UnitId("dcf-rsj"), "不属本单位", WorkOrderFixture.handlerOf(witness.leadUnit()), null);
            orders.decideReturn(witness.number(), true, new UnitId("dcf-rsj"), "改派", WorkOrderFixture.dispatcher(),
                    null);
        }
        LearningFixture.eventually("the human dispatch to be learned", Duration.ofSeconds(30),
                () -> history.ofOrder(witness.number().value()).size() == 2);

        assertThat(history.ofOrder(number.value())).isEmpty();
    }

    @Test
    void anApprovedReturnTeachesTheUnitTheCenterSentTheOrderOnTo() throws Exception {
        WorkOrder order = orders.register(WorkorderAppeal.of("东关街后巷下雨后积水没过脚踝，老人出不了门"), null,
                WorkOrderFixture.operator(), null, null).order();
        OrderNumber number = order.number();
        if (order.status() == OrderStatus.REGISTERED) {
            // dispatched by the AI, which teaches nothing: what is learned below comes from the return alone
            orders.dispatch(number, new UnitId("dcf-zjj"), List.of(), "09.05.03", null, WorkOrderService.AI_DISPATCHER,
                    null);
        }
        UnitId first = orders.find(number, WorkOrderFixture.dispatcher()).leadUnit();
        UnitId right = first.equals(CORRECTED_UNIT) ? new UnitId("dcf-gulou") : CORRECTED_UNIT;
        orders.requestReturn(number, org.hotline.workorder.ReturnReason.OUTSIDE_JURISDICTION, right, "积水属街道管辖",
                WorkOrderFixture.handlerOf(first), null);
        orders.decideReturn(number, true, right, "同意退回，改派", WorkOrderFixture.dispatcher(), null);
        String category = orders.find(number, WorkOrderFixture.dispatcher()).categoryCode();

        LearningFixture.eventually("the approved return to become examples", Duration.ofSeconds(30),
                () -> history.ofOrder(number.value()).size() >= 2);
        assertThat(history.ofOrder(number.value())).extracting(e -> e.source() + " " + e.kind() + " " + e.label())
                .as("one example per kind: the re-dispatch the approval causes is not learned a second time")
                .containsExactlyInAnyOrder("CORRECTION UNIT " + right.value(),
                        "CORRECTION CATEGORY " + category);
    }

    /** A complaint about the given text, registered without a category (the dispatcher sets it). */
    private static final class WorkorderAppeal {
        static WorkOrder.Appeal of(String content) {
            return WorkOrderFixture.appeal(AppealType.COMPLAINT, content);
        }
    }
}
