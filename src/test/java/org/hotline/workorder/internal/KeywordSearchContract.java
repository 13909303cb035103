package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.at;
import static org.hotline.workorder.internal.ContractOrders.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hotline.organization.UnitId;
import org.hotline.platform.JdbcBatches;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keyword search with its index finds what the table's {@code LIKE} finds: the same orders, in the same order,
 * with the same total, whichever way the index answers (alone, with the table checking its matches, or among a
 * unit's orders), and it keeps up with registrations on this instance and on others. Runs on H2 and on PostgreSQL,
 * whose {@code LOWER} and array parameters differ.
 *
 * <p>The database is shared with other tests: each test makes its own orders and compares the two searches on the
 * same table, so others' orders count on both sides alike.
 */
abstract class KeywordSearchContract {

    static final Instant MARCH_2 = at("2026-03-02T09:00");

    /** Characters whose lowercase differs between Java, H2 and PostgreSQL, or takes two chars, or two units. */
    private static final String[] ODD = { "İ", "I", "ı", "Σ", "σ", "ς", "ß", "K", "\u212A", "ǅ", "Ⅻ", "😀", "𠀀" };
    private static final String CHINESE = "积水小区路灯东关街物业噪音扰民停车";
    private static final String LATIN = "aAbBkKzZ0129";
    private static final String MARKS = "%_\\ ，。-:";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcBatches batches;

    @Autowired
    Clock clock;

    @Autowired
    WorkOrders orders;

    @Autowired
    OrderSearchIndex searchIndex;

    @Autowired
    PlatformTransactionManager transactions;

    // ---------------------------------------------------------------- exactness

    @Test
    void aKeywordSearchFindsExactlyWhatTheLikeFilterFinds() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        UnitId[] units = { aUnitOfItsOwn(), aUnitOfItsOwn(), aUnitOfItsOwn() };
        List<WorkOrder> made = new ArrayList<>();
        JdbcWorkOrders table = new JdbcWorkOrders(jdbc, batches, DEADLINES);
        for (int i = 0; i < 80; i++) {
            // some at the same moment: the newest-first order then goes by number
            Instant at = MARCH_2.plusSeconds(60L * random.nextInt(40));
            WorkOrder.Appeal appeal = appeal(Channel.PHONE, AppealType.COMPLAINT, text(random, 1 + random.nextInt(40)),
                    random.nextInt(3) == 0 ? null : text(random, 1 + random.nextInt(15)), null);
            int lead = random.nextInt(3);
            // a unit is never its own co-unit
            WorkOrder o = random.nextBoolean() ? ContractOrders.registered(appeal, at)
                    : ContractOrders.dispatched(appeal, units[lead],
                            random.nextBoolean() ? List.of() : List.of(units[(lead + 1 + random.nextInt(2)) % 3]), at);
            table.add(o);
            made.add(o);
        }
        List<String> keywords = keywords(random, made);

        // the limit on the matches the table checks decides how the index answers: every way is compared
        for (int max : new int[] { 0, 5, 100_000 }) {
            OrderSearchIndex index = inMemory(max);
            try {
                JdbcWorkOrders indexed = new JdbcWorkOrders(jdbc, batches, DEADLINES, index);
                for (String keyword : keywords) {
                    for (Function<Search, OrderQuery> query : queries(units, made)) {
                        OrderQuery q = query.apply(new Search(keyword));
                        Instant now = MARCH_2.plusSeconds(86400);
                        assertThat(indexed.search(q, now))
                                .as("seed %d, limit %d, keyword \"%s\", %s", seed, max, keyword, q)
                                .usingRecursiveComparison().isEqualTo(table.search(q, now));
                    }
                }
                if (max == 100_000) {
                    assertThat(index.answers(OrderSearchIndex.Answer.TABLE)).as("the index was complete").isZero();
                    assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).isPositive();
                    assertThat(index.answers(OrderSearchIndex.Answer.CANDIDATES)).isPositive();
                }
                if (max == 0) {
                    assertThat(index.answers(OrderSearchIndex.Answer.UNITS)).isPositive();
                    assertThat(index.answers(OrderSearchIndex.Answer.TABLE)).isPositive();
                }
            } finally {
                index.stop();
            }
        }
    }

    /** The searches each keyword is tried with: alone and paged, among a unit's orders, with other conditions. */
    private static List<Function<Search, OrderQuery>> queries(UnitId[] units, List<WorkOrder> made) {
        return List.of(
                s -> s.page(0, OrderQuery.MAX_SIZE).query(),
                s -> s.page(1, 3).query(),
                s -> s.visibleTo(units[0]).page(0, 4).query(),
                s -> s.visibleTo(units[1]).unit(units[2]).query(),
                s -> s.leadUnit(units[2]).query(),
                s -> s.statuses(Set.of(OrderStatus.REGISTERED)).query(),
                s -> s.between(MARCH_2.plusSeconds(600), MARCH_2.plusSeconds(1800)).query());
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                text.append(CHINESE.charAt(random.nextInt(CHINESE.length())));
            } else if (kind < 8) {
                text.append(LATIN.charAt(random.nextInt(LATIN.length())));
            } else if (kind < 9) {
                text.append(MARKS.charAt(random.nextInt(MARKS.length())));
            } else {
                text.append(ODD[random.nextInt(ODD.length)]);
            }
        }
        return text.toString();
    }

    /**
     * Pieces of the orders' own texts in any case, made-up strings of one to three characters, repeated characters,
     * LIKE's wildcards and escape, the odd characters, order numbers whole and in part, and spaces around them.
     */
    private static List<String> keywords(Random random, List<WorkOrder> made) {
        List<String> keywords = new ArrayList<>(List.of("%", "_", "\\", "%%", "a_", "_1", "\\%", "水水", "水水水",
                "aaa", "AAA", "积水", "小区", "a", "k", "ss", "SS", " 积水 ", "i", "i\u0307", "σ", "ας"));
        keywords.addAll(List.of(ODD));
        for (int i = 0; i < 20; i++) {
            WorkOrder o = made.get(random.nextInt(made.size()));
            String source = o.location().address() != null && random.nextBoolean() ? o.location().address() : o.content();
            int[] cps = source.codePoints().toArray();
            int from = random.nextInt(cps.length);
            int to = Math.min(cps.length, from + 1 + random.nextInt(6));
            String piece = new String(cps, from, to - from);
            keywords.add(switch (random.nextInt(4)) {
                case 0 -> piece.toUpperCase();
                case 1 -> piece.toLowerCase();
                case 2 -> swapCase(piece);
                default -> piece;
            });
        }
        for (int i = 0; i < 10; i++) {
            keywords.add(text(random, 1 + random.nextInt(3)));
        }
        String number = made.get(random.nextInt(made.size())).number().value();
        keywords.addAll(List.of(number, "  " + number + " ", number.substring(0, 8), number.substring(9)));
        return keywords;
    }

    private static String swapCase(String s) {
        StringBuilder swapped = new StringBuilder();
        s.codePoints().forEach(cp -> swapped.appendCodePoint(Character.isUpperCase(cp) ? Character.toLowerCase(cp)
                : Character.toUpperCase(cp)));
        return swapped.toString();
    }

    // ---------------------------------------------------------------- visibility

    @Test
    void aUnitStillSeesOnlyItsOwnOrdersWhenItSearches() {
        UnitId unit = aUnitOfItsOwn();
        UnitId other = aUnitOfItsOwn();
        String word = "可见" + UUID.randomUUID().toString().substring(0, 6);
        JdbcWorkOrders table = new JdbcWorkOrders(jdbc, batches, DEADLINES);
        List<String> visible = new ArrayList<>();
        // more than the few the table checks itself: the index counts among the unit's orders
        for (int i = 0; i < 12; i++) {
            WorkOrder led = ContractOrders.dispatched(appeal(Channel.PHONE, AppealType.COMPLAINT, word + " 主办 " + i,
                    null, null), unit, List.of(), MARCH_2.plusSeconds(i));
            WorkOrder coHandled = ContractOrders.dispatched(appeal(Channel.PHONE, AppealType.COMPLAINT,
                    "协办 " + i, word, null), other, List.of(unit), MARCH_2.plusSeconds(100 + i));
            WorkOrder notItsOwn = ContractOrders.dispatched(appeal(Channel.PHONE, AppealType.COMPLAINT,
                    word + " 他单位 " + i, null, null), other, List.of(), MARCH_2.plusSeconds(200 + i));
            List.of(led, coHandled, notItsOwn).forEach(table::add);
            visible.add(led.number().value());
            visible.add(coHandled.number().value());
        }
        for (int max : new int[] { 3, 100_000 }) {
            OrderSearchIndex index = inMemory(max);
            try {
                OrderPage page = new JdbcWorkOrders(jdbc, batches, DEADLINES, index)
                        .search(new Search(word).visibleTo(unit).query(), MARCH_2);
                assertThat(page.total()).isEqualTo(24);
                assertThat(page.items()).extracting(s -> s.number().value())
                        .containsExactlyInAnyOrderElementsOf(visible);
                assertThat(index.answers(max == 3 ? OrderSearchIndex.Answer.UNITS
                        : OrderSearchIndex.Answer.CANDIDATES)).isEqualTo(1);
            } finally {
                index.stop();
            }
        }
    }

    // ---------------------------------------------------------------- freshness

    @Test
    void anOrderRegisteredASecondAgoIsFound() throws InterruptedException {
        searchIndex.reconcile();
        String word = "刚刚" + UUID.randomUUID().toString().substring(0, 6);
        WorkOrder o = ContractOrders.registered(appeal(Channel.PHONE, AppealType.COMPLAINT, word + "，井盖缺失",
                "古楼街道", null), clock.instant());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> orders.add(o));
        Instant registered = Instant.now();

        // found at once, and by the index within the second (it waits for a registration being indexed, but a
        // machine as busy as a shared test server may make it ask the table once)
        boolean byTheIndex = false;
        while (!byTheIndex && Duration.between(registered, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0) {
            long before = searchIndex.answers(OrderSearchIndex.Answer.INDEX);
            OrderPage found = orders.search(new Search(word).query(), clock.instant());
            assertThat(found.items()).extracting(OrderSummary::number).containsExactly(o.number());
            assertThat(found.total()).isEqualTo(1);
            byTheIndex = searchIndex.answers(OrderSearchIndex.Answer.INDEX) > before;
            Thread.sleep(20);
        }
        assertThat(byTheIndex).as("answered by the index within a second").isTrue();
    }

    @Test
    void anOrderRegisteredByAnotherNodeIsFoundAfterTheCatchUp() {
        // two instances on one database, each with its own index: A registers, B was not told
        OrderSearchIndex a = inMemory(2000);
        OrderSearchIndex b = inMemory(2000);
        try {
            String word = "别处" + UUID.randomUUID().toString().substring(0, 6);
            WorkOrder o = ContractOrders.registered(appeal(Channel.WEB, AppealType.REPORT, word + " 路灯不亮",
                    null, null), clock.instant());
            int before = b.size();
            new JdbcWorkOrders(jdbc, batches, DEADLINES, a).add(o);
            assertThat(b.size()).as("B has not seen it").isEqualTo(before);

            b.catchUp();

            assertThat(b.size()).isEqualTo(before + 1);
            OrderPage found = new JdbcWorkOrders(jdbc, batches, DEADLINES, b).search(new Search(word).query(),
                    clock.instant());
            assertThat(found.items()).extracting(OrderSummary::number).containsExactly(o.number());
            assertThat(b.answers(OrderSearchIndex.Answer.INDEX)).isEqualTo(1);
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void aSearchOnAnotherNodeFindsTheOrderAtOnceEvenBeforeTheCatchUp() {
        OrderSearchIndex a = inMemory(2000);
        OrderSearchIndex b = inMemory(2000);
        try {
            String word = "立即" + UUID.randomUUID().toString().substring(0, 6);
            WorkOrder o = ContractOrders.registered(appeal(Channel.WEB, AppealType.REPORT, word + " 路灯不亮",
                    null, null), clock.instant());
            new JdbcWorkOrders(jdbc, batches, DEADLINES, a).add(o);

            OrderPage found = new JdbcWorkOrders(jdbc, batches, DEADLINES, b).search(new Search(word).query(),
                    clock.instant());

            assertThat(found.items()).extracting(OrderSummary::number).containsExactly(o.number());
            assertThat(b.answers(OrderSearchIndex.Answer.INDEX)).as("caught up by the search itself").isEqualTo(1);
        } finally {
            a.stop();
            b.stop();
        }
    }

    /** An instance's index in memory over the test's database, started and compared with the table. */
    private OrderSearchIndex inMemory(int maxCandidates) {
        return OrderSearchIndexFixture.started(new OrderSearchIndex(jdbc, clock, true, "", "", maxCandidates,
                Duration.ofMinutes(10)));
    }

    private static UnitId aUnitOfItsOwn() {
        return new UnitId("ks-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A search as the tests write it: a keyword and the conditions added to it. */
    static final class Search {
        private final String keyword;
        private Set<OrderStatus> statuses = Set.of();
        private UnitId unit;
        private UnitId visibleTo;
        private UnitId leadUnit;
        private Instant from;
        private Instant to;
        private int page;
        private int size = OrderQuery.MAX_SIZE;

        Search(String keyword) {
            this.keyword = keyword;
        }

        Search statuses(Set<OrderStatus> s) {
            statuses = s;
            return this;
        }

        Search unit(UnitId u) {
            unit = u;
            return this;
        }

        Search visibleTo(UnitId u) {
            visibleTo = u;
            return this;
        }

        Search leadUnit(UnitId u) {
            leadUnit = u;
            return this;
        }

        Search between(Instant f, Instant t) {
            from = f;
            to = t;
            return this;
        }

        Search page(int p, int s) {
            page = p;
            size = s;
            return this;
        }

        OrderQuery query() {
            return new OrderQuery(statuses, unit, null, null, null, from, to, null, keyword, visibleTo, page, size)
                    .with(leadUnit, null, null);
        }
    }
}
