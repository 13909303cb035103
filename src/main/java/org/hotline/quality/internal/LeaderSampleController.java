package org.hotline.quality.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.PasswordLength;
import org.hotline.platform.TimeParameters;
import org.hotline.quality.CallResult;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.WorkOrder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 一把手抽访 under {@code /api/v1/quality/leader-samples}: the leader's list and signature, the center's daily
 * report; and the administrator's run of a day's draw under {@code /api/v1/admin/quality}.
 */
@RestController
@Tag(name = "一把手抽访", description = "Leaders' daily sampled callbacks, signed with their password")
class LeaderSampleController {

    private final LeaderSamplingService service;
    private final Units units;
    private final java.time.Clock clock;

    LeaderSampleController(LeaderSamplingService service, Units units, java.time.Clock clock) {
        this.service = service;
        this.units = units;
        this.clock = clock;
    }

    record SignatureRequest(@NotNull(message = "必须填写") Boolean reached, Boolean resolved, Satisfaction satisfaction,
            @Size(max = 2000, message = "不能超过 2000 个字符") String comment,
            @NotNull(message = "签署须重新输入密码") @Size(max = 200, message = "不能超过 200 个字符") @PasswordLength
            String password) {

        @Override
        public String toString() {
            // never let the password into a log line
            return "SignatureRequest[reached=" + reached + ", resolved=" + resolved + ", satisfaction=" + satisfaction
                    + "]";
        }
    }

    /**
     * A drawn order for its leader to call. The full phone is shown to those who may call the citizen (the unit's
     * leader, the center's desk roles); confidential citizens are never drawn.
     */
    record SampleView(LocalDate day, String unit, String unitName, String number, String content,
            String categoryCode, String address, String citizenName, String citizenPhone, String publicReply,
            Instant repliedAt, Instant dueAt, boolean overdue, Instant completedAt, String leader, Boolean reached,
            Boolean resolved, String satisfaction, String comment) {

        /**
         * A sample as {@code viewer} sees it at {@code now}: the full phone only for those who may call the citizen
         * ({@link WorkOrder#mayContact}: the sampled unit's leader, the center's desk roles), masked otherwise.
         */
        static SampleView of(LeaderSamples.Sample s, Actor viewer, String unitName, Instant now) {
            boolean mayCall = WorkOrder.mayContact(viewer, s.citizen(), viewer.belongsTo(s.unit()));
            CallResult r = s.result();
            return new SampleView(s.day(), s.unit().value(), unitName, s.order().value(), s.content(),
                    s.categoryCode(), s.address(),
                    s.citizen().confidential() ? s.citizen().maskedName() : s.citizen().name(),
                    mayCall ? s.citizen().phone() : s.citizen().maskedPhone(), s.publicReply(), s.repliedAt(),
                    s.dueAt(), s.completedAt() == null && now.isAfter(s.dueAt()), s.completedAt(), s.leader(),
                    r == null ? null : r.reached(), r == null ? null : r.resolved(),
                    r == null || r.satisfaction() == null ? null : r.satisfaction().name(),
                    r == null ? null : r.comment());
        }
    }

    record ReportView(LocalDate day, List<ReportLineView> units) {
    }

    record ReportLineView(String unit, String unitName, int repliedCount, int drawn, int completed, int overdue,
            Instant dueAt) {
    }

    record DrawView(LocalDate day, String unit, String unitName, int repliedCount, int drawn, Instant dueAt,
            boolean alreadyDrawn) {
    }

    @GetMapping("/api/v1/quality/leader-samples")
    @Operation(summary = "本单位的一把手抽访工单（未签署的，及近 7 天的；或指定日期）；中心人员须指定单位")
    List<SampleView> samples(@RequestParam(required = false) String day, @RequestParam(required = false) String unit,
            Actor actor) {
        UnitId u = unit == null || unit.isBlank() ? null : new UnitId(unit.strip());
        return service.samplesFor(actor, u, day == null ? null : day("day", day)).stream()
                .map(s -> view(s, actor)).toList();
    }

    @PostMapping("/api/v1/quality/leader-samples/{day}/{number}/signature")
    @Operation(summary = "签署抽访结果：单位主要负责人回访后重新输入密码签署（密码错误则不生效）")
    SampleView sign(@PathVariable String day, @PathVariable String number, @Valid @RequestBody SignatureRequest r,
            Actor actor) {
        CallResult result = QualityController.callResult(new QualityController.CallbackAttemptRequest(r.reached(),
                r.resolved(), r.satisfaction(), r.comment()));
        if (r.password().isBlank()) {
            throw new InvalidInputException("password", "签署须重新输入密码");
        }
        return view(service.sign(actor, day("day", day), QualityController.number(number), r.password(), result),
                actor);
    }

    @GetMapping("/api/v1/quality/leader-samples/report")
    @Operation(summary = "一把手抽访每日完成情况（按单位：抽取、已签署、超时）；默认昨天")
    ReportView report(@RequestParam(required = false) String day, Actor actor) {
        LocalDate d = day == null ? LocalDate.ofInstant(clock.instant(), clock.getZone()).minusDays(1)
                : day("day", day);
        return new ReportView(d, service.report(actor, d).stream()
                .map(l -> new ReportLineView(l.unit().value(), unitName(l.unit()), l.repliedCount(), l.drawn(),
                        l.completed(), l.overdue(), l.dueAt()))
                .toList());
    }

    @PostMapping("/api/v1/admin/quality/leader-samples/draws")
    @Operation(summary = "为已结束的某日抽取一把手抽访工单（每日定时任务的手动补跑；已抽取的单位不再重抽）")
    List<DrawView> draw(@RequestParam String day, Actor actor) {
        return service.draw(day("day", day), actor.username()).stream()
                .map(d -> new DrawView(d.day(), d.unit().value(), unitName(d.unit()), d.repliedCount(), d.drawn(),
                        d.dueAt(), d.alreadyDrawn()))
                .toList();
    }

    private SampleView view(LeaderSamples.Sample s, Actor viewer) {
        return SampleView.of(s, viewer, unitName(s.unit()), clock.instant());
    }

    private String unitName(UnitId unit) {
        return units.find(unit).map(Unit::name).orElse(unit.value());
    }

    static LocalDate day(String field, String value) {
        LocalDate day = TimeParameters.date(field, value);
        if (day == null) {
            throw new InvalidInputException(field, "应为日期，例如 2026-11-30");
        }
        return day;
    }
}
