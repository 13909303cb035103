package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.assessment.Indicator.*;
import static org.hotline.assessment.internal.AssessmentFixture.acknowledge;
import static org.hotline.assessment.internal.AssessmentFixture.callback;
import static org.hotline.assessment.internal.AssessmentFixture.close;
import static org.hotline.assessment.internal.AssessmentFixture.coUnitDeclines;
import static org.hotline.assessment.internal.AssessmentFixture.coUnitSubmits;
import static org.hotline.assessment.internal.AssessmentFixture.dispatched;
import static org.hotline.assessment.internal.AssessmentFixture.redo;
import static org.hotline.assessment.internal.AssessmentFixture.reply;
import static org.hotline.assessment.internal.AssessmentFixture.returned;
import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.GULOU;
import static org.hotline.workorder.WorkOrderFixture.HOUSING;
import static org.hotline.workorder.WorkOrderFixture.MARKET;
import static org.hotline.workorder.WorkOrderFixture.ZONE;
import static org.hotline.workorder.WorkOrderFixture.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.CaseScore;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.UnitPeriod;
import org.hotline.organization.UnitId;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Reply;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily assessment read from real records, on whichever database keeps them (H2 in PostgreSQL mode and
 * PostgreSQL run the same SQL). One week of January 2025 (a month no other test uses) with every kind of
 * fact: orders built through the work order's own transitions, callbacks and leader samples written as the
 * quality module writes them. Each unit-day's counts are compared in full with what the records say.
 */
abstract class DailyAssessmentContract {

    static final Instant MON_0900 = at("2025-01-06T09:00");

    @Autowired
    WorkOrders orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Assessments assessments;

    @Autowired
    DailyScores daily;

    @Autowired
    AccountabilityCases cases;

    @Autowired
    FactQueries factQueries;

    WorkOrder a;
    WorkOrder b;
    WorkOrder c;
    WorkOrder d;
    WorkOrder e;

    /** The week is written once per database; every test reads the same records. */
    private static final Map<Class<?>, DailyAssessmentContract> written = new HashMap<>();

    @BeforeEach
    void writeTheWeek() {
        DailyAssessmentContract first = written.get(getClass());
        if (first != null) {
            a = first.a;
            b = first.b;
            c = first.c;
            d = first.d;
            e = first.e;
            return;
        }
        // A: acknowledged and replied on time with the citizen contacted; the co-unit delivered; closed, satisfied
        a = dispatched(ENFORCEMENT, List.of(GULOU), MON_0900);
        acknowledge(a, at("2025-01-06T09:10"));
        coUnitSubmits(a, GULOU, at("2025-01-06T10:00"));
        reply(a, true, at("2025-01-06T11:00"));
        close(a, at("2025-01-07T10:00"));
        // B: acknowledged late, replied without contacting the citizen, unsatisfied at the second callback
        // attempt, sent back for redo, acknowledged again and replied on time
        b = dispatched(ENFORCEMENT, List.of(), MON_0900);
        acknowledge(b, at("2025-01-06T14:00"));
        reply(b, false, at("2025-01-07T10:00"));
        redo(b, at("2025-01-08T10:00"));
        acknowledge(b, at("2025-01-08T10:30"));
        reply(b, true, at("2025-01-09T10:00"));
        // C: returned by Enforcement within the window, re-dispatched to Housing, which never replies
        c = returned(dispatched(ENFORCEMENT, List.of(), MON_0900), HOUSING, at("2025-01-06T10:00"),
                at("2025-01-06T15:00"));
        // D: Market acknowledges and never replies; Gulou, its co-unit, declines its part
        d = acknowledge(dispatched(MARKET, List.of(GULOU), MON_0900), at("2025-01-06T09:30"));
        coUnitDeclines(d, GULOU, at("2025-01-06T11:00"));
        // E: Market replies a day after the deadline
        e = acknowledge(dispatched(MARKET, List.of(), MON_0900), at("2025-01-06T09:20"));
        reply(e, true, at("2025-01-14T10:00"));
        for (WorkOrder o : List.of(a, b, c, d, e)) {
            orders.add(o);
        }
        callback(jdbc, a, 1, 1, at("2025-01-07T09:30"), "SATISFIED", true);
        callback(jdbc, b, 1, 1, at("2025-01-07T16:00"), null, null);
        callback(jdbc, b, 1, 2, at("2025-01-08T09:00"), "UNSATISFIED", false);
        // Enforcement's leader was to call back A and B, drawn on the 7th, by the 8th 17:30: only A was done
        AssessmentFixture.leaderSample(jdbc, ENFORCEMENT, LocalDate.of(2025, 1, 7), at("2025-01-08T17:30"),
                List.of(a, b), java.util.Arrays.asList(at("2025-01-08T09:00"), null));

        assessments.recompute(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 20));
        written.put(getClass(), this);
    }

    @Test
    void everyUnitDayCountsExactlyWhatTheRecordsShow() {
        LocalDate jan6 = LocalDate.of(2025, 1, 6);
        LocalDate jan7 = jan6.plusDays(1);
        LocalDate jan8 = jan6.plusDays(2);
        LocalDate jan9 = jan6.plusDays(3);
        LocalDate jan14 = LocalDate.of(2025, 1, 14);
        LocalDate deadlineDay = day(DEADLINES.handleBy(MON_0900, false));
        LocalDate housingDeadlineDay = day(DEADLINES.handleBy(at("2025-01-06T15:00"), false));

        Map<String, Facts> expected = new HashMap<>();
        expected.put(key(ENFORCEMENT, jan6), Facts.with(RECEIVED, 3).and(ACKNOWLEDGED_ON_TIME, 1)
                .and(ACKNOWLEDGED_LATE, 1).and(RETURN_REQUESTED, 1).and(RETURN_APPROVED, 1)
                .and(REPLIED, 1).and(REPLIED_ON_TIME, 1).and(RESPONDED, 1));
        expected.put(key(ENFORCEMENT, jan7), Facts.with(REPLIED, 1).and(SATISFIED, 1).and(CALLBACK_RESOLVED, 1)
                .and(SAMPLE_COMPLETED, 1).and(SAMPLE_MISSED, 1));
        expected.put(key(ENFORCEMENT, jan8), Facts.with(REDONE, 1).and(ACKNOWLEDGED_ON_TIME, 1)
                .and(UNSATISFIED, 1).and(CALLBACK_UNRESOLVED, 1));
        expected.put(key(ENFORCEMENT, jan9), Facts.with(REPLIED, 1).and(REPLIED_ON_TIME, 1).and(RESPONDED, 1));
        expected.put(key(HOUSING, jan6), Facts.with(RECEIVED, 1));
        expected.put(key(HOUSING, housingDeadlineDay), Facts.with(OVERDUE, 1).and(OVERDUE_UNANSWERED, 1));
        expected.put(key(GULOU, jan6), Facts.with(CO_PART_ON_TIME, 1).and(NON_COOPERATION, 1));
        expected.put(key(MARKET, jan6), Facts.with(RECEIVED, 2).and(ACKNOWLEDGED_ON_TIME, 2));
        expected.put(key(MARKET, deadlineDay), Facts.with(OVERDUE, 2).and(OVERDUE_UNANSWERED, 1));
        expected.put(key(MARKET, jan14), Facts.with(REPLIED, 1));

        Map<String, Facts> stored = new HashMap<>();
        for (UnitId unit : List.of(ENFORCEMENT, HOUSING, GULOU, MARKET)) {
            DailyScores.Page page = daily.find(new DailyScores.Query(List.of(unit), LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 2, 1), 0, 100));
            // the towns' patrol (Gulou has field reporters) is counted from the patrol reports, not from these records
            page.rows().forEach(r -> withoutPatrol(r.facts()).ifPresent(f -> stored.put(key(r.unit(), r.day()), f)));
        }
        assertThat(stored).isEqualTo(expected);
    }

    private static java.util.Optional<Facts> withoutPatrol(Facts f) {
        Facts orders = f.and(org.hotline.assessment.Indicator.PATROL_DUE, 0)
                .and(org.hotline.assessment.Indicator.PATROL_FILED, 0);
        return orders.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(orders);
    }

    @Test
    void aLowQualityReplyCountsAgainstItsUnitOnTheDayOfTheReply() {
        // as the quality module scores replies (reply_quality): one flagged low, one not, on Monday 3 February
        jdbc.update("""
                INSERT INTO reply_quality (order_number, reply_seq, unit_id, replied_at, score, low, reasons, parts)
                VALUES (?, 101, ?, ?, 30, TRUE, '只有套话', '[]'), (?, 102, ?, ?, 85, FALSE, '', '[]')""",
                a.number().value(), ENFORCEMENT.value(), java.sql.Timestamp.from(at("2025-02-03T10:00")),
                a.number().value(), ENFORCEMENT.value(), java.sql.Timestamp.from(at("2025-02-03T11:00")));
        LocalDate feb3 = LocalDate.of(2025, 2, 3);

        assessments.recompute(feb3, feb3.plusDays(1));

        List<DailyScores.Row> rows = daily.find(new DailyScores.Query(List.of(ENFORCEMENT), feb3, feb3.plusDays(1),
                0, 10)).rows();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.facts()).isEqualTo(
                Facts.with(REPLY_LOW_QUALITY, 1)));
        assertThat(factQueries.rows(ENFORCEMENT, feb3, feb3.plusDays(1), at("2025-02-04T00:00")))
                .singleElement().satisfies(r -> assertThat(r.indicators()).containsExactly(REPLY_LOW_QUALITY));
    }

    @Test
    void theStoredDayCarriesItsScore() {
        DailyScores.Row jan9 = daily.find(new DailyScores.Query(List.of(ENFORCEMENT), LocalDate.of(2025, 1, 9),
                LocalDate.of(2025, 1, 10), 0, 10)).rows().get(0);
        // one reply, on time, citizen contacted, no callback that day: response 100% is the only measurable rate
        assertThat(jan9.responseRate()).isEqualTo(1.0);
        assertThat(jan9.resolutionRate()).isNull();
        assertThat(jan9.score()).isEqualByComparingTo("100.00");

        DailyScores.Row marketDeadline = daily.find(new DailyScores.Query(List.of(MARKET),
                day(DEADLINES.handleBy(MON_0900, false)), day(DEADLINES.handleBy(MON_0900, false)).plusDays(1), 0, 10))
                .rows().get(0);
        // one order still unanswered is one response due and not given: 0 points, minus 2 overdue → 0
        assertThat(marketDeadline.responseRate()).isEqualTo(0.0);
        assertThat(marketDeadline.score()).isEqualByComparingTo("0.00");
    }

    @Test
    void recomputingTheSameRangeGivesTheSameRows() {
        DailyScores.Page before = daily.find(new DailyScores.Query(List.of(ENFORCEMENT, MARKET, GULOU, HOUSING),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), 0, 100));

        assessments.recompute(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 20));

        DailyScores.Page after = daily.find(new DailyScores.Query(List.of(ENFORCEMENT, MARKET, GULOU, HOUSING),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), 0, 100));
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.rows()).extracting(DailyScores.Row::unit, DailyScores.Row::day, DailyScores.Row::facts)
                .containsExactlyElementsOf(before.rows().stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.unit(), r.day(), r.facts())).toList());
    }

    @Test
    void theExplanationNamesTheOrdersBehindEachCount() {
        Assessments.Explanation x = assessments.explain(ENFORCEMENT, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31), WorkOrderFixture.supervisor());

        assertThat(numbers(x, RECEIVED)).containsExactlyInAnyOrder(n(a), n(b), n(c));
        assertThat(numbers(x, ACKNOWLEDGED_LATE)).containsExactly(n(b));
        assertThat(numbers(x, RETURN_APPROVED)).containsExactly(n(c));
        assertThat(numbers(x, REDONE)).containsExactly(n(b));
        assertThat(numbers(x, REPLIED)).containsExactly(n(a), n(b), n(b));
        assertThat(numbers(x, RESPONDED)).containsExactly(n(a), n(b));
        assertThat(numbers(x, UNSATISFIED)).containsExactly(n(b));
        assertThat(numbers(x, SAMPLE_MISSED)).containsExactly(n(b));
        // the explanation's score is the month's facts scored once: the same as the sum of the stored days
        Facts stored = daily.summed(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)).get(ENFORCEMENT);
        assertThat(x.unit().card().facts()).isEqualTo(stored);
    }

    @Test
    void theMonthSumsTheDaysOfEachUnit() {
        Map<UnitId, Facts> month = daily.summed(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));

        assertThat(month.get(MARKET)).isEqualTo(Facts.with(RECEIVED, 2).and(ACKNOWLEDGED_ON_TIME, 2)
                .and(OVERDUE, 2).and(OVERDUE_UNANSWERED, 1).and(REPLIED, 1));
        assertThat(assessments.ranking(YearMonth.of(2025, 1)).find(MARKET)).isPresent();
    }

    @Test
    void aCaseComesBackWithItsEvidenceAndChangesOnlyOnceForOneVersion() {
        UnitPeriod unit = new UnitPeriod(GULOU, "古楼街道", RankingGroup.TERRITORIAL,
                new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null));
        CaseScore score = new CaseScore(YearMonth.of(2025, 1), RankingGroup.TERRITORIAL, 5, 6,
                new java.math.BigDecimal("61.25"), 0.9, 0.5, null, 12, 2, 1, 3, 4);
        AccountabilityCase opened = AccountabilityCase.open(CaseKind.NON_COOPERATION, unit, YearMonth.of(2025, 1),
                "协办不配合 4 次", "中心督办员；纪委", List.of(score),
                List.of(new EvidenceOrder(n(d), NON_COOPERATION, at("2025-01-06T11:00"))), at("2025-02-01T01:30"));

        long id = cases.add(opened).getAsLong();

        // the same kind, unit and month again (another instance at the same moment): nothing is added
        assertThat(cases.add(opened)).isEmpty();

        assertThat(cases.exists(CaseKind.NON_COOPERATION, GULOU, YearMonth.of(2025, 1))).isTrue();
        assertThat(cases.exists(CaseKind.BOTTOM_THREE, GULOU, YearMonth.of(2025, 1))).isFalse();
        AccountabilityCase loaded = cases.find(id).orElseThrow();
        assertThat(loaded.snapshot()).usingRecursiveComparison().ignoringFields("id").isEqualTo(opened.snapshot());
        assertThat(cases.list(GULOU, YearMonth.of(2025, 1), CaseStatus.OPENED)).extracting(AccountabilityCase::id)
                .contains(id);

        AccountabilityCase first = cases.find(id).orElseThrow();
        AccountabilityCase second = cases.find(id).orElseThrow();
        first.submitExplanation("春节前人手紧张", WorkOrderFixture.leaderOf(GULOU), at("2025-02-02T09:00"));
        cases.update(first);
        second.submitExplanation("另一说明", WorkOrderFixture.leaderOf(GULOU), at("2025-02-02T09:01"));
        assertThatThrownBy(() -> cases.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(cases.find(id).orElseThrow().explanation()).isEqualTo("春节前人手紧张");
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.EXPLANATION_SUBMITTED);
    }

    static String key(UnitId unit, LocalDate day) {
        return unit.value() + "@" + day;
    }

    @Test
    void aRedoCountsAgainstTheUnitWhoseReplyWasSentBackEvenIfTheOrderMovesOn() {
        // March 2025, a month no other test uses: Enforcement replies within the hour, review sends the reply
        // back, and Enforcement then has the order returned to Housing (still inside its 2-day window)
        WorkOrder moved = reply(acknowledge(dispatched(ENFORCEMENT, List.of(), at("2025-03-03T09:00")),
                at("2025-03-03T09:10")), true, at("2025-03-03T10:00"));
        redo(moved, at("2025-03-03T11:00"));
        returned(moved, HOUSING, at("2025-03-03T11:30"), at("2025-03-03T14:00"));
        orders.add(moved);

        Assessments.Explanation enforcement = assessments.explain(ENFORCEMENT, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31), WorkOrderFixture.supervisor());
        Assessments.Explanation housing = assessments.explain(HOUSING, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31), WorkOrderFixture.supervisor());

        assertThat(numbers(enforcement, REDONE)).containsExactly(n(moved));
        assertThat(numbers(housing, REDONE)).isEmpty();
        assertThat(numbers(housing, RECEIVED)).containsExactly(n(moved));
    }

    /**
     * The display text of a history entry is for people and may be reworded: the assessment reads the facts stored
     * beside it. Every order of a small week (a late and an on-time acknowledgement, a return to another unit, a
     * redo, co-units that deliver and decline) is written twice: once as the work order writes it, once with every
     * reason and detail reworded (an on-time acknowledgement gains a detail, a late one loses it). Each order's
     * facts, read for all units at once and for each unit alone, are those of its twin, and so is every score.
     */
    @Test
    void rewordingAHistoryLineDoesNotChangeAnyScore() {
        // April 2025, a month no other test uses
        Instant mon = at("2025-04-14T09:00");
        List<String> originals = new ArrayList<>();
        Map<String, String> originalOf = new HashMap<>();
        for (int twin = 0; twin < 2; twin++) {
            WorkOrder p = dispatched(ENFORCEMENT, List.of(GULOU), mon);
            acknowledge(p, at("2025-04-14T14:00"));
            coUnitSubmits(p, GULOU, at("2025-04-15T10:00"));
            reply(p, true, at("2025-04-15T11:00"));
            redo(p, at("2025-04-16T10:00"));
            acknowledge(p, at("2025-04-16T10:30"));
            reply(p, true, at("2025-04-17T10:00"));
            WorkOrder q = returned(dispatched(ENFORCEMENT, List.of(), mon), HOUSING, at("2025-04-14T10:00"),
                    at("2025-04-14T15:00"));
            acknowledge(q, at("2025-04-14T15:30"));
            WorkOrder r = acknowledge(dispatched(MARKET, List.of(GULOU), mon), at("2025-04-14T09:30"));
            coUnitDeclines(r, GULOU, at("2025-04-14T11:00"));
            for (WorkOrder o : List.of(p, q, r)) {
                if (twin == 0) {
                    orders.add(o);
                    originals.add(n(o));
                } else {
                    writeReworded(o);
                    originalOf.put(n(o), originals.get(originalOf.size()));
                }
            }
        }
        LocalDate from = LocalDate.of(2025, 4, 1);
        LocalDate to = LocalDate.of(2025, 5, 1);
        Instant now = at("2025-06-02T09:00");

        List<Fact> read = new ArrayList<>();
        factQueries.readAll(from, to, now, Collected::new).forEach(c -> read.addAll(c.facts));
        List<Fact> asWritten = read.stream().filter(f -> originals.contains(f.order())).toList();
        List<Fact> reworded = twinsAsOriginals(read, originalOf);
        assertThat(asWritten).extracting(Fact::indicator).contains(RECEIVED, ACKNOWLEDGED_ON_TIME, ACKNOWLEDGED_LATE,
                RETURN_REQUESTED, RETURN_APPROVED, REDONE, REPLIED, CO_PART_ON_TIME, NON_COOPERATION);
        assertThat(reworded).containsExactlyInAnyOrderElementsOf(asWritten);

        for (UnitId unit : List.of(ENFORCEMENT, HOUSING, MARKET, GULOU)) {
            Collected alone = new Collected();
            factQueries.read(unit, from, to, now, alone);
            List<Fact> aloneAsWritten = alone.facts.stream().filter(f -> originals.contains(f.order())).toList();
            assertThat(aloneAsWritten).as("%s's facts read alone", unit).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(asWritten.stream().filter(f -> f.unit().equals(unit))
                            .toList());
            assertThat(twinsAsOriginals(alone.facts, originalOf)).as("%s's reworded facts read alone", unit)
                    .containsExactlyInAnyOrderElementsOf(aloneAsWritten);
            assertThat(assessments.compositeScore().of(counted(reworded, unit))).as("%s's score", unit)
                    .isEqualTo(assessments.compositeScore().of(counted(asWritten, unit)));
        }
    }

    /** The facts of the reworded twins, each named after the order it is the twin of. */
    private static List<Fact> twinsAsOriginals(List<Fact> facts, Map<String, String> originalOf) {
        return facts.stream().filter(f -> originalOf.containsKey(f.order()))
                .map(f -> new Fact(f.unit(), f.at(), originalOf.get(f.order()), f.indicator())).toList();
    }

    /** One fact as read: the unit it counts for, when, the order behind it, the indicator. */
    record Fact(UnitId unit, Instant at, String order, Indicator indicator) {
    }

    /** A reader's facts, in the order read. */
    static final class Collected implements FactQueries.Sink {

        final List<Fact> facts = new ArrayList<>();

        @Override
        public void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator) {
            facts.add(new Fact(unit, at, order, indicator));
        }
    }

    private static Facts counted(List<Fact> facts, UnitId unit) {
        Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
        facts.stream().filter(f -> f.unit().equals(unit)).forEach(f -> counts.merge(f.indicator(), 1, Integer::sum));
        return Facts.of(counts);
    }

    /**
     * Writes the order as the work order's storage would, but with every reason and detail of its history in other
     * words: what an edit of the texts in {@code WorkOrder} would leave behind. The facts beside them stay.
     */
    private void writeReworded(WorkOrder o) {
        orders.add(WorkOrder.restore(o.snapshot())); // the order and its co-units; its history and replies follow
        for (Reply r : o.replies()) {
            jdbc.update("""
                    INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome,
                      public_reply, actions_taken, internal_note, citizen_contacted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, n(o), r.seq(), r.unit().value(), r.repliedBy(), time(r.at()), r.outcome().name(),
                    r.publicReply(), r.actionsTaken(), r.internalNote(), r.citizenContacted());
        }
        for (HistoryEntry h : o.newHistory()) {
            jdbc.update("""
                    INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role,
                      actor_unit, action, from_status, to_status, reason, detail, unit_id, other_unit_id, late)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, n(o), h.seq(), time(h.at()), h.actor(), h.actorName(), h.actorRole(), h.actorUnit(),
                    h.action().name(), h.fromStatus() == null ? null : h.fromStatus().name(), h.toStatus().name(),
                    reworded(h.reason()), reworded(h.detail()), h.unit() == null ? null : h.unit().value(),
                    h.otherUnit() == null ? null : h.otherUnit().value(), h.late());
        }
    }

    /** Other words: a text where there was none, and any text turned around (主办：x reads x-：办主). */
    private static String reworded(String text) {
        return text == null ? "（补记说明）" : "改写：" + new StringBuilder(text).reverse();
    }

    private static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZONE).toLocalDate();
    }

    static String n(WorkOrder o) {
        return o.number().value();
    }

    static List<String> numbers(Assessments.Explanation x, Indicator i) {
        return x.rows().getOrDefault(i, List.of()).stream().map(FactQueries.FactRow::orderNumber).toList();
    }
}
