package org.hotline.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.support.Photos;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Evidence;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 巡查上报 on each database: information-only reports are counted, reports that need action become PATROL orders,
 * both count against the quotas, towns see their reporters ranked with shortfalls, and a town's coverage counts each
 * reporter up to their own expectation. The demo organisation has three reporters in 侯营镇 and two in 古楼街道.
 * Each test starts without patrol reports (only these tests write them).
 */
abstract class PatrolContract {

    static final UnitId HOUYING = new UnitId("dcf-houying");
    static final Actor PATROL1 = new Actor("houying-patrol1", "侯营镇警务助理一", Role.FIELD_REPORTER, HOUYING);
    static final Actor PATROL2 = new Actor("houying-patrol2", "侯营镇网格员二", Role.FIELD_REPORTER, HOUYING);
    static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);

    @Autowired
    PatrolService patrol;

    @Autowired
    WorkOrderService orders;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noReportsYet() {
        jdbc.sql("DELETE FROM patrol_photo").update();
        jdbc.sql("DELETE FROM patrol_report").update();
    }

    @Test
    void anInformationOnlyReportIsLoggedAndCountedAndFilesNoOrder() {
        int ordersBefore = patrolOrders();

        PatrolReport r = patrol.report(info(PatrolKind.SOLAR_EQUIPMENT, "三里庄村屋顶光伏板完好，线缆无破损"),
                List.of(Evidence.accept("photos", "a.jpg", Photos.jpeg(true))), PATROL1);

        assertThat(r.orderNumber()).isNull();
        assertThat(r.photoCount()).isEqualTo(1);
        assertThat(patrolOrders()).isEqualTo(ordersBefore);
        assertThat(patrol.mine(PATROL1).today()).isEqualTo(1);
        assertThat(patrol.myRecent(PATROL1, 5)).extracting(PatrolReport::text)
                .containsExactly("三里庄村屋顶光伏板完好，线缆无破损");
    }

    @Test
    void aReportThatNeedsActionBecomesAPatrolOrderRegisteredByTheReporterWithItsPhotos() {
        PatrolReport r = patrol.report(new PatrolService.NewReport(PatrolKind.WELL_SWITCH, "后营村 3 号机井开关箱门脱落，电线外露",
                "侯营镇后营村村西", 36.52, 115.83, true), List.of(Evidence.accept("photos", "b.jpg", Photos.jpeg(true))),
                PATROL1);

        WorkOrder order = orders.find(new OrderNumber(r.orderNumber()), Actor.system());
        assertThat(order.channel()).isEqualTo(Channel.PATROL);
        assertThat(order.content()).isEqualTo("【巡查上报·机井开关】后营村 3 号机井开关箱门脱落，电线外露");
        assertThat(order.location().latitude()).isEqualTo(36.52);
        List<HistoryEntry> history = orders.history(order.number(), Actor.system());
        assertThat(history.get(0).actor()).as("the reporter registered it").isEqualTo("houying-patrol1");
        assertThat(history).extracting(h -> h.action().name()).contains("ATTACH");
        assertThat(patrol.mine(PATROL1).today()).as("it counts like any report").isEqualTo(1);
    }

    @Test
    void bothKindsCountAgainstTheDailyAndMonthlyQuota() {
        for (int i = 0; i < 4; i++) {
            patrol.report(info(PatrolKind.GREENHOUSE, "大棚巡查第 " + (i + 1) + " 处，棚膜完好"), List.of(), PATROL2);
        }
        patrol.report(new PatrolService.NewReport(PatrolKind.DISPUTE, "两户村民因宅基地边界争吵，需调解",
                "侯营镇前营村", null, null, true), List.of(), PATROL2);

        ReporterTally mine = patrol.mine(PATROL2);
        assertThat(mine.today()).isEqualTo(5);
        assertThat(mine.month()).isEqualTo(5);
        assertThat(mine.dailyShortfall()).isEqualTo(7);
        assertThat(mine.monthlyShortfall()).isEqualTo(355);
    }

    @Test
    void aTownsReportersAreRankedByTheMonthWithTheirShortfalls() {
        for (int i = 0; i < 3; i++) {
            patrol.report(info(PatrolKind.SAFETY_HAZARD, "村道护栏巡查第 " + i + " 段"), List.of(), PATROL2);
        }
        patrol.report(info(PatrolKind.SAFETY_HAZARD, "村道护栏巡查"), List.of(), PATROL1);

        TownPatrol town = patrol.town(HOUYING, today(), SUPERVISOR);

        assertThat(town.reporters()).extracting(ReporterTally::reporter, ReporterTally::month, ReporterTally::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("houying-patrol2", 3, 1),
                        org.assertj.core.groups.Tuple.tuple("houying-patrol1", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("houying-patrol3", 0, 3));
        assertThat(town.reporters()).extracting(ReporterTally::dailyShortfall).containsExactly(9, 11, 12);
        assertThat(town.reportsToday()).isEqualTo(4);
        assertThat(town.reportersShortToday()).isEqualTo(3);
    }

    @Test
    void aTownsCoverageCountsEachReporterOnlyUpToTheirOwnExpectation() {
        YearMonth month = YearMonth.from(today());
        int expectedEach = patrol.quota().expectedBy(month, today());
        // patrol2 files far more than expected of them, patrol1 a single report, patrol3 none
        for (int i = 0; i < expectedEach + 5; i++) {
            jdbc.sql("""
                    INSERT INTO patrol_report (id, reporter, reporter_name, unit_id, kind, text, needs_action,
                      reported_at, reported_day, photo_count)
                    VALUES (:id, 'houying-patrol2', '侯营镇网格员二', 'dcf-houying', 'OTHER', '例行巡查', FALSE,
                      CURRENT_TIMESTAMP, :day, 0)""").param("id", "cov-" + i).param("day", today()).update();
        }
        patrol.report(info(PatrolKind.OTHER, "例行巡查一次"), List.of(), PATROL1);

        PatrolCoverage coverage = patrol.coverage(HOUYING, month, today());

        assertThat(coverage.reporters()).isEqualTo(3);
        assertThat(coverage.expected()).isEqualTo(3 * expectedEach);
        assertThat(coverage.counted()).isEqualTo(expectedEach + 1);
        assertThat(coverage.rate()).isEqualTo((double) (expectedEach + 1) / (3 * expectedEach));
    }

    @Test
    void onlyFieldReportersReportAndOnlyTheirOwnTownsStaffSeeTheirTown() {
        assertThatThrownBy(() -> patrol.report(info(PatrolKind.OTHER, "话务员代报一条"), List.of(), SUPERVISOR))
                .isInstanceOf(ForbiddenException.class);
        Actor otherTown = new Actor("gulou-leader", "古楼街道负责人", Role.UNIT_LEADER, new UnitId("dcf-gulou"));
        assertThatThrownBy(() -> patrol.town(HOUYING, today(), otherTown)).isInstanceOf(ForbiddenException.class);
        assertThat(patrol.towns(today(), otherTown)).extracting(TownPatrol::unitName).containsExactly("古楼街道");
        assertThatThrownBy(() -> patrol.towns(today(), PATROL1)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aReportWithoutAPlaceOrWithHalfACoordinateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> patrol.report(new PatrolService.NewReport(PatrolKind.OTHER, "发现一处隐患需要处理", null,
                null, null, false), List.of(), PATROL1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("address"));
        assertThatThrownBy(() -> patrol.report(new PatrolService.NewReport(PatrolKind.OTHER, "发现一处隐患需要处理", "村口",
                36.5, null, false), List.of(), PATROL1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("longitude"));
        assertThat(patrol.mine(PATROL1).today()).isZero();
    }

    private static PatrolService.NewReport info(PatrolKind kind, String text) {
        return new PatrolService.NewReport(kind, text, "侯营镇", null, null, false);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private int patrolOrders() {
        return jdbc.sql("SELECT COUNT(*) FROM work_order WHERE channel = 'PATROL'").query(Integer.class).single();
    }
}
