package org.hotline.assessment.internal;

import java.time.YearMonth;
import java.util.List;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.Facts;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.UnitPeriod;
import org.hotline.organization.UnitId;
import org.springframework.context.ApplicationContext;

/** An accountability case opened as the monthly evaluation would, for tests outside the assessment module. */
public final class AccountabilityCasesForTests {

    private AccountabilityCasesForTests() {
    }

    /** Opens a non-cooperation case for a territorial unit in {@code month}; its id. */
    public static long open(ApplicationContext context, UnitId unit, String name, YearMonth month) {
        AccountabilityCase c = AccountabilityCase.open(CaseKind.NON_COOPERATION, new UnitPeriod(unit, name,
                RankingGroup.TERRITORIAL, new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null)), month,
                name + " 协办不配合 4 次", "中心督办员；纪委", List.of(), List.of(),
                month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant());
        return context.getBean(AccountabilityCases.class).add(c).orElseThrow();
    }
}
