package org.hotline.assessment.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.TieRule;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.platform.TimeParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
 * The assessment API under {@code /api/v1/assessment}: daily scores, the explanation of a score, the monthly
 * ranking, accountability cases and the monthly bulletin. Center roles see every unit; a unit's users see only
 * their own unit's scores and cases, and another unit's do not exist for them (404).
 */
@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "考核", description = "Daily assessment, composite score, monthly ranking, accountability, bulletin")
class AssessmentController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Assessments assessments;
    private final Bulletins bulletins;
    private final Units units;
    private final Clock clock;

    AssessmentController(Assessments assessments, Bulletins bulletins, Units units, Clock clock) {
        this.assessments = assessments;
        this.bulletins = bulletins;
        this.units = units;
        this.clock = clock;
    }

    record RecomputeRequest(@NotNull(message = "必须填写") LocalDate from, @NotNull(message = "必须填写") LocalDate to) {
    }

    record ExplanationRequest(@NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符")
            String explanation) {
    }

    record ConclusionRequest(@NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符")
            String conclusion) {
    }

    // ---------------------------------------------------------------- daily scores and explanation

    @GetMapping("/daily-scores")
    @Operation(summary = "日考核：按单位、分组、日期查询每日得分（单位用户只能查本单位）")
    AssessmentViews.DailyPageView dailyScores(@RequestParam(required = false) String unit,
            @RequestParam(required = false) RankingGroup group,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "至少为 1")
            @Max(value = 500, message = "不能超过 500") int size,
            Actor actor) {
        LocalDate last = to != null ? to : LocalDate.now(clock).minusDays(1);
        LocalDate first = from != null ? from : last.minusDays(29);
        checkRange(first, last, 366);
        DailyScores.Page found = assessments.dailyScores(unitId(unit), group, first, last, page, size, actor);
        List<AssessmentViews.DailyScoreView> items = found.rows().stream().map(r -> new AssessmentViews.DailyScoreView(
                r.unit().value(), units.find(r.unit()).map(Unit::name).orElse(r.unit().value()), r.day(), r.score(),
                AssessmentViews.rate(r.responseRate()), AssessmentViews.rate(r.resolutionRate()),
                AssessmentViews.rate(r.satisfactionRate()), AssessmentViews.counts(r.facts()), r.computedAt()))
                .toList();
        return new AssessmentViews.DailyPageView(items, found.total(), page, size);
    }

    @GetMapping("/units/{unit}/explanation")
    @Operation(summary = "得分解释：每项指标及影响它的工单（按日期范围或月份）")
    AssessmentViews.ExplanationView explanation(@PathVariable String unit,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String month, Actor actor) {
        LocalDate first;
        LocalDate last;
        if (month != null) {
            if (from != null || to != null) {
                throw new InvalidInputException("month", "按月份查询时不能同时指定 from/to");
            }
            YearMonth m = month(month, "month");
            first = m.atDay(1);
            last = m.atEndOfMonth();
        } else {
            if (from == null) {
                throw new InvalidInputException("from", "必须填写起始日期，或改用 month");
            }
            first = from;
            last = to != null ? to : from;
        }
        checkRange(first, last, 366);
        return AssessmentViews.explanation(assessments.explain(new UnitId(unit), first, last, actor));
    }

    // ---------------------------------------------------------------- ranking

    @GetMapping("/rankings/{month}")
    @Operation(summary = "月度排名（分属地镇街、行业部门两组；单位用户只看到本单位的名次）")
    AssessmentViews.RankingView ranking(@PathVariable String month, Actor actor) {
        Ranking ranking = assessments.ranking(month(month, "month"));
        List<AssessmentViews.GroupView> groups = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            groups.add(new AssessmentViews.GroupView(g.name(), g.label(), ranking.group(g).stream()
                    .filter(r -> actor.isCenter() || actor.belongsTo(r.unit().unit()))
                    .map(AssessmentViews::ranked).toList()));
        }
        List<AssessmentViews.UnscoredView> unscored = ranking.unscored().stream()
                .filter(u -> actor.isCenter() || actor.belongsTo(u.unit()))
                .map(AssessmentViews::unscored).toList();
        return new AssessmentViews.RankingView(ranking.month().toString(), TIE_RULE, groups, unscored);
    }

    /** The tie rule as {@link TieRule} states it, for the console. */
    static final String TIE_RULE = "综合得分高者在前；得分相同比满意率，再比解决率，再比答复件数；仍相同者并列同一名次，下一名次顺延。";

    // ---------------------------------------------------------------- accountability cases

    @GetMapping("/cases")
    @Operation(summary = "问责事项列表（单位用户只看到本单位的）")
    List<AssessmentViews.CaseSummaryView> cases(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String month, @RequestParam(required = false) CaseStatus status,
            Actor actor) {
        YearMonth m = month == null ? null : month(month, "month");
        return assessments.cases(unitId(unit), m, status, actor).stream().map(AssessmentViews::summary).toList();
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "问责事项详情：两个月的得分和相关工单")
    ResponseEntity<AssessmentViews.CaseView> caseDetail(@PathVariable long id, Actor actor) {
        AccountabilityCase c = assessments.findCase(id, actor);
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(AssessmentViews.detail(c));
    }

    @PostMapping("/cases/{id}/explanation")
    @Operation(summary = "被问责单位负责人提交情况说明")
    ResponseEntity<AssessmentViews.CaseView> explain(@PathVariable long id, @Valid @RequestBody ExplanationRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        AccountabilityCase c = assessments.submitExplanation(id, r.explanation(), actor, version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(AssessmentViews.detail(c));
    }

    @PostMapping("/cases/{id}/conclusion")
    @Operation(summary = "督办员或中心主任认定办结")
    ResponseEntity<AssessmentViews.CaseView> conclude(@PathVariable long id, @Valid @RequestBody ConclusionRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
        AccountabilityCase c = assessments.conclude(id, r.conclusion(), actor, version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(AssessmentViews.detail(c));
    }

    // ---------------------------------------------------------------- bulletin

    @GetMapping("/bulletins/{month}")
    @Operation(summary = "月度通报（JSON）")
    AssessmentViews.BulletinView bulletin(@PathVariable String month, Actor actor) {
        requireCenter(actor);
        return AssessmentViews.bulletin(bulletins.of(month(month, "month")));
    }

    @GetMapping("/bulletins/{month}/xlsx")
    @Operation(summary = "月度通报导出 Excel")
    ResponseEntity<byte[]> bulletinXlsx(@PathVariable String month, Actor actor) {
        requireCenter(actor);
        Bulletins.Bulletin b = bulletins.of(month(month, "month"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(b, ".xlsx")).body(BulletinExports.xlsx(b));
    }

    @GetMapping("/bulletins/{month}/html")
    @Operation(summary = "月度通报（可打印的 HTML）")
    ResponseEntity<String> bulletinHtml(@PathVariable String month, Actor actor) {
        requireCenter(actor);
        Bulletins.Bulletin b = bulletins.of(month(month, "month"));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(BulletinExports.html(b));
    }

    // ---------------------------------------------------------------- administration

    @PostMapping("/recompute")
    @Operation(summary = "重新计算一段日期的日考核（并评估其中已结束的月份）：系统管理员或中心主任")
    Assessments.Recomputed recompute(@Valid @RequestBody RecomputeRequest r, Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.DIRECTOR) {
            throw new ForbiddenException("not-permitted", "只有系统管理员或中心主任可以重新计算考核");
        }
        return assessments.recompute(r.from(), r.to(), actor);
    }

    // ---------------------------------------------------------------- helpers

    /** The bulletin is the center's publication: it circulates through the center, not from unit accounts. */
    private static void requireCenter(Actor actor) {
        if (!actor.isCenter()) {
            throw new ForbiddenException("center-only", "月度通报由中心发布，单位用户不能直接导出");
        }
    }

    private UnitId unitId(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        UnitId id = new UnitId(unit.strip());
        if (units.find(id).isEmpty()) {
            throw new NotFoundException("单位 " + unit + " 不存在");
        }
        return id;
    }

    private static YearMonth month(String value, String field) {
        return TimeParameters.month(field, value);
    }

    private static void checkRange(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于起始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidInputException("from", "日期范围不能超过 " + maxDays + " 天");
        }
    }

    private static String attachment(Bulletins.Bulletin b, String suffix) {
        String name = "考核通报-" + b.month() + suffix;
        return "attachment; filename=\"bulletin-" + b.month() + suffix + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "应为问责事项版本号，例如 \"3\"");
        }
    }
}
