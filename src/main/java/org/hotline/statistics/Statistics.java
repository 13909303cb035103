package org.hotline.statistics;

import org.hotline.organization.Actor;

/**
 * The center's reports. Every report is scoped by {@link FigureAccess}: a unit's users get their own unit's
 * figures whatever they ask. A unit or category the organisation does not know is bad input (the
 * platform's {@code InvalidInputException}, naming the field); another unit's figures are not found
 * ({@code NotFoundException}); a role without statistics is refused ({@code ForbiddenException}).
 */
public interface Statistics {

    /** The largest page of an overdue list through the API. */
    int MAX_PAGE_SIZE = 200;

    /** Orders per category (at taxonomy {@code level} 1–3), lead unit, channel or appeal type, with shares. */
    VolumeReport volumes(Actor viewer, ReportFilter filter, Dimension by, int level);

    /** Orders per day, ISO week, month or year. */
    VolumeTrend volumeTrend(Actor viewer, ReportFilter filter, Period period);

    /** Satisfaction and resolution rates per period from reached callbacks, overall and per lead unit. */
    SatisfactionTrend satisfactionTrend(Actor viewer, ReportFilter filter, Period period);

    /** Replied orders closed by the director's override outside the quality loop, per period, overall and per unit. */
    OverrideTrend overrides(Actor viewer, ReportFilter filter, Period period);

    /** Orders whose clock runs now, overdue and at risk, as their pages judge them; in total and per lead unit. */
    DueNow dueNow(Actor viewer, ReportFilter filter);

    /** Orders overdue now, or closed after their deadline; {@code page} from 0. */
    OverduePage overdue(Actor viewer, OverdueKind kind, ReportFilter filter, int page, int size);

    /**
     * Triage at intake per period and channel (分流): referrals by service, other channels, invalid calls, answers at
     * intake, and how often triage's suggestions were followed. The center's figures only ({@link FigureAccess}).
     */
    TriageTrend triage(Actor viewer, DateRange range, Period period);

    /** This range against the same days last year; {@code by} null for the total alone. */
    YearOverYearReport yearOverYear(Actor viewer, ReportFilter filter, Dimension by, int level);
}
