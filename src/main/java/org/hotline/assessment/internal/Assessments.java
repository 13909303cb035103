package org.hotline.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.AccountabilityCaseOpened;
import org.hotline.assessment.AssessmentReports;
import org.hotline.assessment.BottomThreeTwoMonths;
import org.hotline.assessment.CaseDecision;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.CaseScore;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.CompositeScore;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.NonCooperationThreshold;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.UnitPeriod;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.patrol.PatrolDay;
import org.hotline.patrol.PatrolService;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment's use cases: compute the daily scores of a range of days from the records, rank a month,
 * open the accountability cases a month calls for, explain a score, and move a case along. Who may see what
 * is decided here: the center sees every unit, a unit's users only their own (another unit's data does not
 * exist for them). Public only for the scale benchmark (a test-side main class); other modules never see
 * {@code internal}.
 */
@Service
public class Assessments implements AssessmentReports {

    private static final Logger log = LoggerFactory.getLogger(Assessments.class);

    /**
     * The indicators that pull the score down, whose orders are the evidence of a case: unresolved and
     * unsatisfied callbacks (resolution, satisfaction), redos, and the penalties (overdue, non-cooperation,
     * missed leader samples).
     */
    static final Set<Indicator> AGAINST_THE_UNIT = EnumSet.of(Indicator.OVERDUE, Indicator.REDONE,
            Indicator.UNSATISFIED, Indicator.CALLBACK_UNRESOLVED, Indicator.SAMPLE_MISSED,
            Indicator.NON_COOPERATION);

    private final FactQueries facts;
    private final DailyScores daily;
    private final AccountabilityCases cases;
    private final Units units;
    private final Clock clock;
    private final AssessmentProperties properties;
    private final CompositeScore score;
    private final BottomThreeTwoMonths bottomRule;
    private final NonCooperationThreshold nonCooperationRule;
    private final ApplicationEventPublisher events;
    private final PatrolService patrol;
    private final AdminAudit audit;

    Assessments(FactQueries facts, DailyScores daily, AccountabilityCases cases, Units units, Clock clock,
            AssessmentProperties properties, ApplicationEventPublisher events, PatrolService patrol,
            AdminAudit audit) {
        this.patrol = patrol;
        this.audit = audit;
        this.facts = facts;
        this.daily = daily;
        this.cases = cases;
        this.units = units;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.score = new CompositeScore(properties.scoringRules());
        this.bottomRule = new BottomThreeTwoMonths(properties.bottomCount());
        this.nonCooperationRule = new NonCooperationThreshold(properties.nonCooperationThreshold());
    }

    // ---------------------------------------------------------------- daily assessment

    /** What a recompute did. */
    public record Recomputed(LocalDate from, LocalDate to, int unitDays, List<YearMonth> monthsEvaluated,
            List<Long> casesOpened) {
    }

    /**
     * Recomputes the daily scores of {@code from..to} (both included) from scratch, replacing what was stored,
     * then evaluates every month of the range that has ended: its ranking and the cases it calls for. Cases
     * already opened stay as they are (they were decided on the evidence of their day).
     */
    @Transactional
    public Recomputed recompute(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "必须填写起始日期");
        }
        if (to == null) {
            throw new InvalidInputException("to", "必须填写结束日期");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于起始日期");
        }
        LocalDate today = LocalDate.now(clock);
        if (!to.isBefore(today)) {
            throw new InvalidInputException("to", "只能计算已经过去的日期（今天的数据尚不完整）");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxRecomputeDays()) {
            throw new InvalidInputException("from", "一次最多重新计算 " + properties.maxRecomputeDays() + " 天");
        }
        Instant now = clock.instant();
        LocalDate end = to.plusDays(1);
        long started = System.nanoTime();
        FactQueries.Counter counter = new FactQueries.Counter(from, end);
        Evidence evidence = new Evidence(facts, from, end, AGAINST_THE_UNIT);
        for (Gathered g : facts.readAll(from, end, now, () -> new Gathered(new FactQueries.Counter(from, end),
                new Evidence(facts, from, end, AGAINST_THE_UNIT)))) {
            counter.addAll(g.counts());
            evidence.addAll(g.evidence());
        }
        // the towns' patrol, read through the patrol module: counts of reports due and filed, no orders behind them
        for (PatrolDay d : patrol.coverageByDay(from, end)) {
            counter.add(d.town(), d.day(), Indicator.PATROL_DUE, d.due());
            counter.add(d.town(), d.day(), Indicator.PATROL_FILED, d.filed());
        }
        Map<FactQueries.UnitDay, Facts> counted = counter.facts();
        long read = System.nanoTime();
        Map<UnitId, RankingGroup> groups = new java.util.HashMap<>();
        units.all().forEach(u -> groups.put(u.id(), RankingGroup.of(u.kind())));
        List<DailyScores.DailyScore> rows = new ArrayList<>(counted.size());
        counted.forEach((key, f) -> rows.add(new DailyScores.DailyScore(key.unit(), key.day(),
                score.of(f, groups.get(key.unit())), now)));
        int written = daily.replace(from, end, rows);
        long stored = System.nanoTime();

        List<YearMonth> evaluated = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        Ranking previous = null;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            if (!m.atEndOfMonth().isAfter(to) && m.atEndOfMonth().isBefore(today)) {
                Ranking current = ranking(m);
                if (previous == null || !previous.month().equals(m.minusMonths(1))) {
                    previous = ranking(m.minusMonths(1));
                }
                opened.addAll(evaluate(current, previous, evidence, now));
                evaluated.add(m);
                previous = current;
            }
        }
        log.info("Assessment recomputed {}..{}: {} unit-days (read {} ms, stored {} ms), months evaluated {} ({} ms),"
                + " cases opened {}", from, to, written, (read - started) / 1_000_000, (stored - read) / 1_000_000,
                evaluated, (System.nanoTime() - stored) / 1_000_000, opened);
        return new Recomputed(from, to, written, evaluated, opened);
    }

    /**
     * {@link #recompute(LocalDate, LocalDate)} on a person's request (an administrator or the director), recorded in
     * the administrators' audit in the same transaction: the stored scores it replaced and the cases it opened.
     */
    @Transactional
    public Recomputed recompute(LocalDate from, LocalDate to, Actor by) {
        Recomputed done = recompute(from, to);
        audit.record(by.username(), AdminAudit.ASSESSMENT, from + ".." + to, "RECOMPUTE", AdminAudit.changes()
                .fact("单位日考核", done.unitDays() + " 条").fact("评估月份", done.monthsEvaluated())
                .fact("新开问责事项", done.casesOpened())
                .summary("重新计算 " + from + " 至 " + to + " 的日考核"));
        return done;
    }

    /** What one reader of a recompute gathered: its facts counted, and those against a unit kept as evidence. */
    private record Gathered(FactQueries.Counter counts, Evidence evidence) implements FactQueries.Sink {

        @Override
        public void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator) {
            counts.fact(unit, day, at, order, indicator);
            evidence.fact(unit, day, at, order, indicator);
        }
    }

    // ---------------------------------------------------------------- ranking and accountability

    /**
     * The month's ranking, from the month's facts: each unit's counts are summed over the month and scored
     * once. Averaging the daily scores instead would weigh a day with one order like a day with a hundred,
     * and a unit could rank high on a few lucky quiet days; summing weighs every order (and every callback)
     * alike, which is what the rates mean.
     */
    @Override
    public Ranking ranking(YearMonth month) {
        Map<UnitId, Facts> sums = daily.summed(month.atDay(1), month.plusMonths(1).atDay(1));
        Map<UnitId, Unit> known = new LinkedHashMap<>();
        for (Unit u : units.all()) {
            if (u.active() || sums.containsKey(u.id())) {
                known.put(u.id(), u);
            }
        }
        List<UnitPeriod> periods = new ArrayList<>();
        for (Unit u : known.values()) {
            periods.add(new UnitPeriod(u.id(), u.name(), RankingGroup.of(u.kind()),
                    score.of(sums.getOrDefault(u.id(), Facts.none()), RankingGroup.of(u.kind()))));
        }
        for (UnitId id : sums.keySet()) {
            if (!known.containsKey(id)) {
                log.warn("Unit {} has assessment facts for {} but is not in the organisation: not ranked", id, month);
            }
        }
        return Ranking.of(month, periods);
    }

    /**
     * Opens the cases the month calls for: units in the bottom three of their group this month and the
     * month before ({@link BottomThreeTwoMonths}), and units over the non-cooperation threshold. Running it
     * again opens nothing twice. Returns the ids of the cases opened now.
     */
    @Transactional
    public List<Long> evaluate(YearMonth month) {
        return evaluate(ranking(month), ranking(month.minusMonths(1)), Evidence.none(facts), clock.instant());
    }

    private List<Long> evaluate(Ranking current, Ranking previous, Evidence evidence, Instant now) {
        YearMonth month = current.month();
        String addressedTo = "中心督办员；" + properties.disciplineCommission().addressLine();
        List<Long> opened = new ArrayList<>();
        Map<UnitId, Set<CaseKind>> already = cases.openedFor(month);

        for (BottomThreeTwoMonths.Finding f : bottomRule.findings(previous, current)) {
            UnitPeriod unit = f.unit();
            if (already.getOrDefault(unit.unit(), Set.of()).contains(CaseKind.BOTTOM_THREE)) {
                continue;
            }
            String reason = "%s在%s中连续两个月排名末位：%s第 %d 名、%s第 %d 名（共 %d 个单位）".formatted(unit.unitName(),
                    unit.group().label(), month.minusMonths(1), f.previousMonth().rank(), month,
                    f.currentMonth().rank(), f.currentMonth().groupSize());
            List<CaseScore> scores = List.of(caseScore(month.minusMonths(1), f.previousMonth()),
                    caseScore(month, f.currentMonth()));
            List<EvidenceOrder> orders = evidence.of(unit.unit(), month.minusMonths(1).atDay(1),
                    month.plusMonths(1).atDay(1), AGAINST_THE_UNIT, now);
            open(AccountabilityCase.open(CaseKind.BOTTOM_THREE, unit, month, reason, addressedTo, scores, orders,
                    now)).ifPresent(opened::add);
        }

        List<UnitPeriod> everyone = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            current.group(g).forEach(r -> everyone.add(r.unit()));
        }
        everyone.addAll(current.unscored());
        for (UnitPeriod unit : nonCooperationRule.exceededBy(everyone)) {
            if (already.getOrDefault(unit.unit(), Set.of()).contains(CaseKind.NON_COOPERATION)) {
                continue;
            }
            int count = unit.card().facts().count(Indicator.NON_COOPERATION);
            String reason = "%s %s 作为协办单位不配合 %d 次，超过通报线 %d 次".formatted(unit.unitName(), month, count,
                    nonCooperationRule.threshold());
            Optional<RankedUnit> ranked = current.find(unit.unit());
            CaseScore s = CaseScore.of(month, unit.group(), ranked.map(RankedUnit::rank).orElse(null),
                    ranked.map(RankedUnit::groupSize).orElse(current.group(unit.group()).size()), unit.card());
            List<EvidenceOrder> orders = evidence.of(unit.unit(), month.atDay(1), month.plusMonths(1).atDay(1),
                    EnumSet.of(Indicator.NON_COOPERATION), now);
            open(AccountabilityCase.open(CaseKind.NON_COOPERATION, unit, month, reason, addressedTo, List.of(s),
                    orders, now)).ifPresent(opened::add);
        }
        return opened;
    }

    private Optional<Long> open(AccountabilityCase c) {
        OptionalLong added = cases.add(c);
        if (added.isEmpty()) {
            // another instance evaluated the same month at the same moment: the case exists once
            return Optional.empty();
        }
        long id = added.getAsLong();
        log.info("Accountability case {} opened: {} {} {}, addressed to {}", id, c.kind(), c.unit(), c.month(),
                c.addressedTo());
        events.publishEvent(new AccountabilityCaseOpened(id, c.kind(), c.unit(), c.unitName(), c.month(),
                c.addressedTo(), c.openedAt()));
        return Optional.of(id);
    }

    private static CaseScore caseScore(YearMonth month, RankedUnit r) {
        return CaseScore.of(month, r.unit().group(), r.rank(), r.groupSize(), r.unit().card());
    }

    // ---------------------------------------------------------------- explanation

    /** A score with, per indicator, the records (orders) that moved it. */
    record Explanation(UnitPeriod unit, LocalDate from, LocalDate to, Map<Indicator, List<FactQueries.FactRow>> rows) {
    }

    /** Explains the unit's score over {@code from..to} (both included), from the records as they are now. */
    Explanation explain(UnitId unitId, LocalDate from, LocalDate to, Actor actor) {
        Unit unit = visibleUnit(unitId, actor);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于起始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > 366) {
            throw new InvalidInputException("from", "一次最多解释 366 天");
        }
        List<FactQueries.FactRow> rows = facts.rows(unit.id(), from, to.plusDays(1), clock.instant());
        Map<Indicator, List<FactQueries.FactRow>> byIndicator = new EnumMap<>(Indicator.class);
        Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
        for (FactQueries.FactRow row : rows) {
            for (Indicator i : row.indicators()) {
                byIndicator.computeIfAbsent(i, k -> new ArrayList<>()).add(row);
                counts.merge(i, 1, Integer::sum);
            }
        }
        for (PatrolDay d : patrol.coverageByDay(from, to.plusDays(1))) {
            if (d.town().equals(unit.id())) {
                counts.merge(Indicator.PATROL_DUE, d.due(), Integer::sum);
                counts.merge(Indicator.PATROL_FILED, d.filed(), Integer::sum);
            }
        }
        ScoreCard card = score.of(Facts.of(counts), RankingGroup.of(unit.kind()));
        return new Explanation(new UnitPeriod(unit.id(), unit.name(), RankingGroup.of(unit.kind()), card), from, to,
                byIndicator);
    }

    // ---------------------------------------------------------------- daily scores

    DailyScores.Page dailyScores(UnitId unit, RankingGroup group, LocalDate from, LocalDate to, int page, int size,
            Actor actor) {
        List<UnitId> scope;
        if (!actor.isCenter()) {
            if (unit != null && !actor.belongsTo(unit)) {
                throw new NotFoundException("单位 " + unit + " 的考核数据不存在");
            }
            scope = List.of(actor.unit());
        } else if (unit != null) {
            scope = List.of(unit);
        } else if (group != null) {
            scope = units.all().stream().filter(u -> RankingGroup.of(u.kind()) == group).map(Unit::id).toList();
        } else {
            scope = null;
        }
        if (group != null && scope != null) {
            scope = scope.stream().filter(id -> units.find(id).map(u -> RankingGroup.of(u.kind()) == group)
                    .orElse(false)).toList();
        }
        return daily.find(new DailyScores.Query(scope, from, to.plusDays(1), page, size));
    }

    // ---------------------------------------------------------------- cases

    @Override
    public List<AccountabilityCase> cases(UnitId unit, YearMonth month, CaseStatus status, Actor actor) {
        if (!actor.isCenter()) {
            if (unit != null && !actor.belongsTo(unit)) {
                throw new NotFoundException("单位 " + unit + " 的问责事项不存在");
            }
            unit = actor.unit();
        }
        return cases.list(unit, month, status);
    }

    /** Every case opened for the month, for the bulletin. */
    List<AccountabilityCase> casesOfMonth(YearMonth month) {
        return cases.list(null, month, null);
    }

    AccountabilityCase findCase(long id, Actor actor) {
        return cases.find(id).filter(c -> c.isVisibleTo(actor))
                .orElseThrow(() -> new NotFoundException("问责事项 " + id + " 不存在"));
    }

    @Transactional
    public AccountabilityCase submitExplanation(long id, String text, Actor actor, Long expectedVersion) {
        AccountabilityCase c = findCase(id, actor);
        checkVersion(c, expectedVersion);
        apply(c.submitExplanation(text, actor, clock.instant()));
        cases.update(c);
        return c;
    }

    @Transactional
    public AccountabilityCase conclude(long id, String text, Actor actor, Long expectedVersion) {
        AccountabilityCase c = findCase(id, actor);
        checkVersion(c, expectedVersion);
        apply(c.conclude(text, actor, clock.instant()));
        cases.update(c);
        audit.record(actor.username(), AdminAudit.ACCOUNTABILITY_CASE, Long.toString(id), "CONCLUDE",
                "认定问责事项 " + id + " 办结（" + c.unitName() + "，" + c.month() + "，" + c.kind().label() + "）：" + text);
        return c;
    }

    private static void checkVersion(AccountabilityCase c, Long expected) {
        if (expected != null && expected != c.version()) {
            throw new ConflictException("concurrent-change", "问责事项已被其他用户修改，请刷新后重试");
        }
    }

    private static void apply(CaseDecision d) {
        if (d instanceof CaseDecision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The unit, when the actor may see it: the center any unit, a unit's users their own. */
    Unit visibleUnit(UnitId id, Actor actor) {
        if (!actor.isCenter() && !actor.belongsTo(id)) {
            throw new NotFoundException("单位 " + id + " 的考核数据不存在");
        }
        return units.find(id).orElseThrow(() -> new NotFoundException("单位 " + id + " 不存在"));
    }

    AssessmentProperties properties() {
        return properties;
    }

    CompositeScore compositeScore() {
        return score;
    }
}
