package org.hotline.patrol;

import java.time.LocalDate;
import java.util.List;

import org.hotline.organization.UnitId;

/** A town's patrol on a day and in its month: each reporter ranked, and the town's coverage. */
public record TownPatrol(UnitId unit, String unitName, LocalDate day, List<ReporterTally> reporters,
        int reportsToday, int reportsThisMonth, int needingAction, int reportersShortToday, PatrolCoverage coverage) {
}
