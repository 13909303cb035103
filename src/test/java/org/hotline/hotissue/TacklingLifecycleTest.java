package org.hotline.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.junit.jupiter.api.Test;

/** The tackling (集中攻坚) of a hot issue, rule by rule; a refused action changes nothing. */
class TacklingLifecycleTest {

    private static final Instant T = Instant.parse("2026-06-01T02:00:00Z");
    private static final UnitId LEAD = new UnitId("dcf-zhzfj");
    private static final UnitId CO = new UnitId("dcf-gulou");
    private static final UnitId OTHER = new UnitId("dcf-rsj");

    private static Tackling inProgress() {
        Tackling t = Tackling.propose(7, "三个月内 40 名市民反映", "supervisor1", T);
        t.choose(YearMonth.of(2026, 6), "director1", T);
        t.assign(LEAD, List.of(CO), "supervisor1", T);
        return t;
    }

    private static void assertRefused(Decision d, String code, Tackling t, int historyBefore) {
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) d).code()).isEqualTo(code);
        assertThat(t.history()).hasSize(historyBefore);
    }

    @Test
    void onlyAProposedIssueIsChosen() {
        Tackling t = inProgress();
        int before = t.history().size();

        assertRefused(t.choose(YearMonth.of(2026, 7), "director1", T), "tackling-status", t, before);
        assertThat(t.month()).isEqualTo(YearMonth.of(2026, 6));
    }

    @Test
    void aLeadUnitIsAssignedOnlyOnceChosen() {
        Tackling t = Tackling.propose(7, "反映集中", "supervisor1", T);

        assertRefused(t.assign(LEAD, List.of(), "supervisor1", T), "tackling-status", t, 1);
        assertThat(t.leadUnit()).isNull();
    }

    @Test
    void theLeadUnitIsNotAlsoACoUnit() {
        Tackling t = Tackling.propose(7, "反映集中", "supervisor1", T);
        t.choose(YearMonth.of(2026, 6), "director1", T);

        assertRefused(t.assign(LEAD, List.of(LEAD), "supervisor1", T), "lead-unit-is-co-unit", t, 2);
    }

    @Test
    void aMeasureBelongsToTheLeadOrACoUnit() {
        Tackling t = inProgress();
        int before = t.history().size();

        assertRefused(t.addMeasure("清理", OTHER, LocalDate.of(2026, 6, 10), "supervisor1", T),
                "measure-unit-not-involved", t, before);
        assertThat(t.addMeasure("清理", CO, LocalDate.of(2026, 6, 10), "gulou-handler", T).isAllowed()).isTrue();
    }

    @Test
    void aMeasureIsDoneOnce() {
        Tackling t = inProgress();
        t.addMeasure("安装油烟净化器", LEAD, LocalDate.of(2026, 6, 10), "zf-handler", T);
        t.completeMeasure(1, LocalDate.of(2026, 6, 9), "zf-handler", T);
        int before = t.history().size();

        assertRefused(t.completeMeasure(1, LocalDate.of(2026, 6, 11), "zf-handler", T), "measure-already-done", t,
                before);
        assertRefused(t.completeMeasure(2, LocalDate.of(2026, 6, 11), "zf-handler", T), "no-such-measure", t, before);
        assertThat(t.measures().get(0).done()).isEqualTo(LocalDate.of(2026, 6, 9));
    }

    @Test
    void aResultNeedsAMeasureCarriedOut() {
        Tackling t = inProgress();
        t.addMeasure("安装油烟净化器", LEAD, LocalDate.of(2026, 6, 10), "zf-handler", T);
        int before = t.history().size();

        assertRefused(t.reportResult("已整改", "zf-handler", T), "no-measure-done", t, before);
        assertThat(t.status()).isEqualTo(TacklingStatus.IN_PROGRESS);
    }

    @Test
    void closingNeedsAResultAndEveryMeasureDone() {
        Tackling t = inProgress();
        t.addMeasure("安装油烟净化器", LEAD, LocalDate.of(2026, 6, 10), "zf-handler", T);
        t.addMeasure("夜间巡查", CO, LocalDate.of(2026, 6, 30), "gulou-handler", T);
        assertRefused(t.close("验收", "supervisor1", T), "tackling-status", t, t.history().size());

        t.completeMeasure(1, LocalDate.of(2026, 6, 9), "zf-handler", T);
        t.reportResult("净化器已装，油烟达标", "zf-handler", T);
        int before = t.history().size();

        assertRefused(t.close("验收", "supervisor1", T), "measures-open", t, before);
        assertThat(t.status()).isEqualTo(TacklingStatus.RESULT_REPORTED);
    }

    @Test
    void aClosedTacklingIsReopenedOnlyWithAReason() {
        Tackling t = inProgress();
        t.addMeasure("安装油烟净化器", LEAD, LocalDate.of(2026, 6, 10), "zf-handler", T);
        t.completeMeasure(1, LocalDate.of(2026, 6, 9), "zf-handler", T);
        t.reportResult("净化器已装，油烟达标", "zf-handler", T);
        assertThat(t.close("验收合格", "supervisor1", T).isAllowed()).isTrue();
        int before = t.history().size();

        assertRefused(t.reopen(" ", "supervisor1", T), "reason-required", t, before);
        assertThat(t.reopen("7 月又有 12 名市民反映", "supervisor1", T).isAllowed()).isTrue();
        assertThat(t.status()).isEqualTo(TacklingStatus.IN_PROGRESS);
        assertThat(t.result()).isNull();
    }

    @Test
    void everyStepIsALineOfTheHistoryWithTheStatusBeforeAndAfter() {
        Tackling t = inProgress();
        t.addMeasure("安装油烟净化器", LEAD, LocalDate.of(2026, 6, 10), "zf-handler", T);
        t.completeMeasure(1, LocalDate.of(2026, 6, 9), "zf-handler", T);
        t.reportResult("净化器已装", "zf-handler", T);
        t.sendBack("未附检测报告", "supervisor1", T);

        assertThat(t.history()).extracting(Tackling.Entry::action).containsExactly("PROPOSE", "CHOOSE", "ASSIGN",
                "ADD_MEASURE", "COMPLETE_MEASURE", "REPORT_RESULT", "SEND_BACK");
        assertThat(t.history().get(6).before()).isEqualTo(TacklingStatus.RESULT_REPORTED);
        assertThat(t.history().get(6).after()).isEqualTo(TacklingStatus.IN_PROGRESS);
    }
}
