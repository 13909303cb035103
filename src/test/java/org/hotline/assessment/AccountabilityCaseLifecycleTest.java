package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * An accountability case only moves forward: OPENED → EXPLANATION_SUBMITTED (the unit's leader) → CONCLUDED
 * (a supervisor or the director). Every other step is refused with a reason and changes nothing.
 */
class AccountabilityCaseLifecycleTest {

    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final Instant T0 = Instant.parse("2026-03-01T01:30:00Z");

    static final Actor LEADER = new Actor("gulou-leader", "古楼负责人", Role.UNIT_LEADER, GULOU);
    static final Actor HANDLER = new Actor("gulou-handler", "古楼承办人", Role.UNIT_HANDLER, GULOU);
    static final Actor OTHER_LEADER = new Actor("scj-leader", "市场监管负责人", Role.UNIT_LEADER, new UnitId("dcf-scjgj"));
    static final Actor SUPERVISOR = new Actor("supervisor1", "督办员", Role.SUPERVISOR, null);
    static final Actor DIRECTOR = new Actor("director1", "主任", Role.DIRECTOR, null);
    static final Actor REVIEWER = new Actor("reviewer1", "审核员", Role.REVIEWER, null);

    @Test
    void theUnitExplainsThenTheSupervisorConcludes() {
        AccountabilityCase c = opened();
        assertThat(c.status()).isEqualTo(CaseStatus.OPENED);

        assertThat(c.submitExplanation("二月汛期积水工单集中，已增派人手", LEADER, T0.plusSeconds(86400)).isAllowed()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.EXPLANATION_SUBMITTED);
        assertThat(c.explainedBy()).isEqualTo("gulou-leader");
        assertThat(c.explainedAt()).isEqualTo(T0.plusSeconds(86400));

        assertThat(c.conclude("约谈单位负责人，限期整改", SUPERVISOR, T0.plusSeconds(2 * 86400)).isAllowed()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED);
        assertThat(c.conclusion()).isEqualTo("约谈单位负责人，限期整改");
        assertThat(c.concludedBy()).isEqualTo("supervisor1");
    }

    @Test
    void theDirectorMayConcludeToo() {
        AccountabilityCase c = explained();

        assertThat(c.conclude("通报批评", DIRECTOR, T0).isAllowed()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED);
    }

    @Test
    void onlyTheUnitsOwnLeaderMayExplain() {
        AccountabilityCase c = opened();

        assertRefused(c.submitExplanation("说明", HANDLER, T0), "not-the-units-leader", true);
        assertRefused(c.submitExplanation("说明", OTHER_LEADER, T0), "not-the-units-leader", true);
        assertRefused(c.submitExplanation("说明", SUPERVISOR, T0), "not-the-units-leader", true);
        assertThat(c.status()).isEqualTo(CaseStatus.OPENED);
        assertThat(c.explanation()).isNull();
    }

    @Test
    void anEmptyExplanationIsRefused() {
        AccountabilityCase c = opened();

        assertRefused(c.submitExplanation("  ", LEADER, T0), "explanation-required", false);
        assertThat(c.status()).isEqualTo(CaseStatus.OPENED);
    }

    @Test
    void theCaseIsNotConcludedBeforeTheUnitHasBeenHeard() {
        AccountabilityCase c = opened();

        CaseDecision d = c.conclude("通报批评", SUPERVISOR, T0);

        assertRefused(d, "explanation-missing", false);
        assertThat(((CaseDecision.Rejected) d).reason()).contains("尚未提交情况说明");
        assertThat(c.status()).isEqualTo(CaseStatus.OPENED);
        assertThat(c.conclusion()).isNull();
    }

    @Test
    void onlySupervisorsAndTheDirectorConclude() {
        AccountabilityCase c = explained();

        assertRefused(c.conclude("结论", REVIEWER, T0), "not-a-supervisor", true);
        assertRefused(c.conclude("结论", LEADER, T0), "not-a-supervisor", true);
        assertRefused(c.conclude(" ", SUPERVISOR, T0), "conclusion-required", false);
        assertThat(c.status()).isEqualTo(CaseStatus.EXPLANATION_SUBMITTED);
    }

    @Test
    void theExplanationIsGivenOnce() {
        AccountabilityCase c = explained();

        assertRefused(c.submitExplanation("补充说明", LEADER, T0), "case-not-awaiting-explanation", false);
        assertThat(c.explanation()).isEqualTo("人手不足");
    }

    @Test
    void aConcludedCaseStaysConcluded() {
        AccountabilityCase c = explained();
        c.conclude("约谈", SUPERVISOR, T0);

        assertRefused(c.conclude("改为通报", DIRECTOR, T0), "case-concluded", false);
        assertRefused(c.submitExplanation("再说明", LEADER, T0), "case-not-awaiting-explanation", false);
        assertThat(c.conclusion()).isEqualTo("约谈");
        assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED);
    }

    @Test
    void theCenterSeesEveryCaseAUnitOnlyItsOwn() {
        AccountabilityCase c = opened();

        assertThat(c.isVisibleTo(SUPERVISOR)).isTrue();
        assertThat(c.isVisibleTo(REVIEWER)).isTrue();
        assertThat(c.isVisibleTo(HANDLER)).isTrue();
        assertThat(c.isVisibleTo(OTHER_LEADER)).isFalse();
    }

    static AccountabilityCase opened() {
        UnitPeriod gulou = new UnitPeriod(GULOU, "古楼街道", RankingGroup.TERRITORIAL,
                new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null));
        return AccountabilityCase.open(CaseKind.BOTTOM_THREE, gulou, YearMonth.of(2026, 2), "连续两月排名末位",
                "督办员；纪委监委", List.of(), List.of(), T0);
    }

    static AccountabilityCase explained() {
        AccountabilityCase c = opened();
        c.submitExplanation("人手不足", LEADER, T0);
        return c;
    }

    static void assertRefused(CaseDecision d, String code, boolean forbidden) {
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.forbidden()).isEqualTo(forbidden);
            assertThat(r.reason()).isNotBlank();
        });
    }
}
