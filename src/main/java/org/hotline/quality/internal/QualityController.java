package org.hotline.quality.internal;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.quality.CallResult;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewLevel;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Review (审核), callback (回访) and escalation (转督办) under {@code /api/v1/quality}: a queue to read (GET) and a
 * decision to record (POST) for each; an escalated order is concluded (督办办结) with a written conclusion.
 */
@RestController
@RequestMapping("/api/v1/quality")
@Tag(name = "审核与回访", description = "Review levels, callbacks to citizens, escalations to supervisors")
class QualityController {

    private final QualityLoop loop;
    private final WorkOrderService orders;

    private final ReplyQualityScores scores;
    private final java.time.ZoneId zone;

    QualityController(QualityLoop loop, WorkOrderService orders, ReplyQualityScores scores,
            @org.springframework.beans.factory.annotation.Value("${hotline.zone:Asia/Shanghai}") String zone) {
        this.loop = loop;
        this.orders = orders;
        this.scores = scores;
        this.zone = java.time.ZoneId.of(zone);
    }

    record ReviewDecisionRequest(@NotNull(message = "必须填写") Boolean approve,
            @Size(max = 2000, message = "不能超过 2000 个字符") String reason, ReviewLevel level) {
    }

    record CallbackAttemptRequest(@NotNull(message = "必须填写") Boolean reached, Boolean resolved,
            Satisfaction satisfaction, @Size(max = 2000, message = "不能超过 2000 个字符") String comment) {
    }

    record ConclusionRequest(@NotBlank(message = "必须写明督办结论")
            @Size(max = 2000, message = "不能超过 2000 个字符") String conclusion) {
    }

    /** What a decision led to: the reply's check and where the order stands now. */
    record DecisionResult(QualityViews.CheckView check, String orderStatus) {
    }

    @GetMapping("/reply-quality/units")
    @Operation(summary = "各单位答复质量（考核指标）：答复数、平均分、低质量答复数及占比")
    List<ReplyQualityScores.UnitFigure> replyQuality(@RequestParam java.time.LocalDate from,
            @RequestParam java.time.LocalDate to, Actor actor) {
        if (!actor.isCenter()) {
            throw new org.hotline.platform.ForbiddenException("not-permitted", "答复质量统计只对中心人员开放");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "不能早于 from");
        }
        return scores.perUnit(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @GetMapping("/reviews")
    @Operation(summary = "审核队列：本人可审核级别的待审核答复（单位领导只看本单位）")
    QualityViews.PageView<QualityViews.ReviewItem> reviews(@RequestParam(required = false) ReviewLevel level,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 200, message = "不能超过 200") int size,
            Actor actor) {
        return loop.reviewQueue(level, actor, page, size);
    }

    @PostMapping("/reviews/{number}/decision")
    @Operation(summary = "审核：通过进入下一级（最后一级后进入回访），驳回（须说明理由）则重办")
    DecisionResult review(@PathVariable String number, @Valid @RequestBody ReviewDecisionRequest r, Actor actor) {
        OrderNumber n = number(number);
        ReplyCheck check = loop.review(n, r.level(), r.approve(), r.reason(), actor);
        return result(n, check, actor);
    }

    @GetMapping("/callbacks")
    @Operation(summary = "回访队列：现在应回访的答复，按到期时间排列")
    QualityViews.PageView<QualityViews.CallbackItem> callbacks(
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 200, message = "不能超过 200") int size,
            Actor actor) {
        return loop.callbackQueue(actor, page, size);
    }

    @PostMapping("/callbacks/{number}/attempts")
    @Operation(summary = "记录一次回访：未接通则另一个工作日再访；满意办结；不满意重办（两次重办后转督办）")
    DecisionResult callback(@PathVariable String number, @Valid @RequestBody CallbackAttemptRequest r, Actor actor) {
        OrderNumber n = number(number);
        ReplyCheck check = loop.recordCallback(n, callResult(r), actor);
        return result(n, check, actor);
    }

    @GetMapping("/escalations")
    @Operation(summary = "转督办队列：两次重办后回访仍未解决或不满意的工单")
    QualityViews.PageView<QualityViews.EscalationItem> escalations(
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少为 1")
            @Max(value = 200, message = "不能超过 200") int size,
            Actor actor) {
        return loop.escalationQueue(actor, page, size);
    }

    @PostMapping("/escalations/{number}/conclusion")
    @Operation(summary = "督办办结：督办员或中心主任对转督办的工单写明督办结论，工单据此办结（不计为主任决定办结）")
    DecisionResult concludeEscalation(@PathVariable String number, @Valid @RequestBody ConclusionRequest r,
            Actor actor) {
        OrderNumber n = number(number);
        ReplyCheck check = loop.concludeEscalation(n, r.conclusion(), actor);
        return result(n, check, actor);
    }

    @GetMapping("/orders/{number}")
    @Operation(summary = "工单各次答复的审核意见与回访记录")
    List<QualityViews.CheckView> record(@PathVariable String number, Actor actor) {
        return loop.record(number(number), actor);
    }

    // ---------------------------------------------------------------- helpers

    private DecisionResult result(OrderNumber n, ReplyCheck check, Actor actor) {
        return new DecisionResult(loop.record(n, actor).stream().filter(c -> c.replySeq() == check.replySeq())
                .findFirst().orElseThrow(), orders.find(n, actor).status().name());
    }

    /** The fields of a call must agree with whether the citizen was reached; the field at fault is named. */
    static CallResult callResult(CallbackAttemptRequest r) {
        if (r.reached()) {
            if (r.resolved() == null) {
                throw new InvalidInputException("resolved", "接通后必须填写是否已解决");
            }
            if (r.satisfaction() == null) {
                throw new InvalidInputException("satisfaction", "接通后必须填写满意度");
            }
            return CallResult.reached(r.resolved(), r.satisfaction(), blankToNull(r.comment()));
        }
        if (r.resolved() != null) {
            throw new InvalidInputException("resolved", "未接通时不能填写是否已解决");
        }
        if (r.satisfaction() != null) {
            throw new InvalidInputException("satisfaction", "未接通时不能填写满意度");
        }
        return CallResult.notReached(blankToNull(r.comment()));
    }

    static OrderNumber number(String number) {
        if (!OrderNumber.isWellFormed(number)) {
            throw new NotFoundException("工单 " + number + " 不存在");
        }
        return new OrderNumber(number);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
