package org.hotline.hotissue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.NotFoundException;
import org.springframework.validation.annotation.Validated;
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
 * Hot issues under {@code /api/v1/hot-issues}: the daily top list, one issue with its orders, tackling and
 * history, the hot issue of an order (for intake and dispatch), each unit's recurring problems, a supervisor's
 * links and unlinks, and the tackling's steps.
 */
@RestController
@Validated
@RequestMapping("/api/v1/hot-issues")
@Tag(name = "热点问题", description = "Hot issues, their heat, and their concentrated tackling")
class HotIssueController {

    private final HotIssueService hotIssues;
    private final Clock clock;

    HotIssueController(HotIssueService hotIssues, Clock clock) {
        this.hotIssues = hotIssues;
        this.clock = clock;
    }

    record LinkRequest(@NotBlank(message = "必须填写") @Size(max = 20, message = "不能超过 20 个字符") String order) {
    }

    record ReasonRequest(@NotBlank(message = "必须写明理由") @Size(max = 2000, message = "不能超过 2000 个字符")
            String reason) {
    }

    record ChooseRequest(@NotNull(message = "必须填写") YearMonth month) {
    }

    record AssignRequest(@NotBlank(message = "必须填写") String leadUnit,
            @Size(max = 10, message = "不能超过 10 个") List<@NotBlank(message = "不能为空") String> coUnits) {
    }

    record MeasureRequest(@NotBlank(message = "必须填写") @Size(max = 1000, message = "不能超过 1000 个字符")
            String description, @NotBlank(message = "必须填写") String unit, @NotNull(message = "必须填写") LocalDate due) {
    }

    record DoneRequest(@NotNull(message = "必须填写") LocalDate doneOn) {
    }

    record ResultRequest(@NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符")
            String result) {
    }

    record NoteRequest(@Size(max = 2000, message = "不能超过 2000 个字符") String note) {
    }

    @GetMapping("/top")
    @Operation(summary = "每日热点榜：截至当日的热点问题，按热度排序，附热度构成")
    HotIssueViews.TopList top(@RequestParam(required = false) LocalDate day,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = "至少为 1")
            @Max(value = 100, message = "不能超过 100") int limit, Actor actor) {
        requireCenter(actor);
        return hotIssues.top(day == null ? LocalDate.now(clock) : day, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "热点问题详情：工单、热度构成、攻坚进展和历史")
    HotIssueViews.IssueDetail detail(@PathVariable long id, Actor actor) {
        return hotIssues.detail(id, actor);
    }

    @GetMapping("/orders/{number}")
    @Operation(summary = "工单所属的热点问题（受理和派单时参考，口径一致、重复诉求可并单）")
    HotIssueViews.OrderIssue ofOrder(@PathVariable String number, Actor actor) {
        requireCenter(actor);
        return hotIssues.ofOrder(number).orElseThrow(() -> new NotFoundException("工单 " + number + " 不属于任何热点问题"));
    }

    @GetMapping("/recurring")
    @Operation(summary = "单位的反复诉求问题（每月攻坚会议用）")
    List<HotIssueViews.IssueSummary> recurring(@RequestParam String unit, @RequestParam(required = false) YearMonth month,
            Actor actor) {
        return hotIssues.recurring(new UnitId(unit), month == null ? YearMonth.now(clock) : month, actor);
    }

    @GetMapping("/tackled")
    @Operation(summary = "已提名或攻坚中的热点问题")
    List<HotIssueViews.IssueSummary> tackled(Actor actor) {
        requireCenter(actor);
        return hotIssues.tackled();
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "督办员将工单关联到该热点问题")
    HotIssueViews.OrderIssue link(@PathVariable long id, @Valid @RequestBody LinkRequest r, Actor actor) {
        return hotIssues.link(r.order(), id, actor);
    }

    @PostMapping("/orders/{number}/unlink")
    @Operation(summary = "督办员将工单移出其热点问题（单独成为一个热点，不再自动合并）")
    HotIssueViews.OrderIssue unlink(@PathVariable String number, Actor actor) {
        return hotIssues.unlink(number, actor);
    }

    @PostMapping("/{id}/tackling")
    @Operation(summary = "提名攻坚（须说明理由）")
    HotIssueViews.IssueDetail propose(@PathVariable long id, @Valid @RequestBody ReasonRequest r, Actor actor) {
        return hotIssues.propose(id, r.reason(), actor);
    }

    @PostMapping("/{id}/tackling/choose")
    @Operation(summary = "选定为某月攻坚问题（每月一题）")
    HotIssueViews.IssueDetail choose(@PathVariable long id, @Valid @RequestBody ChooseRequest r, Actor actor) {
        return hotIssues.choose(id, r.month(), actor);
    }

    @PostMapping("/{id}/tackling/assign")
    @Operation(summary = "明确牵头单位和协同单位")
    HotIssueViews.IssueDetail assign(@PathVariable long id, @Valid @RequestBody AssignRequest r, Actor actor) {
        List<UnitId> co = r.coUnits() == null ? List.of() : r.coUnits().stream().map(UnitId::new).toList();
        return hotIssues.assign(id, new UnitId(r.leadUnit()), co, actor);
    }

    @PostMapping("/{id}/tackling/measures")
    @Operation(summary = "添加攻坚措施（责任单位、完成期限）")
    HotIssueViews.IssueDetail measure(@PathVariable long id, @Valid @RequestBody MeasureRequest r, Actor actor) {
        return hotIssues.addMeasure(id, r.description(), new UnitId(r.unit()), r.due(), actor);
    }

    @PostMapping("/{id}/tackling/measures/{seq}/done")
    @Operation(summary = "措施完成")
    HotIssueViews.IssueDetail done(@PathVariable long id, @PathVariable int seq, @Valid @RequestBody DoneRequest r,
            Actor actor) {
        return hotIssues.completeMeasure(id, seq, r.doneOn(), actor);
    }

    @PostMapping("/{id}/tackling/result")
    @Operation(summary = "牵头单位报告攻坚结果")
    HotIssueViews.IssueDetail result(@PathVariable long id, @Valid @RequestBody ResultRequest r, Actor actor) {
        return hotIssues.reportResult(id, r.result(), actor);
    }

    @PostMapping("/{id}/tackling/close")
    @Operation(summary = "验收销号（须已报告结果且措施全部完成）")
    HotIssueViews.IssueDetail close(@PathVariable long id, @Valid @RequestBody NoteRequest r, Actor actor) {
        return hotIssues.close(id, r.note() == null ? "验收销号" : r.note(), actor);
    }

    @PostMapping("/{id}/tackling/send-back")
    @Operation(summary = "退回继续攻坚（须说明理由）")
    HotIssueViews.IssueDetail sendBack(@PathVariable long id, @Valid @RequestBody ReasonRequest r, Actor actor) {
        return hotIssues.sendBack(id, r.reason(), actor);
    }

    @PostMapping("/{id}/tackling/reopen")
    @Operation(summary = "重新打开已销号的攻坚问题（须说明理由）")
    HotIssueViews.IssueDetail reopen(@PathVariable long id, @Valid @RequestBody ReasonRequest r, Actor actor) {
        return hotIssues.reopen(id, r.reason(), actor);
    }

    private static void requireCenter(Actor actor) {
        if (!actor.isCenter()) {
            throw new ForbiddenException("not-permitted", "热点问题只对中心人员开放");
        }
    }
}
