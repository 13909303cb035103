package org.hotline.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.OverdueKind;
import org.hotline.statistics.OverduePage;
import org.hotline.statistics.OverrideTrend;
import org.hotline.statistics.Period;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.SatisfactionTrend;
import org.hotline.statistics.Share;
import org.hotline.statistics.Statistics;
import org.hotline.statistics.StatisticsRows;
import org.hotline.statistics.VolumeReport;
import org.hotline.statistics.VolumeTrend;
import org.hotline.statistics.YearOverYearReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics queries, whichever database keeps the orders: run once on H2 in PostgreSQL mode and once on
 * PostgreSQL, through the real {@link Statistics} bean. SQL that only one database accepts, or that puts a
 * late-evening order on the wrong day in one of them, fails here.
 *
 * <p>The database is shared with other tests, so each test writes orders on days no other test uses (years
 * 2019 and 2031–2035) and asks only about those days.
 */
abstract class StatisticsQueriesContract {

    static final Actor DIRECTOR = new Actor("director1", "主任", Role.DIRECTOR, null);
    static final String MARKET = "dcf-scjgj";
    static final String GULOU = "dcf-gulou";
    static final String ENFORCEMENT = "dcf-zhzfj";

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    StatisticsRows rows;

    @BeforeEach
    void rows() {
        rows = new StatisticsRows(jdbc);
    }

    @Test
    void ordersCountUnderTheirCategoryAtEachLevelAndTheRowsAddUpToTheTotal() {
        for (int i = 0; i < 3; i++) {
            rows.order("2031-01-05T10:00").category("01.02.01").insert(); // 城乡建设 / 建筑施工 / 夜间施工扰民
        }
        rows.order("2031-01-06T10:00").category("01.02.02").insert();
        rows.order("2031-01-07T10:00").category("01.02.02").insert();
        rows.order("2031-01-08T10:00").category("01").insert();
        rows.order("2031-01-09T10:00").category("02.01.01").insert(); // 劳动和社会保障 / 劳动关系 / 拖欠工资
        rows.order("2031-01-10T10:00").insert();
        ReportFilter january = filter("2031-01-01", "2031-01-31");

        VolumeReport level1 = statistics.volumes(DIRECTOR, january, Dimension.CATEGORY, 1);
        assertThat(level1.total()).isEqualTo(8);
        assertThat(level1.rows()).extracting(Share::key, Share::label, Share::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01", "城乡建设", 6L),
                org.assertj.core.groups.Tuple.tuple("02", "劳动和社会保障", 1L),
                org.assertj.core.groups.Tuple.tuple(null, "未分类", 1L));
        // 6 × 100 / 8 = 75.00; 1 × 100 / 8 = 12.5 → 12.50
        assertThat(row(level1, "01").percent()).isEqualTo(new BigDecimal("75.00"));
        assertThat(row(level1, null).percent()).isEqualTo(new BigDecimal("12.50"));

        VolumeReport level2 = statistics.volumes(DIRECTOR, january, Dimension.CATEGORY, 2);
        assertThat(level2.rows()).extracting(Share::key, Share::label, Share::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01.02", "建筑施工", 5L),
                org.assertj.core.groups.Tuple.tuple("01", "城乡建设（未细分）", 1L),
                org.assertj.core.groups.Tuple.tuple("02.01", "劳动关系", 1L),
                org.assertj.core.groups.Tuple.tuple(null, "未分类", 1L));
        assertThat(level2.rows().stream().mapToLong(Share::count).sum()).isEqualTo(level2.total()).isEqualTo(8);

        VolumeReport level3 = statistics.volumes(DIRECTOR, january, Dimension.CATEGORY, 3);
        assertThat(row(level3, "01.02.01").label()).isEqualTo("夜间施工扰民");
        assertThat(row(level3, "01.02.01").count()).isEqualTo(3);
    }

    @Test
    void aCategoryFilterTakesTheCategoryAndEverythingBelowItAndAUnitFilterTheLeadUnit() {
        rows.order("2031-02-03T09:00").category("01.02.01").lead(ENFORCEMENT).insert();
        rows.order("2031-02-03T09:00").category("01.02").lead(MARKET).insert();
        rows.order("2031-02-04T09:00").category("01.03.01").lead(MARKET).insert();
        rows.order("2031-02-05T09:00").category("02.01.01").lead(MARKET).insert();

        VolumeReport construction = statistics.volumes(DIRECTOR,
                new ReportFilter(range("2031-02-01", "2031-02-28"), null, "01.02"), Dimension.UNIT, 1);
        assertThat(construction.total()).isEqualTo(2);
        assertThat(construction.rows()).extracting(Share::label).containsExactlyInAnyOrder("区综合行政执法局",
                "区市场监督管理局");

        VolumeReport market = statistics.volumes(DIRECTOR,
                new ReportFilter(range("2031-02-01", "2031-02-28"), new UnitId(MARKET), null), Dimension.CATEGORY, 1);
        assertThat(market.total()).isEqualTo(3);
        assertThat(row(market, "01").count()).isEqualTo(2);
        assertThat(row(market, "02").count()).isEqualTo(1);
    }

    @Test
    void channelsAppealTypesAndUnitsAreNamedInChinese() {
        rows.order("2031-03-03T09:00").channel("PHONE").appealType("COMPLAINT").lead(MARKET).insert();
        rows.order("2031-03-03T10:00").channel("PHONE").appealType("INQUIRY").lead(MARKET).insert();
        rows.order("2031-03-04T09:00").channel("APP").appealType("COMPLAINT").insert();
        ReportFilter march = filter("2031-03-01", "2031-03-31");

        assertThat(statistics.volumes(DIRECTOR, march, Dimension.CHANNEL, 1).rows())
                .extracting(Share::key, Share::label, Share::count).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PHONE", "电话", 2L),
                        org.assertj.core.groups.Tuple.tuple("APP", "移动端", 1L));
        assertThat(statistics.volumes(DIRECTOR, march, Dimension.APPEAL_TYPE, 1).rows())
                .extracting(Share::label, Share::count).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("投诉", 2L), org.assertj.core.groups.Tuple.tuple("咨询", 1L));
        VolumeReport units = statistics.volumes(DIRECTOR, march, Dimension.UNIT, 1);
        assertThat(units.rows()).extracting(Share::key, Share::label, Share::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MARKET, "区市场监督管理局", new BigDecimal("66.67")),
                org.assertj.core.groups.Tuple.tuple(null, "未派单", new BigDecimal("33.33")));
    }

    @Test
    void anOrderBelongsToTheBeijingDayItWasRegisteredOn() {
        // 23:30 on 31 May Beijing time is 15:30 UTC on 31 May; 00:30 on 1 June Beijing time is still 31 May in UTC
        rows.order("2031-05-31T23:30").insert();
        rows.order("2031-06-01T00:30").insert();
        rows.order("2031-06-30T23:59").insert();

        VolumeTrend months = statistics.volumeTrend(DIRECTOR, filter("2031-05-01", "2031-06-30"), Period.MONTH);
        assertThat(months.points()).extracting(VolumeTrend.Point::period, VolumeTrend.Point::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2031-05", 1L),
                        org.assertj.core.groups.Tuple.tuple("2031-06", 2L));
        VolumeTrend days = statistics.volumeTrend(DIRECTOR, filter("2031-05-31", "2031-06-01"), Period.DAY);
        assertThat(days.points()).extracting(VolumeTrend.Point::count).containsExactly(1L, 1L);
        assertThat(statistics.volumes(DIRECTOR, filter("2031-06-01", "2031-06-30"), Dimension.CHANNEL, 1).total())
                .isEqualTo(2);
    }

    @Test
    void weeksAreIsoWeeksAcrossTheNewYearWithEmptyWeeksShownAsZero() {
        // 2032-W01 runs from Monday 29 December 2031 to Sunday 4 January 2032
        rows.order("2031-12-29T08:00").insert();
        rows.order("2032-01-04T22:00").insert();
        rows.order("2032-01-05T08:00").insert();
        rows.order("2032-01-19T08:00").insert();

        VolumeTrend weeks = statistics.volumeTrend(DIRECTOR, filter("2031-12-29", "2032-01-25"), Period.WEEK);
        assertThat(weeks.points()).extracting(VolumeTrend.Point::period, VolumeTrend.Point::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2032-W01", 2L), org.assertj.core.groups.Tuple.tuple("2032-W02", 1L),
                org.assertj.core.groups.Tuple.tuple("2032-W03", 0L), org.assertj.core.groups.Tuple.tuple("2032-W04", 1L));
        assertThat(weeks.total()).isEqualTo(4);
    }

    @Test
    void satisfactionAndResolutionPerMonthFromTheLastReachedCallbackOfEachReply() {
        String a = rows.order("2033-01-03T09:00").lead(MARKET).insert();
        rows.callback(a, MARKET, 1, "2033-01-10T10:00", null, null); // not reached: no rating
        rows.callback(a, MARKET, 2, "2033-01-11T10:00", "SATISFIED", true);
        rows.reached(rows.order("2033-01-03T09:00").lead(MARKET).insert(), MARKET, "2033-01-12T10:00", "SATISFIED", true);
        rows.reached(rows.order("2033-01-03T09:00").lead(MARKET).insert(), MARKET, "2033-01-12T11:00",
                "BASICALLY_SATISFIED", true);
        rows.reached(rows.order("2033-01-03T09:00").lead(MARKET).insert(), MARKET, "2033-01-12T12:00", "UNSATISFIED",
                false);
        String twice = rows.order("2033-01-03T09:00").lead(MARKET).insert();
        rows.callback(twice, MARKET, 1, "2033-01-13T10:00", "UNSATISFIED", false);
        rows.callback(twice, MARKET, 2, "2033-01-14T10:00", "SATISFIED", true); // the last word counts
        // 23:30 on 31 January Beijing time: January, though it is 15:30 UTC
        rows.reached(rows.order("2033-01-20T09:00").lead(GULOU).category("01.01.01").insert(), GULOU,
                "2033-01-31T23:30", "BASICALLY_SATISFIED", true);
        rows.reached(rows.order("2033-03-01T09:00").lead(MARKET).insert(), MARKET, "2033-03-02T10:00", "SATISFIED",
                true);

        SatisfactionTrend trend = statistics.satisfactionTrend(DIRECTOR, filter("2033-01-01", "2033-03-31"),
                Period.MONTH);

        // January, everyone: 3 satisfied, 2 basically, 1 unsatisfied: (3 + 1.8) / 6 = 80.00%; resolved 5 of 6
        SatisfactionTrend.Point january = trend.overall().get(0);
        assertThat(january.period()).isEqualTo("2033-01");
        assertThat(List.of(january.rated(), january.satisfied(), january.basicallySatisfied(), january.unsatisfied()))
                .containsExactly(6L, 3L, 2L, 1L);
        assertThat(january.satisfactionRate()).isEqualTo(new BigDecimal("80.00"));
        assertThat(january.resolutionRate()).isEqualTo(new BigDecimal("83.33"));
        // February: no callbacks, no rates
        assertThat(trend.overall().get(1).rated()).isZero();
        assertThat(trend.overall().get(1).satisfactionRate()).isNull();
        // the quarter: (4 + 1.8) / 7 = 82.857… → 82.86%; resolved 6 of 7 = 85.71%
        assertThat(trend.total().satisfactionRate()).isEqualTo(new BigDecimal("82.86"));
        assertThat(trend.total().resolutionRate()).isEqualTo(new BigDecimal("85.71"));

        // per unit: the market bureau in January (3 + 0.9) / 5 = 78.00%, resolved 4 of 5; Gulou 90.00%
        SatisfactionTrend.UnitTrend market = unit(trend, MARKET);
        assertThat(market.unitName()).isEqualTo("区市场监督管理局");
        assertThat(market.points().get(0).satisfactionRate()).isEqualTo(new BigDecimal("78.00"));
        assertThat(market.points().get(0).resolutionRate()).isEqualTo(new BigDecimal("80.00"));
        assertThat(market.points().get(2).satisfactionRate()).isEqualTo(new BigDecimal("100.00"));
        assertThat(unit(trend, GULOU).points().get(0).satisfactionRate()).isEqualTo(new BigDecimal("90.00"));

        // one unit, or one category
        SatisfactionTrend gulou = statistics.satisfactionTrend(DIRECTOR,
                new ReportFilter(range("2033-01-01", "2033-03-31"), new UnitId(GULOU), null), Period.MONTH);
        assertThat(gulou.total().rated()).isEqualTo(1);
        assertThat(gulou.units()).extracting(SatisfactionTrend.UnitTrend::unit).containsExactly(GULOU);
        SatisfactionTrend property = statistics.satisfactionTrend(DIRECTOR,
                new ReportFilter(range("2033-01-01", "2033-03-31"), null, "01.01"), Period.MONTH);
        assertThat(property.total().rated()).isEqualTo(1);
        assertThat(property.total().basicallySatisfied()).isEqualTo(1);
    }

    @Test
    void thisPeriodAgainstTheSamePeriodLastYearWithAZeroBaseReportedAsSuch() {
        for (int i = 0; i < 4; i++) {
            rows.order("2034-03-10T09:00").channel("PHONE").insert();
        }
        for (int i = 0; i < 5; i++) {
            rows.order("2035-03-10T09:00").channel("PHONE").insert();
        }
        rows.order("2035-03-31T23:00").channel("APP").insert();
        rows.order("2035-04-01T00:10").channel("APP").insert(); // outside the period

        YearOverYearReport report = statistics.yearOverYear(DIRECTOR, filter("2035-03-01", "2035-03-31"),
                Dimension.CHANNEL, 1);
        assertThat(report.previous()).isEqualTo(range("2034-03-01", "2034-03-31"));
        // 6 against 4: +2, 2 × 100 / 4 = 50.00%
        assertThat(report.total().current()).isEqualTo(6);
        assertThat(report.total().previous()).isEqualTo(4);
        assertThat(report.total().changePercent()).isEqualTo(new BigDecimal("50.00"));
        YearOverYearReport.Row phone = report.rows().stream().filter(r -> r.key().equals("PHONE")).findFirst()
                .orElseThrow();
        assertThat(phone.change()).isEqualTo(1);
        assertThat(phone.changePercent()).isEqualTo(new BigDecimal("25.00"));
        YearOverYearReport.Row app = report.rows().stream().filter(r -> r.key().equals("APP")).findFirst()
                .orElseThrow();
        assertThat(app.label()).isEqualTo("移动端");
        assertThat(app.zeroBase()).isTrue();
        assertThat(app.changePercent()).isNull();
        assertThat(app.change()).isEqualTo(1);
    }

    @Test
    void theOpenOverdueListHoldsOrdersStillWithTheUnitPastTheirDeadline() {
        String later = rows.order("2019-03-01T09:00").lead(MARKET).status("IN_PROGRESS").category("04.01.01")
                .deadline("2019-03-10T17:30").insert();
        String earlier = rows.order("2019-03-02T09:00").lead(GULOU).status("DISPATCHED")
                .deadline("2019-03-08T17:30").insert();
        rows.order("2019-03-03T09:00").lead(MARKET).status("RETURN_REQUESTED").deadline("2019-03-08T17:30").insert();
        rows.order("2019-03-04T09:00").lead(MARKET).status("IN_PROGRESS").deadline("2099-03-08T17:30").insert();
        rows.order("2019-03-05T09:00").lead(MARKET).status("REPLIED").deadline("2019-03-06T17:30")
                .replied("2019-03-07T09:00").insert();
        ReportFilter march = filter("2019-03-01", "2019-03-31");

        OverduePage first = statistics.overdue(DIRECTOR, OverdueKind.OPEN, march, 0, 1);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).extracting(OverduePage.Item::number).containsExactly(earlier);
        assertThat(first.items().get(0).leadUnitName()).isEqualTo("古楼街道");
        assertThat(first.items().get(0).statusLabel()).isEqualTo("待签收");
        assertThat(first.items().get(0).overdueHours()).isPositive();
        OverduePage second = statistics.overdue(DIRECTOR, OverdueKind.OPEN, march, 1, 1);
        assertThat(second.items()).extracting(OverduePage.Item::number).containsExactly(later);
        assertThat(statistics.overdue(DIRECTOR, OverdueKind.OPEN,
                new ReportFilter(march.range(), new UnitId(MARKET), null), 0, 10).items())
                .extracting(OverduePage.Item::number).containsExactly(later);
    }

    /**
     * 超期 and 临期 now are counted as each order's page shows them: overdue past the deadline while the clock runs,
     * at risk from the stored at-risk moment until the deadline; a return under review and a closed order are
     * neither. Rows registered in 2019 only, so that the range keeps other tests' orders out.
     */
    @Test
    void overdueAndAtRiskNowAreCountedAsEachOrdersPageShowsThem() {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant hour = now.plusSeconds(3600);
        rows.order("2019-05-06T10:00").lead(GULOU).deadline(now.minusSeconds(7200)).atRiskFrom(now.minusSeconds(90000))
                .insert(); // overdue
        rows.order("2019-05-06T11:00").lead(GULOU).status("IN_PROGRESS").deadline(now.plusSeconds(86400))
                .atRiskFrom(now.minusSeconds(3600)).insert(); // at risk
        rows.order("2019-05-06T12:00").lead(GULOU).deadline(now.plusSeconds(3 * 86400)).atRiskFrom(hour)
                .insert(); // on track
        rows.order("2019-05-06T13:00").lead(MARKET).deadline(now.plusSeconds(86400)).insert(); // no moment: on track
        rows.order("2019-05-06T14:00").lead(MARKET).status("RETURN_REQUESTED").deadline(now.minusSeconds(7200))
                .insert(); // paused
        rows.order("2019-05-06T15:00").lead(MARKET).deadline(now.minusSeconds(86400)).replied("2019-05-07T10:00")
                .closed("2019-05-08T10:00").insert(); // closed
        ReportFilter may2019 = filter("2019-05-01", "2019-05-31");

        org.hotline.statistics.DueNow due = statistics.dueNow(DIRECTOR, may2019);

        assertThat(due.total()).isEqualTo(new org.hotline.statistics.DueNow.Counts(4, 1, 1));
        assertThat(due.units()).extracting(u -> u.unit(), u -> u.counts()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GULOU, new org.hotline.statistics.DueNow.Counts(3, 1, 1)),
                org.assertj.core.groups.Tuple.tuple(MARKET, new org.hotline.statistics.DueNow.Counts(1, 0, 0)));
        assertThat(due.units().get(0).unitName()).isEqualTo("古楼街道");
        assertThat(statistics.dueNow(DIRECTOR, may2019.withUnit(new UnitId(MARKET))).total())
                .isEqualTo(new org.hotline.statistics.DueNow.Counts(1, 0, 0));
    }

    @Test
    void theClosedLateListHoldsClosedOrdersWhoseReplyCameAfterTheDeadline() {
        String late = rows.order("2019-04-01T09:00").lead(MARKET).deadline("2019-04-08T17:30")
                .replied("2019-04-10T09:30").closed("2019-04-12T10:00").insert();
        rows.order("2019-04-01T09:00").lead(MARKET).deadline("2019-04-08T17:30").replied("2019-04-08T17:00")
                .closed("2019-04-12T10:00").insert();
        rows.order("2019-04-01T09:00").lead(MARKET).status("REPLIED").deadline("2019-04-08T17:30")
                .replied("2019-04-10T09:30").insert();

        OverduePage page = statistics.overdue(DIRECTOR, OverdueKind.CLOSED_LATE, filter("2019-04-01", "2019-04-30"), 0,
                20);
        assertThat(page.items()).extracting(OverduePage.Item::number).containsExactly(late);
        // from 17:30 on the 8th to 09:30 on the 10th: 40 hours
        assertThat(page.items().get(0).overdueHours()).isEqualTo(40);
        assertThat(page.items().get(0).statusLabel()).isEqualTo("已办结");
    }

    /**
     * 主任决定办结 counts by the Beijing day of the override and the order's lead unit, from the history's stored
     * action: a close through the quality loop or a review line is not an override, whatever it says.
     */
    @Test
    void overridesCountOnTheDayTheyWereMadeForTheOrdersLeadUnitAndNothingElseCounts() {
        String a = rows.order("2043-01-05T09:00").lead(MARKET).category("01.02.01").closed("2043-01-09T23:30").insert();
        rows.history(a, "OVERRIDE_CLOSE", "2043-01-09T23:30"); // 15:30 UTC: still 9 January in Beijing
        String b = rows.order("2043-01-05T09:00").lead(MARKET).category("02.01.01").closed("2043-02-02T09:00").insert();
        rows.history(b, "OVERRIDE_CLOSE", "2043-02-02T09:00");
        String c = rows.order("2043-01-06T09:00").lead(GULOU).closed("2043-01-10T00:30").insert();
        rows.history(c, "OVERRIDE_CLOSE", "2043-01-10T00:30"); // 9 January in UTC, 10 January in Beijing
        String d = rows.order("2043-01-06T09:00").lead(GULOU).closed("2043-01-10T09:00").insert();
        rows.history(d, "REVIEW", "2043-01-10T08:00");
        rows.history(d, "CLOSE", "2043-01-10T09:00");

        OverrideTrend months = statistics.overrides(DIRECTOR, filter("2043-01-01", "2043-02-28"), Period.MONTH);
        assertThat(months.total()).isEqualTo(3);
        assertThat(months.overall()).extracting(p -> p.period() + "=" + p.count())
                .containsExactly("2043-01=2", "2043-02=1");
        assertThat(months.units()).extracting(u -> u.unit() + " " + u.unitName() + " " + u.total())
                .containsExactly("dcf-gulou 古楼街道 1", "dcf-scjgj 区市场监督管理局 2");

        OverrideTrend days = statistics.overrides(DIRECTOR, filter("2043-01-09", "2043-01-10"), Period.DAY);
        assertThat(days.overall()).extracting(p -> p.period() + "=" + p.count())
                .containsExactly("2043-01-09=1", "2043-01-10=1");

        assertThat(statistics.overrides(DIRECTOR, new ReportFilter(range("2043-01-01", "2043-02-28"),
                new UnitId(MARKET), null), Period.MONTH).total()).isEqualTo(2);
        assertThat(statistics.overrides(DIRECTOR, new ReportFilter(range("2043-01-01", "2043-02-28"), null, "01.02"),
                Period.MONTH).total()).isEqualTo(1);
    }

    private static ReportFilter filter(String from, String to) {
        return new ReportFilter(range(from, to), null, null);
    }

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Share row(VolumeReport r, String key) {
        return r.rows().stream().filter(s -> Objects.equals(s.key(), key)).findFirst().orElseThrow();
    }

    private static SatisfactionTrend.UnitTrend unit(SatisfactionTrend t, String unit) {
        return t.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
    }
}
