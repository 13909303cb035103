package org.hotline.statistics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.statistics.Breakdown;
import org.hotline.statistics.CallbackResults;
import org.hotline.statistics.CategoryRollUp;
import org.hotline.statistics.Count;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.DueNow;
import org.hotline.statistics.FigureAccess;
import org.hotline.statistics.OverdueKind;
import org.hotline.statistics.OverduePage;
import org.hotline.statistics.OverrideTrend;
import org.hotline.statistics.Period;
import org.hotline.statistics.PeriodBucket;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.Percent;
import org.hotline.statistics.SatisfactionTrend;
import org.hotline.statistics.TriageCounts;
import org.hotline.statistics.TriageTrend;
import org.hotline.statistics.Statistics;
import org.hotline.statistics.VolumeReport;
import org.hotline.statistics.VolumeTrend;
import org.hotline.statistics.YearOverYear;
import org.hotline.statistics.YearOverYearReport;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.TriageOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports: checks the filter against the organisation, scopes it to what the viewer may see
 * ({@link FigureAccess}), has {@link StatisticsQueries} count, and turns the counts into labelled rows with
 * the statistics rules. Read-only transactions, so that the two queries of a page see the same data.
 */
@Service
@Transactional(readOnly = true)
class StatisticsReports implements Statistics {

    static final String NOT_DISPATCHED = "未派单";
    static final String TOTAL = "合计";

    private final StatisticsQueries queries;
    private final Units units;
    private final Categories categories;
    private final Clock clock;

    StatisticsReports(StatisticsQueries queries, Units units, Categories categories, Clock clock) {
        this.queries = queries;
        this.units = units;
        this.categories = categories;
        this.clock = clock;
    }

    @Override
    public VolumeReport volumes(Actor viewer, ReportFilter filter, Dimension by, int level) {
        ReportFilter scoped = scope(viewer, filter);
        requireRange(scoped);
        Objects.requireNonNull(by, "by");
        checkLevel(level);
        Breakdown breakdown = Breakdown.of(rows(by, level, queries.countBy(by, scoped)).values());
        return new VolumeReport(scoped.range(), by, by == Dimension.CATEGORY ? level : null, id(scoped.unit()),
                scoped.category(), breakdown.total(), breakdown.shares());
    }

    @Override
    public VolumeTrend volumeTrend(Actor viewer, ReportFilter filter, Period period) {
        ReportFilter scoped = scope(viewer, filter);
        requireRange(scoped);
        Map<LocalDate, Long> perDay = queries.countPerDay(scoped);
        Map<LocalDate, Long> perPeriod = new HashMap<>();
        perDay.forEach((day, n) -> perPeriod.merge(period.startOf(day), n, Long::sum));
        List<VolumeTrend.Point> points = new ArrayList<>();
        long total = 0;
        for (PeriodBucket b : period.bucketsOf(scoped.range())) {
            long n = perPeriod.getOrDefault(period.startOf(b.days().from()), 0L);
            points.add(new VolumeTrend.Point(b.name(), b.days().from(), b.days().to(), n));
            total += n;
        }
        return new VolumeTrend(scoped.range(), period, id(scoped.unit()), scoped.category(), total, points);
    }

    @Override
    public SatisfactionTrend satisfactionTrend(Actor viewer, ReportFilter filter, Period period) {
        ReportFilter scoped = scope(viewer, filter);
        requireRange(scoped);
        Map<LocalDate, CallbackResults> overall = new HashMap<>();
        Map<String, Map<LocalDate, CallbackResults>> perUnit = new TreeMap<>();
        if (scoped.unit() != null) {
            perUnit.put(scoped.unit().value(), new HashMap<>());
        }
        for (StatisticsQueries.DayResults d : queries.callbackResultsPerDay(scoped)) {
            LocalDate start = period.startOf(d.day());
            overall.merge(start, d.results(), CallbackResults::plus);
            perUnit.computeIfAbsent(d.unit(), u -> new HashMap<>()).merge(start, d.results(), CallbackResults::plus);
        }
        List<PeriodBucket> buckets = period.bucketsOf(scoped.range());
        List<SatisfactionTrend.UnitTrend> unitTrends = new ArrayList<>();
        perUnit.forEach((unit, results) -> unitTrends.add(new SatisfactionTrend.UnitTrend(unit,
                unitName(unit), total(scoped.range(), results), points(period, buckets, results))));
        return new SatisfactionTrend(scoped.range(), period, id(scoped.unit()), scoped.category(),
                total(scoped.range(), overall), points(period, buckets, overall), unitTrends);
    }

    private static List<SatisfactionTrend.Point> points(Period period, List<PeriodBucket> buckets,
            Map<LocalDate, CallbackResults> results) {
        return buckets.stream().map(b -> SatisfactionTrend.Point.of(b.name(), b.days(),
                results.getOrDefault(period.startOf(b.days().from()), CallbackResults.NONE))).toList();
    }

    private static SatisfactionTrend.Point total(DateRange range, Map<LocalDate, CallbackResults> results) {
        return SatisfactionTrend.Point.of(TOTAL, range,
                results.values().stream().reduce(CallbackResults.NONE, CallbackResults::plus));
    }

    @Override
    public OverrideTrend overrides(Actor viewer, ReportFilter filter, Period period) {
        ReportFilter scoped = scope(viewer, filter);
        requireRange(scoped);
        Map<LocalDate, Long> overall = new HashMap<>();
        Map<String, Map<LocalDate, Long>> perUnit = new TreeMap<>();
        if (scoped.unit() != null) {
            perUnit.put(scoped.unit().value(), new HashMap<>());
        }
        for (StatisticsQueries.DayCount d : queries.overridesPerDay(scoped)) {
            LocalDate start = period.startOf(d.day());
            overall.merge(start, d.count(), Long::sum);
            if (d.unit() != null) { // an override closes a replied order, which always has a lead unit
                perUnit.computeIfAbsent(d.unit(), u -> new HashMap<>()).merge(start, d.count(), Long::sum);
            }
        }
        List<PeriodBucket> buckets = period.bucketsOf(scoped.range());
        List<OverrideTrend.UnitTrend> unitTrends = new ArrayList<>();
        perUnit.forEach((unit, counts) -> unitTrends.add(new OverrideTrend.UnitTrend(unit, unitName(unit),
                sum(counts), overridePoints(period, buckets, counts))));
        return new OverrideTrend(scoped.range(), period, id(scoped.unit()), scoped.category(), sum(overall),
                overridePoints(period, buckets, overall), unitTrends);
    }

    private static List<OverrideTrend.Point> overridePoints(Period period, List<PeriodBucket> buckets,
            Map<LocalDate, Long> counts) {
        return buckets.stream().map(b -> new OverrideTrend.Point(b.name(), b.days().from(), b.days().to(),
                counts.getOrDefault(period.startOf(b.days().from()), 0L))).toList();
    }

    private static long sum(Map<LocalDate, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public DueNow dueNow(Actor viewer, ReportFilter filter) {
        ReportFilter scoped = scope(viewer, filter);
        Instant now = clock.instant();
        List<DueNow.UnitDue> perUnit = new ArrayList<>();
        DueNow.Counts total = DueNow.Counts.NONE;
        for (StatisticsQueries.UnitDueRow r : queries.dueNow(scoped, now)) {
            DueNow.Counts counts = new DueNow.Counts(r.running(), r.overdue(), r.atRisk());
            total = total.plus(counts);
            perUnit.add(new DueNow.UnitDue(r.unit(), r.unit() == null ? NOT_DISPATCHED : unitName(r.unit()), counts));
        }
        perUnit.sort(Comparator.comparingLong((DueNow.UnitDue u) -> u.counts().overdue()).reversed()
                .thenComparing(Comparator.comparingLong((DueNow.UnitDue u) -> u.counts().atRisk()).reversed())
                .thenComparing(DueNow.UnitDue::unit, Comparator.nullsLast(Comparator.naturalOrder())));
        return new DueNow(now, scoped.range(), id(scoped.unit()), scoped.category(), total, perUnit);
    }

    @Override
    public TriageTrend triage(Actor viewer, DateRange range, Period period) {
        if (FigureAccess.centerOnly(viewer) instanceof FigureAccess.Refused refused) {
            throw new ForbiddenException("statistics-not-allowed", refused.reason());
        }
        Objects.requireNonNull(range, "range");
        Map<LocalDate, TriageCounts> overall = new HashMap<>();
        Map<String, Map<LocalDate, TriageCounts>> perChannel = new TreeMap<>();
        for (StatisticsQueries.TriageDayCount d : queries.triagePerDay(range)) {
            TriageOutcome outcome = d.outcome() == null ? null : TriageOutcome.valueOf(d.outcome());
            TriageCounts counts = TriageCounts.of(outcome, d.route(), d.count());
            LocalDate start = period.startOf(d.day());
            overall.merge(start, counts, TriageCounts::plus);
            perChannel.computeIfAbsent(d.channel(), c -> new HashMap<>()).merge(start, counts, TriageCounts::plus);
        }
        List<TriageTrend.Point> points = new ArrayList<>();
        for (PeriodBucket b : period.bucketsOf(range)) {
            LocalDate start = period.startOf(b.days().from());
            List<TriageTrend.ChannelTotal> channels = new ArrayList<>();
            perChannel.forEach((channel, counts) -> channels.add(new TriageTrend.ChannelTotal(channel,
                    label(Channel.class, channel), counts.getOrDefault(start, TriageCounts.NONE))));
            points.add(new TriageTrend.Point(b.name(), b.days().from(), b.days().to(),
                    overall.getOrDefault(start, TriageCounts.NONE), channels));
        }
        List<TriageTrend.ChannelTotal> channels = new ArrayList<>();
        perChannel.forEach((channel, counts) -> channels.add(new TriageTrend.ChannelTotal(channel,
                label(Channel.class, channel), counts.values().stream().reduce(TriageCounts.NONE, TriageCounts::plus))));
        return new TriageTrend(range, period, overall.values().stream().reduce(TriageCounts.NONE, TriageCounts::plus),
                points, channels, suggestions(range));
    }

    private List<TriageTrend.SuggestionRow> suggestions(DateRange range) {
        Map<TriageOutcome, long[]> rows = new java.util.EnumMap<>(TriageOutcome.class);
        for (StatisticsQueries.SuggestionCount c : queries.triageSuggestions(range)) {
            long[] row = rows.computeIfAbsent(TriageOutcome.valueOf(c.suggested()), k -> new long[4]);
            row[0] += c.count();
            if (c.decided() == null) {
                row[3] += c.count();
            } else if (c.decided().equals(c.suggested())) {
                row[1] += c.count();
            } else {
                row[2] += c.count();
            }
        }
        List<TriageTrend.SuggestionRow> result = new ArrayList<>();
        rows.forEach((outcome, r) -> result.add(new TriageTrend.SuggestionRow(outcome.name(), outcome.label(), r[0],
                r[1], r[2], r[3], r[1] + r[2] == 0 ? null : Percent.of(r[1], r[1] + r[2]))));
        return result;
    }

    @Override
    public OverduePage overdue(Actor viewer, OverdueKind kind, ReportFilter filter, int page, int size) {
        ReportFilter scoped = scope(viewer, filter);
        if (page < 0) {
            throw new InvalidInputException("page", "不能小于 0");
        }
        if (size < 1) {
            throw new InvalidInputException("size", "至少为 1");
        }
        Instant now = clock.instant();
        StatisticsQueries.OverdueRows found = queries.overdue(kind, scoped, now, (long) page * size, size);
        List<OverduePage.Item> items = found.rows().stream().map(r -> {
            Instant until = kind == OverdueKind.OPEN ? now : r.repliedAt();
            OrderStatus status = OrderStatus.valueOf(r.status());
            return new OverduePage.Item(r.number(), r.registeredAt(), r.categoryCode(),
                    r.categoryCode() == null ? null : categories.find(r.categoryCode()).map(Category::name)
                            .orElse(r.categoryCode()),
                    r.leadUnit(), r.leadUnit() == null ? null : unitName(r.leadUnit()), status.name(), status.label(),
                    r.handleDeadline(), r.repliedAt(), r.closedAt(),
                    Duration.between(r.handleDeadline(), until).toHours());
        }).toList();
        return new OverduePage(kind, now, items, page, size, found.total());
    }

    @Override
    public YearOverYearReport yearOverYear(Actor viewer, ReportFilter filter, Dimension by, int level) {
        ReportFilter scoped = scope(viewer, filter);
        requireRange(scoped);
        checkLevel(level);
        DateRange previousRange = scoped.range().samePeriodLastYear();
        ReportFilter previous = scoped.withRange(previousRange);
        // The total comes from one breakdown of each year, so that it is always the sum of the rows.
        Dimension grouping = by == null ? Dimension.UNIT : by;
        Map<String, Count> now = rows(grouping, level, queries.countBy(grouping, scoped));
        Map<String, Count> before = rows(grouping, level, queries.countBy(grouping, previous));
        long nowTotal = now.values().stream().mapToLong(Count::count).sum();
        long beforeTotal = before.values().stream().mapToLong(Count::count).sum();
        List<YearOverYearReport.Row> rows = new ArrayList<>();
        if (by != null) {
            Map<String, String> labels = new LinkedHashMap<>();
            before.values().forEach(c -> labels.put(c.key(), c.label()));
            now.values().forEach(c -> labels.put(c.key(), c.label()));
            labels.forEach((key, label) -> rows.add(YearOverYearReport.Row.of(key, label, YearOverYear.of(
                    count(now, key), count(before, key)))));
            rows.sort(Comparator.comparingLong(YearOverYearReport.Row::current).reversed()
                    .thenComparing(Comparator.comparingLong(YearOverYearReport.Row::previous).reversed())
                    .thenComparing(YearOverYearReport.Row::key, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return new YearOverYearReport(scoped.range(), previousRange, by,
                by == Dimension.CATEGORY ? level : null, id(scoped.unit()), scoped.category(),
                YearOverYearReport.Row.of(null, TOTAL, YearOverYear.of(nowTotal, beforeTotal)), rows);
    }

    private static long count(Map<String, Count> counts, String key) {
        Count c = counts.get(key);
        return c == null ? 0 : c.count();
    }

    // ---------------------------------------------------------------- scope and labels

    /** Checks the named unit and category, then narrows the filter to what the viewer may see. */
    private ReportFilter scope(Actor viewer, ReportFilter filter) {
        FigureAccess access = FigureAccess.decide(viewer, filter.unit());
        if (access instanceof FigureAccess.Refused refused) {
            throw new ForbiddenException("statistics-not-allowed", refused.reason());
        }
        if (filter.unit() != null && units.find(filter.unit()).isEmpty()) {
            throw new InvalidInputException("unit", "未知的单位：" + filter.unit().value());
        }
        if (filter.category() != null && categories.find(filter.category()).isEmpty()) {
            throw new InvalidInputException("category", "未知的分类：" + filter.category());
        }
        if (access instanceof FigureAccess.Hidden hidden) {
            // Another unit's figures: answered like another unit's order, as if they did not exist.
            throw new NotFoundException(hidden.reason());
        }
        return filter.withUnit(((FigureAccess.Granted) access).unit());
    }

    private static void requireRange(ReportFilter filter) {
        if (filter.range() == null) {
            throw new InvalidInputException("from", "必须指定统计区间");
        }
    }

    private static void checkLevel(int level) {
        if (level < 1 || level > 3) {
            throw new InvalidInputException("level", "分类层级应为 1、2 或 3");
        }
    }

    /** The counts per stored value, turned into labelled rows (categories rolled up to the level). */
    private Map<String, Count> rows(Dimension by, int level, Map<String, Long> raw) {
        Map<String, Count> rows = new LinkedHashMap<>();
        CategoryRollUp rollUp = by == Dimension.CATEGORY ? new CategoryRollUp(categories, level) : null;
        raw.forEach((value, n) -> {
            String key;
            String label;
            switch (by) {
                case CATEGORY -> {
                    CategoryRollUp.Row row = rollUp.rowOf(value);
                    key = row.code();
                    label = row.label();
                }
                case UNIT -> {
                    key = value;
                    label = value == null ? NOT_DISPATCHED : unitName(value);
                }
                case CHANNEL -> {
                    key = value;
                    label = label(Channel.class, value);
                }
                case APPEAL_TYPE -> {
                    key = value;
                    label = label(AppealType.class, value);
                }
                default -> throw new IllegalStateException(by.name());
            }
            rows.merge(key, new Count(key, label, n), (a, b) -> new Count(a.key(), a.label(), a.count() + b.count()));
        });
        return rows;
    }

    private String unitName(String id) {
        return units.find(new UnitId(id)).map(Unit::name).orElse(id);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String value) {
        if (value == null) {
            return "—";
        }
        try {
            Enum<E> e = Enum.valueOf(type, value);
            return e instanceof Channel c ? c.label() : e instanceof AppealType a ? a.label() : value;
        } catch (IllegalArgumentException unknown) {
            return value;
        }
    }

    private static String id(UnitId unit) {
        return unit == null ? null : unit.value();
    }
}
