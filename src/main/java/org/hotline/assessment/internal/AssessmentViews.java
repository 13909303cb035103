package org.hotline.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseScore;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.UnitPeriod;

/** What the assessment API shows: its own records, rates as fractions to four decimals, labels in Chinese. */
final class AssessmentViews {

    static final int ORDERS_PER_INDICATOR = 200;

    private AssessmentViews() {
    }

    record PenaltiesView(double overdue, double nonCooperation, double missedLeaderSample, double lowQualityReply,
            BigDecimal patrolShortfall, BigDecimal total) {
    }

    /** 巡查覆盖: the reports the town's field reporters were due, those filed that count, the shortfall, the rate. */
    record PatrolCoverageView(int due, int filed, int shortfall, BigDecimal rate) {
    }

    record ScoreCardView(BigDecimal score, BigDecimal ratePoints, BigDecimal responseRate, BigDecimal resolutionRate,
            BigDecimal satisfactionRate, PenaltiesView penalties, BigDecimal acknowledgedOnTimeRate,
            BigDecimal repliedOnTimeRate, BigDecimal redoRate, BigDecimal returnRate, BigDecimal coHandlingOnTimeRate,
            BigDecimal sampleCompletionRate, PatrolCoverageView patrolCoverage, Map<String, Integer> counts) {
    }

    static ScoreCardView card(ScoreCard c) {
        return new ScoreCardView(c.publishedScore(), round(c.ratePoints(), 2), rate(c.responseRate()),
                rate(c.resolutionRate()), rate(c.satisfactionRate()),
                new PenaltiesView(c.overduePenalty(), c.nonCooperationPenalty(), c.missedSamplePenalty(),
                        c.lowQualityReplyPenalty(), round(c.patrolShortfallPenalty(), 2), round(c.penalties(), 2)),
                rate(c.acknowledgedOnTimeRate()), rate(c.repliedOnTimeRate()), rate(c.redoRate()),
                rate(c.returnRate()), rate(c.coHandlingOnTimeRate()), rate(c.sampleCompletionRate()),
                c.patrolCoverageRate() == null ? null : new PatrolCoverageView(c.facts().count(Indicator.PATROL_DUE),
                        c.facts().count(Indicator.PATROL_FILED), c.patrolShortfall(), rate(c.patrolCoverageRate())),
                counts(c.facts()));
    }

    static Map<String, Integer> counts(Facts f) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            m.put(i.name(), f.count(i));
        }
        return m;
    }

    // ---------------------------------------------------------------- daily scores

    record DailyScoreView(String unit, String unitName, LocalDate day, BigDecimal score, BigDecimal responseRate,
            BigDecimal resolutionRate, BigDecimal satisfactionRate, Map<String, Integer> counts, Instant computedAt) {
    }

    record DailyPageView(List<DailyScoreView> items, long total, int page, int size) {
    }

    // ---------------------------------------------------------------- ranking

    record RankedView(int rank, int groupSize, String unit, String unitName, ScoreCardView card) {
    }

    record GroupView(String group, String groupLabel, List<RankedView> units) {
    }

    record UnscoredView(String unit, String unitName, String group) {
    }

    record RankingView(String month, String tieRule, List<GroupView> groups, List<UnscoredView> unscored) {
    }

    static RankedView ranked(RankedUnit r) {
        return new RankedView(r.rank(), r.groupSize(), r.unit().unit().value(), r.unit().unitName(),
                card(r.unit().card()));
    }

    static UnscoredView unscored(UnitPeriod u) {
        return new UnscoredView(u.unit().value(), u.unitName(), u.group().name());
    }

    // ---------------------------------------------------------------- explanation

    record OrderRef(String number, LocalDate day, Instant at) {
    }

    record IndicatorView(String indicator, String label, int count, List<OrderRef> orders, int notListed) {
    }

    record ExplanationView(String unit, String unitName, String group, LocalDate from, LocalDate to,
            ScoreCardView card, List<IndicatorView> indicators) {
    }

    static ExplanationView explanation(Assessments.Explanation e) {
        List<IndicatorView> indicators = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            List<FactQueries.FactRow> rows = e.rows().getOrDefault(i, List.of());
            List<OrderRef> refs = rows.stream().limit(ORDERS_PER_INDICATOR)
                    .map(r -> new OrderRef(r.orderNumber(), r.day(), r.at())).toList();
            // the patrol indicators are counts of reports, not orders: the card's facts have them
            int count = Math.max(rows.size(), e.unit().card().facts().count(i));
            indicators.add(new IndicatorView(i.name(), i.label(), count, refs, rows.size() - refs.size()));
        }
        return new ExplanationView(e.unit().unit().value(), e.unit().unitName(), e.unit().group().name(), e.from(),
                e.to(), card(e.unit().card()), indicators);
    }

    // ---------------------------------------------------------------- cases

    record CaseSummaryView(long id, long version, String kind, String kindLabel, String unit, String unitName,
            String group, String month, String status, String statusLabel, Instant openedAt, String reason) {
    }

    record CaseScoreView(String month, String group, Integer rank, int groupSize, BigDecimal score,
            BigDecimal responseRate, BigDecimal resolutionRate, BigDecimal satisfactionRate, int replied, int overdue,
            int redone, int unsatisfied, int nonCooperation) {
    }

    record EvidenceView(String number, String indicator, String label, Instant at) {
    }

    record CaseView(long id, long version, String kind, String kindLabel, String unit, String unitName, String group,
            String month, String status, String statusLabel, Instant openedAt, String reason, String addressedTo,
            List<CaseScoreView> scores, List<EvidenceView> orders, String explanation, String explainedBy,
            Instant explainedAt, String conclusion, String concludedBy, Instant concludedAt) {
    }

    static CaseSummaryView summary(AccountabilityCase c) {
        return new CaseSummaryView(c.id(), c.version(), c.kind().name(), c.kind().label(), c.unit().value(),
                c.unitName(), c.group().name(), c.month().toString(), c.status().name(), c.status().label(),
                c.openedAt(), c.reason());
    }

    static CaseView detail(AccountabilityCase c) {
        List<CaseScoreView> scores = c.scores().stream().map(AssessmentViews::score).toList();
        List<EvidenceView> orders = c.orders().stream().map(AssessmentViews::evidence).toList();
        return new CaseView(c.id(), c.version(), c.kind().name(), c.kind().label(), c.unit().value(), c.unitName(),
                c.group().name(), c.month().toString(), c.status().name(), c.status().label(), c.openedAt(),
                c.reason(), c.addressedTo(), scores, orders, c.explanation(), c.explainedBy(), c.explainedAt(),
                c.conclusion(), c.concludedBy(), c.concludedAt());
    }

    private static CaseScoreView score(CaseScore s) {
        return new CaseScoreView(s.month().toString(), s.group().name(), s.rank(), s.groupSize(), s.score(),
                rate(s.responseRate()), rate(s.resolutionRate()), rate(s.satisfactionRate()), s.replied(),
                s.overdue(), s.redone(), s.unsatisfied(), s.nonCooperation());
    }

    private static EvidenceView evidence(EvidenceOrder o) {
        return new EvidenceView(o.orderNumber(), o.indicator().name(), o.indicator().label(), o.at());
    }

    // ---------------------------------------------------------------- bulletin

    record BulletinUnitView(String list, int rank, String unitName, BigDecimal score, BigDecimal responseRate,
            BigDecimal resolutionRate, BigDecimal satisfactionRate, int replied, int overdue) {
    }

    record BulletinGroupView(String group, String groupLabel, int ranked, List<BulletinUnitView> top,
            List<BulletinUnitView> bottom) {
    }

    record BulletinOrderView(String number, String unitName, String category, Instant at, Instant repliedAt,
            int redos) {
    }

    record BulletinOrdersView(long total, List<BulletinOrderView> orders) {
    }

    record BulletinView(String month, String title, Instant generatedAt, String rules,
            List<BulletinGroupView> groups, BulletinOrdersView overdue, BulletinOrdersView redone,
            List<CaseSummaryView> cases) {
    }

    static BulletinView bulletin(Bulletins.Bulletin b) {
        List<BulletinGroupView> groups = b.groups().stream().map(g -> new BulletinGroupView(g.group().name(),
                g.group().label(), g.ranked(), g.top().stream().map(r -> bulletinUnit("红榜", r)).toList(),
                g.bottom().stream().map(r -> bulletinUnit("末位", r)).toList())).toList();
        return new BulletinView(b.month().toString(), BulletinExports.title(b), b.generatedAt(),
                BulletinExports.rules(b.rules()), groups, orders(b.overdue()), orders(b.redone()),
                b.cases().stream().map(AssessmentViews::summary).toList());
    }

    private static BulletinUnitView bulletinUnit(String list, RankedUnit r) {
        ScoreCard c = r.unit().card();
        return new BulletinUnitView(list, r.rank(), r.unit().unitName(), c.publishedScore(), rate(c.responseRate()),
                rate(c.resolutionRate()), rate(c.satisfactionRate()), c.facts().count(Indicator.REPLIED),
                c.facts().count(Indicator.OVERDUE));
    }

    private static BulletinOrdersView orders(Bulletins.OrderList list) {
        return new BulletinOrdersView(list.total(), list.orders().stream().map(o -> new BulletinOrderView(o.number(),
                o.unitName(), o.category(), o.at(), o.repliedAt(), o.redos())).toList());
    }

    // ---------------------------------------------------------------- numbers

    static BigDecimal rate(Double r) {
        return round(r, 4);
    }

    static BigDecimal round(Double d, int scale) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
    }
}
