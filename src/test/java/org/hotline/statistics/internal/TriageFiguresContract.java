package org.hotline.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ForbiddenException;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.Period;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.Statistics;
import org.hotline.statistics.StatisticsRows;
import org.hotline.statistics.TriageCounts;
import org.hotline.statistics.TriageTrend;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The triage figures (分流统计) from what the orders store they became at intake and from the triage records, on
 * H2 and on PostgreSQL: referrals by service, other channels by route, invalid calls (no citizen appeals: the
 * volume reports leave them out), answers at intake, per period and channel, and how often suggestions were
 * followed. Orders are written in January 2037, which no other test uses.
 */
abstract class TriageFiguresContract {

    static final Actor DIRECTOR = new Actor("director1", "主任", Role.DIRECTOR, null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachOutcomeIsCountedPerPeriodAndChannelAndInvalidCallsAreNoAppeals() {
        order("2037-01-05T09:00", "PHONE", null, null);
        order("2037-01-05T09:10", "PHONE", null, null);
        order("2037-01-05T09:20", "PHONE", "EMERGENCY", "FIRE");
        order("2037-01-06T09:00", "WEB", "EMERGENCY", "POLICE");
        order("2037-01-06T10:00", "PHONE", "OTHER_CHANNEL", "PETITION");
        order("2037-01-07T10:00", "PHONE", "INVALID", "SILENT");
        order("2037-01-12T10:00", "PHONE", "KNOWLEDGE", "K-1");
        order("2037-01-12T11:00", "PHONE", "KNOWLEDGE", null);
        order("2037-01-31T23:30", "PHONE", "INVALID", "TEST"); // late evening: still January in Beijing
        DateRange january = new DateRange(LocalDate.parse("2037-01-01"), LocalDate.parse("2037-01-31"));

        TriageTrend t = statistics.triage(DIRECTOR, january, Period.WEEK);

        TriageCounts total = t.total();
        assertThat(total.registered()).isEqualTo(9);
        assertThat(total.appeals()).isEqualTo(7);
        assertThat(total.normalPath()).isEqualTo(2);
        assertThat(total.referred()).isEqualTo(2);
        assertThat(total.fire()).isEqualTo(1);
        assertThat(total.police()).isEqualTo(1);
        assertThat(total.otherChannel()).isEqualTo(1);
        assertThat(total.petition()).isEqualTo(1);
        assertThat(total.invalid()).isEqualTo(2);
        assertThat(total.answered()).isEqualTo(2);
        assertThat(total.answeredFromKnowledge()).isEqualTo(1);
        assertThat(t.channels()).extracting(TriageTrend.ChannelTotal::channelLabel).containsExactly("电话", "网站");
        assertThat(t.channels().get(1).counts().police()).isEqualTo(1);
        TriageTrend.Point firstWeek = t.points().stream().filter(p -> p.from().equals(LocalDate.parse("2037-01-05")))
                .findFirst().orElseThrow();
        assertThat(firstWeek.all().registered()).isEqualTo(6);
        TriageTrend.Point lastWeek = t.points().get(t.points().size() - 1);
        assertThat(lastWeek.all().invalid()).as("the order of 23:30 on the 31st").isEqualTo(1);

        long volume = statistics.volumes(DIRECTOR, new ReportFilter(january, null, null), Dimension.CHANNEL, 1).total();
        assertThat(volume).as("invalid calls are no citizen appeals").isEqualTo(7);
    }

    @Test
    void theSuggestionsFollowedAreCountedFromTheTriageRecords() {
        record("2037-01-20T09:00", "EMERGENCY", "EMERGENCY");
        record("2037-01-20T09:05", "EMERGENCY", "EMERGENCY");
        record("2037-01-20T09:10", "EMERGENCY", "DISPATCH");
        record("2037-01-20T09:15", "INVALID", null);
        DateRange days = new DateRange(LocalDate.parse("2037-01-20"), LocalDate.parse("2037-01-20"));

        TriageTrend t = statistics.triage(DIRECTOR, days, Period.DAY);

        TriageTrend.SuggestionRow emergency = t.suggestions().stream().filter(r -> r.outcome().equals("EMERGENCY"))
                .findFirst().orElseThrow();
        assertThat(emergency.suggested()).isEqualTo(3);
        assertThat(emergency.followed()).isEqualTo(2);
        assertThat(emergency.decidedOtherwise()).isEqualTo(1);
        assertThat(emergency.followedPercent()).isEqualTo(new BigDecimal("66.67"));
        TriageTrend.SuggestionRow invalid = t.suggestions().stream().filter(r -> r.outcome().equals("INVALID"))
                .findFirst().orElseThrow();
        assertThat(invalid.awaiting()).isEqualTo(1);
        assertThat(invalid.followedPercent()).isNull();
    }

    @Test
    void triageFiguresAreTheCentersOnly() {
        DateRange days = new DateRange(LocalDate.parse("2037-01-20"), LocalDate.parse("2037-01-20"));
        Actor unit = new Actor("zf-handler", "执法局承办人", Role.UNIT_HANDLER, new UnitId("dcf-zhzfj"));
        Actor operator = new Actor("operator1", "话务员", Role.OPERATOR, null);

        assertThatThrownBy(() -> statistics.triage(unit, days, Period.DAY)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> statistics.triage(operator, days, Period.DAY)).isInstanceOf(ForbiddenException.class);
    }

    private void order(String beijing, String channel, String outcome, String route) {
        String number = "20370101-9" + String.format("%05d", SEQUENCE.getAndIncrement());
        jdbc.update("""
                INSERT INTO work_order (number, version, channel, appeal_type, confidential, content, urgency,
                  registered_at, registered_by, status, returns_requested, extension_days_used, pending_extension_days,
                  redo_count, supervision_count, merged_count, history_size, intake_outcome, intake_route)
                VALUES (?, 0, ?, 'COMPLAINT', FALSE, '分流统计', 'NORMAL', ?, 'operator1', ?, 0, 0, 0, 0, 0, 0, 1, ?, ?)
                """, number, channel, StatisticsRows.beijing(beijing).atOffset(ZoneOffset.UTC),
                outcome == null ? "REGISTERED" : "CLOSED", outcome, route);
    }

    private void record(String beijing, String suggested, String decided) {
        String number = "20370120-9" + String.format("%05d", SEQUENCE.getAndIncrement());
        jdbc.update("""
                INSERT INTO triage_record (order_number, decided_at, channel, rules_version, suggested, confidence,
                  flagged, evidence, knowledge, final_outcome)
                VALUES (?, ?, 'PHONE', 'test', ?, 0.9, FALSE, '[]', '[]', ?)
                """, number, LocalDateTime.parse(beijing).atZone(StatisticsRows.SHANGHAI).toOffsetDateTime(),
                suggested, decided);
    }
}
