package org.hotline.quality.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.quality.CallResult;
import org.hotline.quality.CallbackSelection;
import org.hotline.quality.LeaderSampleSigned;
import org.hotline.quality.LeaderSampling;
import org.hotline.quality.LeaderSamplesDrawn;
import org.hotline.quality.LeaderSignature;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 一把手抽访: the daily draw, the leader's signed callbacks, and the center's completion report.
 *
 * <p>A day is drawn only once it is over (a unit still replying that day could otherwise learn which of its
 * replies escaped), and only once per unit: a second run, by the timer on another instance or by an
 * administrator, leaves an existing draw as it is, so nobody can draw again until the sample suits them.
 */
@Service
class LeaderSamplingService {

    private static final Logger log = LoggerFactory.getLogger(LeaderSamplingService.class);
    private static final Set<Role> REPORT_READERS = EnumSet.of(Role.SUPERVISOR, Role.DIRECTOR, Role.REVIEWER,
            Role.ADMIN);

    /** One unit's draw of a day, as the administrator's run reports it. */
    record DrawResult(LocalDate day, UnitId unit, int repliedCount, int drawn, Instant dueAt, boolean alreadyDrawn) {
    }

    private final LeaderSamples samples;
    private final LeaderSampling sampling;
    private final CallbackSelection callbackSelection;
    private final Units units;
    private final WorkingCalendar calendar;
    private final RandomGenerator random;
    private final UserDetailsService userDetails;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;
    private final AdminAudit audit;

    LeaderSamplingService(LeaderSamples samples, LeaderSampling sampling, CallbackSelection callbackSelection,
            Units units, WorkingCalendar calendar, @Qualifier("quality") RandomGenerator random,
            UserDetailsService userDetails, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, AdminAudit audit) {
        this.audit = audit;
        this.samples = samples;
        this.sampling = sampling;
        this.callbackSelection = callbackSelection;
        this.units = units;
        this.calendar = calendar;
        this.random = random;
        this.userDetails = userDetails;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- the draw

    /**
     * Draws every unit's sample of {@code day}, which must be over. Each unit is its own transaction: a unit
     * drawn already (or at this moment by another instance) is reported and left as it is.
     */
    List<DrawResult> draw(LocalDate day) {
        ZoneId zone = calendar.zone();
        if (!day.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
            throw new InvalidInputException("day", "只能为已经结束的日期抽样（" + day + " 尚未结束）");
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UnitId, List<LeaderSamples.RepliedOrder>> byUnit = new LinkedHashMap<>();
        for (LeaderSamples.RepliedOrder r : samples.repliedBetween(from, to)) {
            byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r);
        }
        // every active unit gets its draw (of nothing, when it replied nothing), so the report shows all of them
        Set<UnitId> all = new LinkedHashSet<>();
        units.all().stream().filter(Unit::active).map(Unit::id).forEach(all::add);
        all.addAll(byUnit.keySet());
        List<DrawResult> results = new ArrayList<>();
        for (UnitId unit : all) {
            results.add(drawUnit(day, unit, byUnit.getOrDefault(unit, List.of())));
        }
        log.info("Leader sampling of {}: {} units, {} orders drawn", day, results.size(),
                results.stream().filter(r -> !r.alreadyDrawn()).mapToInt(DrawResult::drawn).sum());
        return results;
    }

    /**
     * {@link #draw(LocalDate)} on an administrator's request, the timer's run done by hand. Each unit's draw is its
     * own transaction and append-only ({@code leader_sample_draw}); what the audit adds is who asked for it and what
     * it drew, one line once the units are drawn.
     */
    List<DrawResult> draw(LocalDate day, String by) {
        List<DrawResult> results = draw(day);
        List<DrawResult> fresh = results.stream().filter(r -> !r.alreadyDrawn()).toList();
        inTransaction.executeWithoutResult(tx -> audit.record(by, AdminAudit.LEADER_SAMPLES, day.toString(), "DRAW",
                AdminAudit.changes()
                        .fact("新抽取", fresh.size() + " 个单位，共 " + fresh.stream().mapToInt(DrawResult::drawn).sum()
                                + " 件")
                        .fact("此前已抽取（未重抽）", (results.size() - fresh.size()) + " 个单位")
                        .summary("手动抽取 " + day + " 的一把手抽访工单")));
        return results;
    }

    private DrawResult drawUnit(LocalDate day, UnitId unit, List<LeaderSamples.RepliedOrder> replied) {
        try {
            return inTransaction.execute(tx -> {
                if (samples.drawn(day, unit)) {
                    return new DrawResult(day, unit, replied.size(), 0, null, true);
                }
                Instant now = clock.instant();
                Instant due = LeaderSampling.dueAt(day, now, calendar);
                LeaderSampling.Draw<LeaderSamples.RepliedOrder> draw = sampling.draw(replied,
                        r -> LeaderSampling.leaderMayCall(r.citizen(),
                                callbackSelection.hasSomeoneToCall(r.channel(), r.citizen())),
                        random);
                samples.addDraw(day, unit, draw.repliedCount(),
                        draw.drawn().stream().map(LeaderSamples.RepliedOrder::order).toList(), now, due);
                events.publishEvent(new LeaderSamplesDrawn(day, unit, draw.repliedCount(), draw.drawn().size(), now,
                        due));
                return new DrawResult(day, unit, draw.repliedCount(), draw.drawn().size(), due, false);
            });
        } catch (DuplicateKeyException drawnConcurrently) {
            return new DrawResult(day, unit, replied.size(), 0, null, true);
        }
    }

    // ---------------------------------------------------------------- the leader

    /** The samples the leader must call: their own unit's (a center role names the unit). */
    @Transactional(readOnly = true)
    List<LeaderSamples.Sample> samplesFor(Actor viewer, UnitId unit, LocalDate day) {
        UnitId scope = scope(viewer, unit);
        return samples.of(scope, day, LocalDate.ofInstant(clock.instant(), calendar.zone()).minusDays(7));
    }

    /**
     * 签署: the leader records the call and signs it with their password. The password is checked first against
     * the stored hash: a wrong one is refused (403) and nothing is written. One sample of a day signed alone, as
     * {@link #signDay} signs several.
     */
    @Transactional
    LeaderSamples.Sample sign(Actor leader, LocalDate day, OrderNumber order, String password, CallResult result) {
        Map<OrderNumber, CallResult> one = new LinkedHashMap<>();
        one.put(order, result);
        return signDay(leader, day, password, one).get(0);
    }

    /**
     * 签署本日抽访: the leader records the calls to several of a day's samples and signs them all with one entry of
     * their password, in one transaction: every sample named must be the leader's unit's, of that day, not signed
     * yet, with a complete result; if one is refused, none is signed. The password is checked before anything is
     * written (a wrong one: 403, nothing changes). Samples of the day not named stay open for a later signature.
     */
    @Transactional
    List<LeaderSamples.Sample> signDay(Actor leader, LocalDate day, String password,
            Map<OrderNumber, CallResult> calls) {
        if (leader.role() != Role.UNIT_LEADER) {
            throw new ForbiddenException("not-permitted", "只有本单位主要负责人可以签署一把手抽访");
        }
        if (calls.isEmpty()) {
            throw new InvalidInputException("calls", "请至少记录一件抽访工单的回访结果后再签署");
        }
        Map<OrderNumber, LeaderSamples.Sample> ofDay = new LinkedHashMap<>();
        samples.of(leader.unit(), day, null).forEach(s -> ofDay.put(s.order(), s));
        for (OrderNumber order : calls.keySet()) {
            if (!ofDay.containsKey(order)) {
                throw new NotFoundException("本单位 " + day + " 的抽访中没有工单 " + order);
            }
        }
        if (!passwordMatches(leader.username(), password)) {
            throw new ForbiddenException("wrong-password", "密码错误，签署未生效");
        }
        Instant now = clock.instant();
        List<LeaderSampleSigned> signed = new ArrayList<>();
        for (Map.Entry<OrderNumber, CallResult> call : calls.entrySet()) {
            LeaderSamples.Sample sample = ofDay.get(call.getKey());
            CallResult result = call.getValue();
            refuseIfRejected(LeaderSignature.maySign(leader, sample.unit(), sample.completedAt() != null, result));
            if (!samples.sign(day, sample.unit(), sample.order(), leader.username(), now, result)) {
                throw new ConflictException("already-signed", "该抽访工单已签署，不能重复签署");
            }
            signed.add(new LeaderSampleSigned(day, sample.unit(), sample.order(), leader.username(), now,
                    !now.isAfter(sample.dueAt()), result.reached(), result.resolved(), result.satisfaction()));
        }
        signed.forEach(events::publishEvent);
        Map<OrderNumber, LeaderSamples.Sample> after = new LinkedHashMap<>();
        samples.of(leader.unit(), day, null).forEach(s -> after.put(s.order(), s));
        return calls.keySet().stream().map(after::get).toList();
    }

    private boolean passwordMatches(String username, String password) {
        try {
            UserDetails user = userDetails.loadUserByUsername(username);
            return user.isEnabled() && user.getPassword() != null && passwords.matches(password, user.getPassword());
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the center

    @Transactional(readOnly = true)
    List<LeaderSamples.ReportLine> report(Actor viewer, LocalDate day) {
        if (!REPORT_READERS.contains(viewer.role())) {
            throw new ForbiddenException("not-permitted", "只有中心人员可以查看一把手抽访完成情况");
        }
        return samples.report(day, clock.instant());
    }

    private UnitId scope(Actor viewer, UnitId unit) {
        if (viewer.role() == Role.UNIT_LEADER) {
            if (unit != null && !viewer.belongsTo(unit)) {
                throw new NotFoundException("没有单位 " + unit + " 的抽访");
            }
            return viewer.unit();
        }
        if (!REPORT_READERS.contains(viewer.role())) {
            throw new ForbiddenException("not-permitted", "只有单位主要负责人和中心人员可以查看一把手抽访");
        }
        if (unit == null) {
            throw new InvalidInputException("unit", "中心人员查看抽访须指定单位");
        }
        units.find(unit).orElseThrow(() -> new InvalidInputException("unit", "未知单位：" + unit));
        return unit;
    }

    private static void refuseIfRejected(Decision decision) {
        if (decision instanceof Decision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
    }
}
