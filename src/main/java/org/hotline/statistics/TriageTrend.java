package org.hotline.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Triage at first contact per period and channel (分流统计): what became of the appeals registered in each period
 * ({@link TriageCounts}, by the day they were registered), overall and per channel, read from what each order
 * stores it became; and how often people followed triage's suggestion, from the triage records (by the day the
 * suggestion was made): per suggested outcome, followed, decided otherwise, or still waiting for a person.
 */
public record TriageTrend(DateRange range, Period period, TriageCounts total, List<Point> points,
        List<ChannelTotal> channels, List<SuggestionRow> suggestions) {

    /** One period: its name, its days, the counts overall and per channel. */
    public record Point(String period, LocalDate from, LocalDate to, TriageCounts all, List<ChannelTotal> channels) {
    }

    /** One channel's counts. */
    public record ChannelTotal(String channel, String channelLabel, TriageCounts counts) {
    }

    /**
     * One suggested outcome: how often it was suggested, how often a person decided the same, otherwise, or has not
     * decided yet; {@code followedPercent} of those decided (null when none was).
     */
    public record SuggestionRow(String outcome, String outcomeLabel, long suggested, long followed,
            long decidedOtherwise, long awaiting, java.math.BigDecimal followedPercent) {
    }
}
