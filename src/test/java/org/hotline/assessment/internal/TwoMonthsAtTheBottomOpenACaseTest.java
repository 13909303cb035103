package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.at;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.AccountabilityCaseOpened;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.CaseScore;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The monthly evaluation from real orders to cases: five street offices handle four orders each in June and
 * in July 2025 (months no other test uses), and differ only in how many of their citizens were unsatisfied.
 * Two of them are in the bottom three both months and get a case; one is there only in July and does not.
 * 侯营镇, co-unit on four orders in July, declines each time and is reported for non-cooperation.
 */
@HotlineIntegrationTest
@RecordApplicationEvents
class TwoMonthsAtTheBottomOpenACaseTest {

    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId LIUYUAN = new UnitId("dcf-liuyuan");
    static final UnitId XINQU = new UnitId("dcf-xinqu");
    static final UnitId HUXI = new UnitId("dcf-huxi");
    static final UnitId DAOKOUPU = new UnitId("dcf-daokoupu");
    static final UnitId HOUYING = new UnitId("dcf-houying");
    static final YearMonth JUNE = YearMonth.of(2025, 6);
    static final YearMonth JULY = YearMonth.of(2025, 7);

    @Autowired
    WorkOrders orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Assessments assessments;

    @Autowired
    AccountabilityCases cases;

    private static boolean written;
    private static Assessments.Recomputed recomputed;

    @BeforeEach
    void twoMonthsOfOrders() {
        if (written) {
            return;
        }
        // unsatisfied citizens out of four: June gulou 0, daokoupu 1, liuyuan 2, xinqu 3, huxi 4
        monthOf(GULOU, "2025-06-10", 0, false);
        monthOf(DAOKOUPU, "2025-06-10", 1, false);
        monthOf(LIUYUAN, "2025-06-10", 2, false);
        monthOf(XINQU, "2025-06-10", 3, false);
        monthOf(HUXI, "2025-06-10", 4, false);
        // July: gulou 0, liuyuan 1, daokoupu 2, xinqu 3, huxi 4; Houying declines its part on Gulou's four orders
        monthOf(GULOU, "2025-07-08", 0, true);
        monthOf(LIUYUAN, "2025-07-08", 1, false);
        monthOf(DAOKOUPU, "2025-07-08", 2, false);
        monthOf(XINQU, "2025-07-08", 3, false);
        monthOf(HUXI, "2025-07-08", 4, false);
        recomputed = assessments.recompute(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31));
        written = true;
    }

    @Test
    void theRankingOrdersTheStreetOfficesByTheirMonth() {
        Ranking july = assessments.ranking(JULY);

        assertThat(july.group(RankingGroup.TERRITORIAL)).extracting(r -> r.unit().unit(), RankedUnit::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GULOU, 1),
                        org.assertj.core.groups.Tuple.tuple(LIUYUAN, 2),
                        org.assertj.core.groups.Tuple.tuple(DAOKOUPU, 3),
                        org.assertj.core.groups.Tuple.tuple(XINQU, 4),
                        org.assertj.core.groups.Tuple.tuple(HUXI, 5));
        // all replies on time with the citizen contacted; 3 of 4 unsatisfied: 10 + 50 × 1/4 + 40 × 1/4 = 32.5
        assertThat(july.find(XINQU).orElseThrow().unit().card().publishedScore()).isEqualByComparingTo("32.50");
        assertThat(july.find(HOUYING)).isEmpty();
        assertThat(july.unscored()).extracting(u -> u.unit()).contains(HOUYING);
    }

    @Test
    void theUnitsAtTheBottomBothMonthsGetACaseTheOthersDoNot() {
        assertThat(recomputed.monthsEvaluated()).containsExactly(JUNE, JULY);
        List<AccountabilityCase> july = cases.list(null, JULY, null);

        assertThat(july).filteredOn(c -> c.kind() == CaseKind.BOTTOM_THREE).extracting(AccountabilityCase::unit)
                .containsExactlyInAnyOrder(XINQU, HUXI);
        assertThat(cases.list(null, JUNE, null)).isEmpty();
        assertThat(july).extracting(AccountabilityCase::unit).doesNotContain(DAOKOUPU, LIUYUAN, GULOU);
    }

    @Test
    void theCaseCarriesBothMonthsScoresAndTheOrdersBehindThem() {
        AccountabilityCase huxi = cases.list(HUXI, JULY, null).get(0);

        assertThat(huxi.status()).isEqualTo(CaseStatus.OPENED);
        assertThat(huxi.group()).isEqualTo(RankingGroup.TERRITORIAL);
        assertThat(huxi.reason()).contains("湖西街道", "连续两个月排名末位");
        assertThat(huxi.addressedTo()).contains("督办员", "区纪委监委派驻纪检监察组");
        assertThat(huxi.scores()).extracting(CaseScore::month, CaseScore::rank, CaseScore::groupSize)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JUNE, 5, 5),
                        org.assertj.core.groups.Tuple.tuple(JULY, 5, 5));
        // four unsatisfied (and unresolved) callbacks in each month
        assertThat(huxi.orders()).filteredOn(o -> o.indicator() == Indicator.UNSATISFIED).hasSize(8);
        assertThat(huxi.orders()).filteredOn(o -> o.indicator() == Indicator.CALLBACK_UNRESOLVED).hasSize(8);
        assertThat(huxi.orders()).extracting(EvidenceOrder::at)
                .allMatch(t -> !t.isBefore(at("2025-06-01T00:00")) && t.isBefore(at("2025-08-01T00:00")));
    }

    @Test
    void aCoUnitOverTheNonCooperationThresholdIsReportedThoughItHasNoScore() {
        List<AccountabilityCase> houying = cases.list(HOUYING, JULY, null);

        assertThat(houying).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CaseKind.NON_COOPERATION);
            assertThat(c.reason()).contains("不配合 4 次");
            assertThat(c.orders()).hasSize(4).allMatch(o -> o.indicator() == Indicator.NON_COOPERATION);
            assertThat(c.scores()).singleElement().satisfies(s -> assertThat(s.rank()).isNull());
        });
    }

    @Test
    void evaluatingAgainOpensNothingTwice(ApplicationEvents events) {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM accountability_case WHERE case_month = ?",
                Integer.class, JULY.atDay(1));

        assertThat(assessments.evaluate(JULY)).isEmpty();
        assertThat(assessments.recompute(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31)).casesOpened()).isEmpty();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accountability_case WHERE case_month = ?",
                Integer.class, JULY.atDay(1))).isEqualTo(before).isEqualTo(3);
        assertThat(events.stream(AccountabilityCaseOpened.class)).isEmpty();
    }

    private void monthOf(UnitId unit, String day, int unsatisfied, boolean houyingDeclines) {
        AssessmentFixture.fourOrdersCalledBack(orders, jdbc, unit, day, unsatisfied, houyingDeclines ? HOUYING : null);
    }
}
