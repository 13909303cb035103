package org.hotline.assessment;

import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;

/**
 * What other modules may read of the assessment: the monthly ranking and the accountability cases, from the same
 * service and with the same visibility as {@code /api/v1/assessment} (the center sees every unit, a unit's users
 * only their own). The director's dashboard shows them beside the statistics.
 */
public interface AssessmentReports {

    /** The month's ranking from the month's facts: per group, best first, and the units without a score. */
    Ranking ranking(YearMonth month);

    /**
     * The cases {@code viewer} may see, of {@code unit}, opened for {@code month}, in {@code status} (each null: any),
     * newest first; another unit's cases do not exist for a unit's users.
     */
    List<AccountabilityCase> cases(UnitId unit, YearMonth month, CaseStatus status, Actor viewer);
}
