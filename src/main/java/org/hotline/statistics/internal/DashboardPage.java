package org.hotline.statistics.internal;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.AssessmentReports;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoreCard;
import org.hotline.console.ConsoleController;
import org.hotline.console.ConsoleFormat;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.statistics.CallbackResults;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.DueNow;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.SatisfactionTrend;
import org.hotline.statistics.Share;
import org.hotline.statistics.Statistics;
import org.hotline.statistics.VolumeReport;
import org.hotline.statistics.VolumeTrend;
import org.hotline.statistics.internal.DashboardRows.CaseOrder;
import org.hotline.statistics.internal.DashboardRows.CaseRow;
import org.hotline.statistics.internal.DashboardRows.Figure;
import org.hotline.statistics.internal.DashboardRows.RankGroup;
import org.hotline.statistics.internal.DashboardRows.RankRow;
import org.hotline.statistics.internal.DashboardRows.RatePoint;
import org.hotline.statistics.internal.DashboardRows.TrendPoint;
import org.hotline.statistics.internal.DashboardRows.UnitDueRow;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The director's dashboard (数据看板): today's and this month's intake, the period's channels, categories, daily
 * intake and callback results, the orders overdue and at risk now, the month's unit ranking with the parts of each
 * score, and the accountability cases still open. Filtered by period ({@link DashboardPeriod}) and lead unit.
 *
 * <p>An adapter like {@link StatisticsController}: every figure comes from the same {@link Statistics} reports (and
 * the assessment's {@link AssessmentReports}), scoped by the same rules; the page only lays them out. Every count
 * links to the order list with the filters that find the orders behind it. The charts are drawn by
 * {@code static/console/dashboard.js} from the figures passed as JSON in a data attribute (never as script), and
 * the same figures stand in tables beside them for keyboards, screen readers and browsers without script.
 */
@ConsoleController
class DashboardPage {

    /** The most units the overdue chart shows; the table below it lists them all. */
    static final int CHART_UNITS = 12;
    /** The evidence orders a case lists by number; the rest are counted. */
    static final int CASE_ORDERS = 8;

    private final Statistics statistics;
    private final AssessmentReports assessment;
    private final Units units;
    private final Clock clock;
    private final ConsoleFormat fmt;
    private final ObjectMapper json;
    private final MessageSource messages;

    DashboardPage(Statistics statistics, AssessmentReports assessment, Units units, Clock clock, ConsoleFormat fmt,
            ObjectMapper json, MessageSource messages) {
        this.messages = messages;
        this.statistics = statistics;
        this.assessment = assessment;
        this.units = units;
        this.clock = clock;
        this.fmt = fmt;
        this.json = json;
    }

    // ---------------------------------------------------------------- the page

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String month,
            @RequestParam(required = false) String unit, Actor actor, Model model, HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("units", units.all().stream()
                .sorted(Comparator.comparing((Unit u) -> !u.active()).thenComparing(u -> u.id().value())).toList());
        model.addAttribute("today", today);
        model.addAttribute("form", form(period, from, to, month, unit));
        DashboardPeriod p;
        UnitId lead;
        try {
            p = DashboardPeriod.of(period, from, to, month, today);
            lead = unit(unit);
            figures(p, lead, today, actor, model);
        } catch (InvalidInputException e) {
            // the filter as typed stays in the form, with what is wrong beside the field; no figures
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.field(e.field(), e.getMessage()));
            model.addAttribute("failed", true);
            return "statistics/dashboard";
        }
        model.addAttribute("failed", false);
        model.addAttribute("period", p);
        model.addAttribute("unitName", lead == null ? null : units.find(lead).map(Unit::name).orElse(lead.value()));
        return "statistics/dashboard";
    }

    private void figures(DashboardPeriod p, UnitId lead, LocalDate today, Actor actor, Model model) {
        String unitId = lead == null ? null : lead.value();
        ReportFilter filter = new ReportFilter(p.range(), lead, null);

        // today and this month (to date), whatever the period: one daily trend of the month
        DateRange monthToDate = new DateRange(today.withDayOfMonth(1), today);
        VolumeTrend month = statistics.volumeTrend(actor, filter.withRange(monthToDate),
                org.hotline.statistics.Period.DAY);
        long todayCount = month.points().isEmpty() ? 0 : month.points().get(month.points().size() - 1).count();
        model.addAttribute("todayVolume", new Figure("dashboard.kpi.today", todayCount, null,
                orders(kv("lead", unitId, "from", today, "to", today))));
        model.addAttribute("monthVolume", new Figure("dashboard.kpi.month", month.total(), null,
                orders(kv("lead", unitId, "from", monthToDate.from(), "to", today))));

        // the period's intake: per step, per channel, per category
        VolumeTrend trend = statistics.volumeTrend(actor, filter, p.step());
        model.addAttribute("periodVolume", new Figure("dashboard.kpi.period", trend.total(), null, rangeLink(unitId, p.range())));
        List<TrendPoint> points = trend.points().stream().map(pt -> new TrendPoint(pt.period(),
                new DateRange(pt.from(), pt.to()), pt.count(), rangeLink(unitId, new DateRange(pt.from(), pt.to()))))
                .toList();
        model.addAttribute("trend", points);
        VolumeReport channels = statistics.volumes(actor, filter, Dimension.CHANNEL, 1);
        List<Figure> channelRows = channels.rows().stream().map(s -> share(s, "channel", unitId, p.range())).toList();
        model.addAttribute("channels", channelRows);
        VolumeReport categories = statistics.volumes(actor, filter, Dimension.CATEGORY, 1);
        List<Figure> categoryRows = categories.rows().stream().map(s -> share(s, "category", unitId, p.range()))
                .toList();
        model.addAttribute("categories", categoryRows);

        // the callbacks made in the period
        SatisfactionTrend rates = statistics.satisfactionTrend(actor, filter, p.step());
        SatisfactionTrend.Point total = rates.total();
        model.addAttribute("satisfactionRate", total.satisfactionRate());
        model.addAttribute("resolutionRate", total.resolutionRate());
        model.addAttribute("rated", new Figure("dashboard.kpi.rated", total.rated(), null, called(unitId, p.range(), null, null)));
        List<Figure> ratings = List.of(
                new Figure("satisfaction.SATISFIED", total.satisfied(), null, called(unitId, p.range(), "SATISFIED", null)),
                new Figure("satisfaction.BASICALLY_SATISFIED", total.basicallySatisfied(), null,
                        called(unitId, p.range(), "BASICALLY_SATISFIED", null)),
                new Figure("satisfaction.UNSATISFIED", total.unsatisfied(), null, called(unitId, p.range(), "UNSATISFIED", null)),
                new Figure("dashboard.resolved", total.resolved(), null, called(unitId, p.range(), null, true)),
                new Figure("dashboard.unresolved", total.unresolved(), null, called(unitId, p.range(), null, false)));
        model.addAttribute("ratings", ratings);
        List<RatePoint> ratePoints = rates.overall().stream().map(pt -> new RatePoint(pt.period(),
                new DateRange(pt.from(), pt.to()), pt.rated(), pt.satisfactionRate(), pt.resolutionRate(),
                called(unitId, new DateRange(pt.from(), pt.to()), null, null))).toList();
        model.addAttribute("ratePoints", ratePoints);
        model.addAttribute("weights", List.of(CallbackResults.SATISFIED_WEIGHT,
                CallbackResults.BASICALLY_SATISFIED_WEIGHT, CallbackResults.UNSATISFIED_WEIGHT));

        // the clocks now, whatever the period
        DueNow due = statistics.dueNow(actor, new ReportFilter(null, lead, null));
        model.addAttribute("due", due);
        model.addAttribute("overdueNow", new Figure("dashboard.kpi.overdue", due.total().overdue(), null,
                orders(kv("lead", unitId, "overdue", true))));
        model.addAttribute("atRiskNow", new Figure("dashboard.kpi.at-risk", due.total().atRisk(), null,
                orders(kv("lead", unitId, "atRisk", true))));
        model.addAttribute("runningNow", new Figure("dashboard.kpi.running", due.total().running(), null,
                orders(kv("running", true, "lead", unitId))));
        List<UnitDueRow> dueRows = due.units().stream().filter(u -> u.unit() != null).map(u -> new UnitDueRow(
                u.unitName(), u.counts().running(), u.counts().overdue(),
                orders(kv("lead", u.unit(), "overdue", true)), u.counts().atRisk(),
                orders(kv("lead", u.unit(), "atRisk", true)))).toList();
        model.addAttribute("dueRows", dueRows);

        // the month's ranking and the cases still open
        Ranking ranking = assessment.ranking(p.rankingMonth());
        List<RankGroup> groups = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            int bottomFrom = ranking.bottom(g, 3).stream().mapToInt(RankedUnit::rank).min().orElse(Integer.MAX_VALUE);
            groups.add(new RankGroup(g.label(), ranking.group(g).stream()
                    .filter(r -> lead == null || r.unit().unit().equals(lead))
                    .map(r -> rank(r, p.rankingMonth(), r.rank() >= bottomFrom)).toList(),
                    g == RankingGroup.TERRITORIAL));
        }
        model.addAttribute("ranking", groups);
        model.addAttribute("rankingMonth", p.rankingMonth());
        List<AccountabilityCase> open = new ArrayList<>(assessment.cases(lead, null, CaseStatus.OPENED, actor));
        open.addAll(assessment.cases(lead, null, CaseStatus.EXPLANATION_SUBMITTED, actor));
        open.sort(Comparator.comparing(AccountabilityCase::openedAt).reversed());
        model.addAttribute("cases", open.stream().map(this::caseRow).toList());

        model.addAttribute("charts", charts(channelRows, categoryRows, points, ratePoints, dueRows));
    }

    // ---------------------------------------------------------------- rows

    private Figure share(Share s, String param, String unitId, DateRange range) {
        // 未分类 and 未派单 have no value a list could filter by: shown, not linked
        String link = s.key() == null ? null : orders(kv("lead", unitId, param, s.key(), "from", range.from(),
                "to", range.to()));
        return new Figure(s.label(), s.count(), s.percent(), link);
    }

    private RankRow rank(RankedUnit r, YearMonth month, boolean bottom) {
        ScoreCard card = r.unit().card();
        return new RankRow(r.rank(), r.groupSize(), r.unit().unitName(),
                orders(kv("lead", r.unit().unit().value(), "from", month.atDay(1), "to", month.atEndOfMonth())),
                card.publishedScore(), card.responseRate(), card.resolutionRate(), card.satisfactionRate(),
                card.ratePoints(), card.overduePenalty(), card.nonCooperationPenalty(), card.missedSamplePenalty(),
                card.lowQualityReplyPenalty(),
                card.facts().count(Indicator.RECEIVED), card.facts().count(Indicator.REPLIED),
                card.facts().count(Indicator.OVERDUE), bottom, card.patrolCoverageRate() == null ? null
                        : new DashboardRows.PatrolFigures(card.facts().count(Indicator.PATROL_DUE),
                                card.facts().count(Indicator.PATROL_FILED), card.patrolShortfall(),
                                card.patrolCoverageRate(), card.patrolShortfallPenalty()));
    }

    private CaseRow caseRow(AccountabilityCase c) {
        List<EvidenceOrder> evidence = c.orders();
        Map<String, String> firstIndicator = new LinkedHashMap<>();
        evidence.forEach(e -> firstIndicator.putIfAbsent(e.orderNumber(), e.indicator().label()));
        List<CaseOrder> shown = firstIndicator.entrySet().stream().limit(CASE_ORDERS)
                .map(e -> new CaseOrder(e.getKey(), "/console/orders/" + e.getKey(), e.getValue())).toList();
        return new CaseRow(c.id(), c.unitName(), c.kind().label(), c.month(), c.status().label(), c.reason(),
                c.openedAt(), shown, Math.max(0, firstIndicator.size() - shown.size()));
    }

    private String rangeLink(String unitId, DateRange range) {
        return orders(kv("lead", unitId, "from", range.from(), "to", range.to()));
    }

    private String called(String unitId, DateRange range, String satisfaction, Boolean resolved) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lead", unitId);
        p.put("satisfaction", satisfaction);
        p.put("resolved", resolved);
        p.put("calledFrom", range.from());
        p.put("calledTo", range.to());
        return orders(p);
    }

    /**
     * The order list with these filters (null values left out), in the words of its address (see
     * {@code workorder.internal.OrderListFilter}); the list decides what they mean.
     */
    static String orders(Map<String, ?> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(DashboardPage::order)))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/console/orders" + (query.isEmpty() ? "" : "?" + query);
    }

    private static final List<String> PARAM_ORDER = List.of("status", "running", "overdue", "atRisk", "channel", "category",
            "lead", "from", "to", "satisfaction", "resolved", "calledFrom", "calledTo");

    private static int order(String param) {
        int i = PARAM_ORDER.indexOf(param);
        return i < 0 ? PARAM_ORDER.size() : i;
    }

    // ---------------------------------------------------------------- the charts' figures

    /**
     * The figures the charts draw, as JSON for a data attribute: labels are data (unit and category names an
     * admin typed), so the script sets them as text and escapes them in tooltips; links are the same as the
     * tables'.
     */
    private String charts(List<Figure> channels, List<Figure> categories, List<TrendPoint> trend,
            List<RatePoint> rates, List<UnitDueRow> due) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", series(channels));
        data.put("category", series(categories));
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("labels", trend.stream().map(TrendPoint::period).toList());
        volume.put("values", trend.stream().map(TrendPoint::count).toList());
        volume.put("links", trend.stream().map(TrendPoint::link).toList());
        data.put("trend", volume);
        Map<String, Object> satisfaction = new LinkedHashMap<>();
        satisfaction.put("labels", rates.stream().map(RatePoint::period).toList());
        satisfaction.put("satisfaction", rates.stream().map(RatePoint::satisfaction).toList());
        satisfaction.put("resolution", rates.stream().map(RatePoint::resolution).toList());
        satisfaction.put("rated", rates.stream().map(RatePoint::rated).toList());
        satisfaction.put("links", rates.stream().map(RatePoint::link).toList());
        data.put("satisfaction", satisfaction);
        List<UnitDueRow> top = due.stream().filter(u -> u.overdue() + u.atRisk() > 0).limit(CHART_UNITS).toList();
        Map<String, Object> clocks = new LinkedHashMap<>();
        clocks.put("labels", top.stream().map(UnitDueRow::unitName).toList());
        clocks.put("overdue", top.stream().map(UnitDueRow::overdue).toList());
        clocks.put("atRisk", top.stream().map(UnitDueRow::atRisk).toList());
        clocks.put("overdueLinks", top.stream().map(UnitDueRow::overdueLink).toList());
        clocks.put("atRiskLinks", top.stream().map(UnitDueRow::atRiskLink).toList());
        data.put("due", clocks);
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : List.of("orders", "share", "satisfaction", "resolution", "rated", "overdue", "atRisk",
                "open")) {
            names.put(key, messages.getMessage("dashboard.chart." + key, null, java.util.Locale.SIMPLIFIED_CHINESE));
        }
        data.put("names", names);
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard's figures could not be written as JSON", e);
        }
    }

    private static Map<String, Object> series(List<Figure> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("labels", rows.stream().map(Figure::label).toList());
        s.put("values", rows.stream().map(Figure::count).toList());
        s.put("percents", rows.stream().map(Figure::percent).toList());
        s.put("links", rows.stream().map(Figure::link).toList());
        return s;
    }

    // ---------------------------------------------------------------- the filter

    private UnitId unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String id = unit.strip();
        if (id.length() > 64 || units.find(new UnitId(id)).isEmpty()) {
            throw new InvalidInputException("unit", "请从列表中选择单位");
        }
        return new UnitId(id);
    }

    /** The filter as the user gave it, to fill the form again. */
    private static Map<String, String> form(String period, String from, String to, String month, String unit) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("period", period == null || period.isBlank() ? "month" : period.strip());
        f.put("from", from == null ? "" : from);
        f.put("to", to == null ? "" : to);
        f.put("month", month == null ? "" : month);
        f.put("unit", unit == null ? "" : unit);
        return f;
    }

    /** Parameters in pairs, nulls allowed (a filter not set). */
    private static Map<String, Object> kv(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
