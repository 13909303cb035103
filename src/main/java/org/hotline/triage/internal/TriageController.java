package org.hotline.triage.internal;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.platform.ForbiddenException;
import org.hotline.triage.TriageAccess;
import org.hotline.triage.TriageRequest;
import org.hotline.triage.Triager;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Decision;
import org.hotline.workorder.IntakeTriage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Triage for the operator's intake form (分流建议): advice as they type, and the orders triage held for a person.
 * The advice writes nothing; what the operator decides is sent with the registration
 * ({@code POST /api/v1/orders}, field {@code triage}) or, for a held order, to
 * {@code POST /api/v1/orders/{number}/triage-decision}.
 */
@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "分流", description = "Triage at first contact: emergencies, other channels, invalid calls, knowledge answers")
class TriageController {

    private final Triager triager;
    private final TriageRecords records;
    private final IntakeTriageAdapter adapter;

    TriageController(Triager triager, TriageRecords records, IntakeTriageAdapter adapter) {
        this.triager = triager;
        this.records = records;
        this.adapter = adapter;
    }

    record AdviceRequest(@NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") String content,
            AppealType appealType, Channel channel) {
    }

    record HeldOrder(String number, java.time.Instant registeredAt, String content, IntakeTriage.Advice advice,
            java.time.Instant advisedAt) {
    }

    record HeldPage(List<HeldOrder> items, int page, int size, long total) {
    }

    @PostMapping("/advice")
    @Operation(summary = "分流建议：话务员录入时调用，返回是否紧急转接、告知其他途径、无效诉求、直接答复或正常派单，附依据；不写入任何数据",
            description = "outcome: EMERGENCY (service, serviceNumber: 110/119/120/122), OTHER_CHANNEL (route:"
                    + " LITIGATION, ARBITRATION, RECONSIDERATION, PETITION, DISCIPLINE), INVALID (invalidReason),"
                    + " KNOWLEDGE (knowledge[0] answers it), DISPATCH. flagged with note: an ambiguous appeal the"
                    + " operator should look at. instruction: what the operator does; explanation: what the citizen"
                    + " is told; warning: shown to a citizen who entered an emergency alone (channel other than"
                    + " PHONE). evidence: the rules and the appeal's words behind the advice (effect DECIDED, HINT,"
                    + " HELD_BACK with the words that held it back).")
    IntakeTriage.Advice advice(@Valid @RequestBody AdviceRequest r, Actor actor) {
        refuseIfRejected(TriageAccess.mayAsk(actor));
        return Advices.of(triager.triage(new TriageRequest(r.content().strip(), r.appealType(), r.channel())));
    }

    @GetMapping("/held")
    @Operation(summary = "待分流确认：分流建议为紧急转接、其他途径或无效、但无人决定的工单（不会自动派单），最早的在前")
    HeldPage held(@RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 200, message = "不能超过 200") int size, Actor actor) {
        refuseIfRejected(TriageAccess.mayAsk(actor));
        long offset = (long) page * size;
        List<HeldOrder> items = (offset > Integer.MAX_VALUE ? List.<TriageRecords.Held>of()
                : records.held((int) offset, size)).stream()
                .map(h -> new HeldOrder(h.number(), h.registeredAt(), h.content(),
                        adapter.recorded(h.record()).advice(), h.record().advisedAt()))
                .toList();
        return new HeldPage(items, page, size, records.countHeld());
    }

    private static void refuseIfRejected(Decision decision) {
        if (decision instanceof Decision.Rejected r) {
            throw new ForbiddenException(r.code(), r.reason());
        }
    }
}
