package org.hotline.workorder.internal;

import static org.hotline.workorder.WorkOrderFixture.passedTheLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.GULOU;
import static org.hotline.workorder.WorkOrderFixture.MARKET;
import static org.hotline.workorder.WorkOrderFixture.at;
import static org.hotline.workorder.WorkOrderFixture.dispatcher;
import static org.hotline.workorder.WorkOrderFixture.handlerOf;
import static org.hotline.workorder.WorkOrderFixture.require;
import static org.hotline.workorder.WorkOrderFixture.reviewer;
import static org.hotline.workorder.internal.ContractOrders.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Reply;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the stored work orders promise, whichever database keeps them. Runs through the real {@link WorkOrders}
 * bean of a whole application, once on H2 in PostgreSQL mode (the embedded default) and once on PostgreSQL
 * (production): SQL that only one of them accepts, or a trigger only one of them has, fails here.
 *
 * <p>The database is shared with other tests of the same context, so each test makes its own orders
 * (numbered by {@link ContractOrders}), scopes its searches by a word only its orders contain, and never
 * counts rows it did not write.
 */
abstract class WorkOrdersContract {

    /** Monday 2 March 2026, 09:00 Beijing time: a working morning inside the shipped calendar. */
    static final Instant MARCH_2 = at("2026-03-02T09:00");
    /** Long after every deadline of orders dispatched in early March. */
    static final Instant JUNE_1 = at("2026-06-01T09:00");

    @Autowired
    WorkOrders orders;

    @Autowired
    OrderNumbers numbers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    PlatformTransactionManager transactions;

    // ---------------------------------------------------------------- round trips

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void anOrderInAnyStatusComesBackExactlyAsStored(OrderStatus status) {
        List<WorkOrder> built = ContractOrders.inStatus(status, WorkOrderFixture.MONDAY_MORNING);
        WorkOrder order = built.get(built.size() - 1);
        List<HistoryEntry> history = List.copyOf(order.newHistory());
        built.forEach(orders::add);

        WorkOrder loaded = orders.find(order.number()).orElseThrow();

        assertThat(loaded.status()).isEqualTo(status);
        assertThat(loaded.snapshot()).usingRecursiveComparison().isEqualTo(order.snapshot());
        assertThat(orders.history(order.number())).containsExactlyElementsOf(history);
    }

    @Test
    void coUnitsAndRepliesSurviveAnUpdateAndTheNextLoad() {
        WorkOrder stored = ContractOrders.dispatched(
                appeal(Channel.PHONE, AppealType.COMPLAINT, "东关街排水口堵塞，雨后积水", "古楼街道东关街 3 号", null),
                ENFORCEMENT, List.of(GULOU, MARKET), MARCH_2);
        orders.add(stored);

        WorkOrder handling = orders.find(stored.number()).orElseThrow();
        require(handling.acknowledge(handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(600)));
        require(handling.submitCoUnitPart("已安排社区排查积水点", handlerOf(GULOU), MARCH_2.plusSeconds(3600)));
        require(handling.declineAsCoUnit("不属于市场监管职责", handlerOf(MARKET), MARCH_2.plusSeconds(5400)));
        require(handling.reply(WorkOrderFixture.reply(), handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(7200)));
        orders.update(handling);

        WorkOrder loaded = orders.find(stored.number()).orElseThrow();
        // co-units are deleted and rewritten on every update: each must come back with its own outcome
        assertThat(loaded.coUnits()).extracting(CoUnit::unit).containsExactly(GULOU, MARKET);
        assertThat(loaded.coUnit(GULOU).orElseThrow().contribution()).isEqualTo("已安排社区排查积水点");
        assertThat(loaded.coUnit(GULOU).orElseThrow().submittedAt()).isEqualTo(MARCH_2.plusSeconds(3600));
        assertThat(loaded.coUnit(MARKET).orElseThrow().nonCooperationAt()).isEqualTo(MARCH_2.plusSeconds(5400));
        assertThat(loaded.coUnit(MARKET).orElseThrow().nonCooperationReason()).contains("不属于市场监管职责");
        assertThat(loaded.replies()).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(1);
            assertThat(r.unit()).isEqualTo(ENFORCEMENT);
            assertThat(r.outcome()).isEqualTo(ReplyOutcome.RESOLVED);
            assertThat(r.publicReply()).isEqualTo("已清理排水口，积水已排除");
            assertThat(r.citizenContacted()).isTrue();
        });

        // a redo and a second reply add to the replies; the first one stays as it was
        require(loaded.redo("回访不满意，积水仍在", reviewer(), MARCH_2.plusSeconds(86400), DEADLINES));
        require(loaded.acknowledge(handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(86400 + 600)));
        require(loaded.reply(new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已更换雨水篦子", "更换篦子 2 处", null,
                true), handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(2 * 86400)));
        orders.update(loaded);
        assertThat(orders.find(stored.number()).orElseThrow().replies()).extracting(Reply::seq, Reply::publicReply)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "已清理排水口，积水已排除"),
                        org.assertj.core.groups.Tuple.tuple(2, "已更换雨水篦子"));
    }

    // ---------------------------------------------------------------- optimistic locking

    @Test
    void aStaleVersionCannotOverwriteANewerOne() {
        WorkOrder stored = ContractOrders.dispatched(MARCH_2);
        orders.add(stored);
        WorkOrder first = orders.find(stored.number()).orElseThrow();
        WorkOrder second = orders.find(stored.number()).orElseThrow();

        require(first.acknowledge(handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(600)));
        orders.update(first);
        require(second.acknowledge(handlerOf(ENFORCEMENT), MARCH_2.plusSeconds(900)));

        assertThatThrownBy(() -> orders.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        WorkOrder now = orders.find(stored.number()).orElseThrow();
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.clock().acknowledgedAt()).isEqualTo(MARCH_2.plusSeconds(600));
        assertThat(now.historySize()).isEqualTo(3);
        assertThat(orders.history(stored.number())).extracting(HistoryEntry::action)
                .containsExactly(OrderAction.REGISTER, OrderAction.DISPATCH, OrderAction.ACKNOWLEDGE);
    }

    // ---------------------------------------------------------------- history

    @Test
    void historyComesBackInOrderAndOnlyEverGrows() {
        WorkOrder stored = ContractOrders.replied(MARCH_2);
        orders.add(stored);
        WorkOrder loaded = orders.find(stored.number()).orElseThrow();
        require(loaded.close(passedTheLoop(loaded), "回访满意", reviewer(), MARCH_2.plusSeconds(3 * 86400)));
        orders.update(loaded);

        assertThat(orders.history(stored.number()))
                .extracting(HistoryEntry::seq, HistoryEntry::action, HistoryEntry::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, OrderAction.REGISTER, OrderStatus.REGISTERED),
                        org.assertj.core.groups.Tuple.tuple(2, OrderAction.DISPATCH, OrderStatus.DISPATCHED),
                        org.assertj.core.groups.Tuple.tuple(3, OrderAction.ACKNOWLEDGE, OrderStatus.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple(4, OrderAction.CO_UNIT_SUBMIT, OrderStatus.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple(5, OrderAction.REPLY, OrderStatus.REPLIED),
                        org.assertj.core.groups.Tuple.tuple(6, OrderAction.CLOSE, OrderStatus.CLOSED));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveHistory() {
        WorkOrder stored = ContractOrders.dispatched(MARCH_2);
        orders.add(stored);
        List<HistoryEntry> before = orders.history(stored.number());
        String number = stored.number().value();

        // the trigger guards the table itself, so even code that bypasses the repository cannot rewrite it
        assertThatThrownBy(() -> jdbc.update("UPDATE work_order_history SET reason = '改写' WHERE order_number = ?",
                number)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM work_order_history WHERE order_number = ?", number))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(orders.history(stored.number())).isEqualTo(before).hasSize(2);
    }

    // ---------------------------------------------------------------- search

    /**
     * Four orders of one search test, all carrying {@code word} in their content:
     * <ul>
     * <li>{@code registered}: phone, 01.02.01, 2 March, not dispatched;
     * <li>{@code dispatched}: web, 01.02.02, 3 March, lead enforcement, co-unit Gulou;
     * <li>{@code inProgress}: app, 02.01.01, 4 March, lead market supervision, no co-unit;
     * <li>{@code closed}: phone, 01, 5 March, lead Gulou itself.
     * </ul>
     */
    record SearchSet(String word, WorkOrder registered, WorkOrder dispatched, WorkOrder inProgress,
            WorkOrder closed) {
    }

    SearchSet storeSearchSet() {
        String word = "检索" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrder registered = ContractOrders.registered(
                appeal(Channel.PHONE, AppealType.COMPLAINT, word + " 工地夜间施工噪音扰民", "柳园街道振兴路 8 号", "01.02.01"),
                MARCH_2);
        WorkOrder dispatched = ContractOrders.dispatched(
                appeal(Channel.WEB, AppealType.REPORT, word + " 工地扬尘严重，未覆盖防尘网", "新区街道花园路 21 号", "01.02.02"),
                ENFORCEMENT, List.of(GULOU), MARCH_2.plusSeconds(86400));
        WorkOrder inProgress = ContractOrders.dispatched(
                appeal(Channel.APP, AppealType.HELP_REQUEST, word + " 超市拖欠工资三个月", "湖西街道东昌路 5 号", "02.01.01"),
                MARKET, List.of(), MARCH_2.plusSeconds(2 * 86400));
        require(inProgress.acknowledge(handlerOf(MARKET), MARCH_2.plusSeconds(2 * 86400 + 600)));
        WorkOrder closed = ContractOrders.dispatched(
                appeal(Channel.PHONE, AppealType.SUGGESTION, word + " 建议增设公交站点", "古楼街道楼南大街", "01"),
                GULOU, List.of(), MARCH_2.plusSeconds(3 * 86400));
        require(closed.acknowledge(handlerOf(GULOU), MARCH_2.plusSeconds(3 * 86400 + 600)));
        require(closed.reply(WorkOrderFixture.reply(), handlerOf(GULOU), MARCH_2.plusSeconds(3 * 86400 + 3600)));
        require(closed.close(passedTheLoop(closed), "回访满意", reviewer(), MARCH_2.plusSeconds(4 * 86400)));
        for (WorkOrder o : List.of(registered, dispatched, inProgress, closed)) {
            orders.add(o);
        }
        return new SearchSet(word, registered, dispatched, inProgress, closed);
    }

    @Test
    void searchFiltersByStatus() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).statuses(Set.of(OrderStatus.DISPATCHED, OrderStatus.IN_PROGRESS))))
                .containsExactly(s.inProgress().number(), s.dispatched().number());
        assertThat(found(search(s).statuses(Set.of(OrderStatus.CLOSED)))).containsExactly(s.closed().number());
    }

    @Test
    void searchByCallerFindsTheNumberInEverySpellingIntakeAcceptsNewestFirst() {
        String local = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000));
        String word = "来电" + UUID.randomUUID().toString().substring(0, 8);
        List<WorkOrder> stored = new ArrayList<>();
        int day = 0;
        for (String phone : List.of("0635-" + local, "0635" + local, "063-5" + local)) {
            WorkOrder o = ContractOrders.registered(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                    new Citizen("欧阳" + word, phone, false), word + " 油烟扰民", Location.none(), null,
                    Urgency.NORMAL), MARCH_2.plusSeconds(86400L * day++));
            orders.add(o);
            stored.add(o);
        }
        WorkOrder other = ContractOrders.registered(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("欧阳" + word, "0635" + (Integer.parseInt(local) + 1), false), word + " 另一个号码",
                Location.none(), null, Urgency.NORMAL), MARCH_2);
        orders.add(other);

        assertThat(found(new Search().caller("0635" + local, null))).containsExactly(stored.get(2).number(),
                stored.get(1).number(), stored.get(0).number());
        assertThat(found(new Search().caller(null, "欧阳" + word))).hasSize(4);
        assertThat(found(new Search().caller(null, "欧阳" + word.substring(0, 4)))).hasSizeGreaterThanOrEqualTo(4);
        // the name is matched from its beginning, and LIKE's wildcards in it are plain characters
        assertThat(found(new Search().caller(null, word))).isEmpty();
        assertThat(found(new Search().caller(null, "欧阳%"))).isEmpty();
    }

    @Test
    void searchByUnitFindsOrdersTheUnitLeadsOrCoHandles() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).unit(GULOU))).containsExactly(s.closed().number(), s.dispatched().number());
        assertThat(found(search(s).unit(MARKET))).containsExactly(s.inProgress().number());
    }

    @Test
    void searchByCategoryFindsTheCodeAndEverythingBelowIt() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).category("01")))
                .containsExactly(s.closed().number(), s.dispatched().number(), s.registered().number());
        assertThat(found(search(s).category("01.02")))
                .containsExactly(s.dispatched().number(), s.registered().number());
        assertThat(found(search(s).category("02.01.01"))).containsExactly(s.inProgress().number());
    }

    @Test
    void searchFiltersByChannel() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).channel(Channel.PHONE))).containsExactly(s.closed().number(), s.registered().number());
        assertThat(found(search(s).channel(Channel.WEB))).containsExactly(s.dispatched().number());
    }

    @Test
    void searchByDateIncludesTheStartAndExcludesTheEnd() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).between(MARCH_2.plusSeconds(86400), MARCH_2.plusSeconds(3 * 86400))))
                .containsExactly(s.inProgress().number(), s.dispatched().number());
    }

    @Test
    void overdueIsDerivedFromTheDeadlineAndTheTimeOfTheSearch() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).overdue(true), JUNE_1))
                .containsExactly(s.inProgress().number(), s.dispatched().number());
        assertThat(found(search(s).overdue(false), JUNE_1))
                .containsExactly(s.closed().number(), s.registered().number());
        assertThat(found(search(s).overdue(true), MARCH_2.plusSeconds(3 * 86400))).isEmpty();
        assertThat(orders.search(search(s).query(), JUNE_1).items()).extracting(OrderSummary::overdue)
                .containsExactly(false, true, true, false);
    }

    /**
     * 临期 in a list is what the order page says: the clock runs, the deadline has not passed and the at-risk
     * moment the calendar gives (75% of the working time) has. Checked at moments around both edges.
     */
    @Test
    void anOrderIsAtRiskInTheListExactlyWhenItsPageSaysSo() {
        SearchSet s = storeSearchSet();
        WorkOrder dispatched = s.dispatched();
        Instant from = DEADLINES.atRiskFrom(dispatched.clock().dispatchedAt(), dispatched.clock().handleDeadline());
        List<Instant> moments = List.of(dispatched.clock().dispatchedAt(), from.minusSeconds(1), from, from.plusSeconds(60),
                dispatched.clock().handleDeadline(), dispatched.clock().handleDeadline().plusSeconds(1), JUNE_1);

        for (Instant now : moments) {
            List<OrderNumber> expected = new ArrayList<>();
            for (WorkOrder o : List.of(s.closed(), s.inProgress(), s.dispatched(), s.registered())) {
                if (o.isAtRisk(now, DEADLINES)) {
                    expected.add(o.number());
                }
            }
            assertThat(found(search(s).atRisk(true), now)).as("at risk at %s", now).containsExactlyElementsOf(expected);
            assertThat(found(search(s).atRisk(false), now)).as("not at risk at %s", now).hasSize(4 - expected.size());
        }
        assertThat(found(search(s).atRisk(true), from)).as("the moment itself counts").contains(dispatched.number());
        assertThat(found(search(s).atRisk(true), dispatched.clock().handleDeadline().plusSeconds(1)))
                .as("once overdue it is 超期, not 临期").doesNotContain(dispatched.number());
    }

    @Test
    void theAtRiskMomentOfOlderOrdersIsFilledInAtStartup() {
        SearchSet s = storeSearchSet();
        WorkOrder dispatched = s.dispatched();
        jdbc.update("UPDATE work_order SET at_risk_from = NULL WHERE number IN (?, ?, ?)",
                dispatched.number().value(), s.inProgress().number().value(), s.closed().number().value());
        Instant from = DEADLINES.atRiskFrom(dispatched.clock().dispatchedAt(), dispatched.clock().handleDeadline());
        assertThat(found(search(s).atRisk(true), from)).as("unknown counts as not at risk").isEmpty();

        new AtRiskBackfill(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc),
                new org.hotline.platform.JdbcBatches(
                        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc)), DEADLINES)
                .fillMissing();

        assertThat(found(search(s).atRisk(true), from)).contains(dispatched.number());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order WHERE number = ? AND at_risk_from IS NULL",
                Long.class, s.closed().number().value())).as("closed orders need no at-risk moment").isOne();
    }

    @Test
    void searchByLeadUnitFindsOnlyTheOrdersItLeads() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).leadUnit(GULOU))).containsExactly(s.closed().number());
        assertThat(found(search(s).unit(GULOU))).as("lead or co-unit")
                .containsExactly(s.closed().number(), s.dispatched().number());
    }

    /** The callbacks' results as the statistics count them: reached calls in the range, a reply by its last one. */
    @Test
    void searchByCallbackFindsTheOrdersWhoseReachedCallHadThatResult() {
        SearchSet s = storeSearchSet();
        String closed = s.closed().number().value();
        String inProgress = s.inProgress().number().value();
        String dispatched = s.dispatched().number().value();
        Instant march10 = at("2026-03-10T10:00");
        callback(closed, 1, 1, march10, true, true, "SATISFIED");
        callback(inProgress, 1, 1, march10, false, null, null);
        callback(inProgress, 1, 2, march10.plusSeconds(3600), true, false, "UNSATISFIED");
        // reached twice: the later call stands
        callback(dispatched, 1, 1, march10, true, false, "UNSATISFIED");
        callback(dispatched, 1, 2, march10.plusSeconds(7200), true, true, "BASICALLY_SATISFIED");
        Instant march11 = at("2026-03-11T00:00");

        assertThat(found(search(s).callback(new OrderQuery.Callback("UNSATISFIED", null, march10, march11))))
                .containsExactly(s.inProgress().number());
        assertThat(found(search(s).callback(new OrderQuery.Callback(null, true, march10, march11))))
                .containsExactly(s.closed().number(), s.dispatched().number());
        assertThat(found(search(s).callback(new OrderQuery.Callback(null, null, march10, march11))))
                .as("every reached call").hasSize(3);
        assertThat(found(search(s).callback(new OrderQuery.Callback(null, null, march11, JUNE_1)))).isEmpty();
    }

    private void callback(String order, int replySeq, int attempt, Instant at, boolean reached, Boolean resolved,
            String satisfaction) {
        jdbc.update("""
                INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent, reached,
                  resolved, satisfaction) VALUES (?, 'dcf-gulou', ?, ?, ?, 'supervisor1', ?, ?, ?)""", order,
                replySeq, attempt, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), reached,
                resolved, satisfaction);
    }

    @Test
    void aKeywordMatchesContentOrAddressIgnoringCaseOrTheExactNumber() {
        String word = "Kw" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrder inContent = ContractOrders.registered(
                appeal(Channel.PHONE, AppealType.REPORT, "路灯编号 " + word.toUpperCase() + "_1 不亮", "湖西街道", null),
                MARCH_2);
        WorkOrder inAddress = ContractOrders.registered(
                appeal(Channel.PHONE, AppealType.REPORT, "井盖缺失", "柳园街道 " + word.toLowerCase() + "X1 号楼", null),
                MARCH_2.plusSeconds(60));
        WorkOrder byNumberOnly = ContractOrders.registered(MARCH_2.plusSeconds(120));
        List.of(inContent, inAddress, byNumberOnly).forEach(orders::add);

        assertThat(found(new Search().keyword(word))).containsExactly(inAddress.number(), inContent.number());
        // LIKE wildcards typed by a user are taken literally: "_" matches an underscore, not any character
        assertThat(found(new Search().keyword(word + "_1"))).containsExactly(inContent.number());
        assertThat(found(new Search().keyword(word + "%"))).isEmpty();
        assertThat(found(new Search().keyword(byNumberOnly.number().value()))).containsExactly(byNumberOnly.number());
    }

    @Test
    void aUnitSeesOnlyOrdersItLeadsOrCoHandles() {
        SearchSet s = storeSearchSet();

        assertThat(found(search(s).visibleTo(GULOU))).containsExactly(s.closed().number(), s.dispatched().number());
        assertThat(found(search(s).visibleTo(MARKET))).containsExactly(s.inProgress().number());
        // the unit filter cannot widen what visibleTo allows
        assertThat(found(search(s).visibleTo(MARKET).unit(ENFORCEMENT))).isEmpty();
    }

    @Test
    void searchPagesNewestFirstAndCountsEveryMatch() {
        SearchSet s = storeSearchSet();

        OrderPage first = orders.search(search(s).page(0, 3).query(), JUNE_1);
        OrderPage second = orders.search(search(s).page(1, 3).query(), JUNE_1);

        assertThat(first.total()).isEqualTo(4);
        assertThat(second.total()).isEqualTo(4);
        assertThat(first.items()).extracting(OrderSummary::number)
                .containsExactly(s.closed().number(), s.inProgress().number(), s.dispatched().number());
        assertThat(second.items()).extracting(OrderSummary::number).containsExactly(s.registered().number());
    }

    @Test
    void onlyOrdersWhoseExtensionRequestWaitsForTheCenterAreFoundAsPendingExtensions() {
        SearchSet s = storeSearchSet();
        WorkOrder asked = orders.find(s.inProgress().number()).orElseThrow();
        require(asked.requestExtension(3, "等待劳动仲裁结果", handlerOf(MARKET), MARCH_2.plusSeconds(3 * 86400), DEADLINES));
        orders.update(asked);

        assertThat(found(search(s).extensionPending())).containsExactly(s.inProgress().number());

        WorkOrder decided = orders.find(s.inProgress().number()).orElseThrow();
        require(decided.decideExtension(true, null, WorkOrderFixture.supervisor(), MARCH_2.plusSeconds(4 * 86400),
                DEADLINES));
        orders.update(decided);
        assertThat(found(search(s).extensionPending())).isEmpty();
    }

    @Test
    void ordersAreReadTogetherByTheirNumbersAndUnknownNumbersAreLeftOut() {
        SearchSet s = storeSearchSet();
        OrderNumber unknown = ContractOrders.nextNumber();

        List<WorkOrder> read = orders.findAll(List.of(s.closed().number(), unknown, s.dispatched().number()));

        assertThat(read).extracting(WorkOrder::number)
                .containsExactlyInAnyOrder(s.closed().number(), s.dispatched().number());
        WorkOrder dispatched = read.stream().filter(o -> o.number().equals(s.dispatched().number())).findFirst()
                .orElseThrow();
        assertThat(dispatched.snapshot()).usingRecursiveComparison()
                .isEqualTo(orders.find(s.dispatched().number()).orElseThrow().snapshot());
        assertThat(orders.findAll(List.of())).isEmpty();
    }

    // ---------------------------------------------------------------- sweep candidates and merges

    @Test
    void onlyPendingCoUnitsPastTheirDeadlineOnOpenOrdersAreDue() {
        WorkOrder overdue = ContractOrders.dispatched(MARCH_2);
        WorkOrder submitted = ContractOrders.dispatched(MARCH_2);
        require(submitted.submitCoUnitPart("已排查", handlerOf(GULOU), MARCH_2.plusSeconds(3600)));
        WorkOrder writtenOff = ContractOrders.dispatched(MARCH_2);
        require(writtenOff.recordNonCooperation(GULOU, dispatcher(), JUNE_1));
        // replied after the co-unit's deadline with the co-unit still silent: overdue, but the order is done
        WorkOrder replied = ContractOrders.inProgress(MARCH_2);
        require(replied.reply(WorkOrderFixture.reply(), handlerOf(ENFORCEMENT), JUNE_1));
        WorkOrder notYetDue = ContractOrders.dispatched(JUNE_1);
        List.of(overdue, submitted, writtenOff, replied, notYetDue).forEach(orders::add);

        List<OrderNumber> due = orders.withOverdueCoUnits(JUNE_1.plusSeconds(60), 100_000);

        assertThat(due).contains(overdue.number()).doesNotContain(submitted.number(), writtenOff.number(),
                replied.number(), notYetDue.number());
        assertThat(due).doesNotHaveDuplicates();
        assertThat(orders.withOverdueCoUnits(JUNE_1.plusSeconds(60), 1)).hasSize(1);
    }

    @Test
    void mergedOrdersAreFoundUnderTheirMasterInNumberOrder() {
        WorkOrder master = ContractOrders.registered(MARCH_2);
        WorkOrder repeat1 = ContractOrders.registered(MARCH_2.plusSeconds(60));
        WorkOrder repeat2 = ContractOrders.registered(MARCH_2.plusSeconds(120));
        WorkOrder otherMaster = ContractOrders.registered(MARCH_2);
        WorkOrder unrelated = ContractOrders.registered(MARCH_2.plusSeconds(180));
        require(repeat1.mergeInto(master, "同一积水点", dispatcher(), MARCH_2.plusSeconds(300)));
        require(repeat2.mergeInto(master, "同一积水点", dispatcher(), MARCH_2.plusSeconds(360)));
        require(unrelated.mergeInto(otherMaster, "同一路灯", dispatcher(), MARCH_2.plusSeconds(420)));
        // masters first: a merged order's master_number refers to them
        List.of(master, otherMaster, repeat2, repeat1, unrelated).forEach(orders::add);

        assertThat(orders.mergedInto(master.number())).extracting(WorkOrder::number)
                .containsExactly(repeat1.number(), repeat2.number());
        assertThat(orders.find(master.number()).orElseThrow().merge().mergedCount()).isEqualTo(2);
        assertThat(orders.mergedInto(repeat1.number())).isEmpty();
    }

    // ---------------------------------------------------------------- work lists

    /** A unit of the test's own (no foreign key holds units), so that its lists hold only the test's orders. */
    private static UnitId aUnitOfItsOwn() {
        return new UnitId("wl-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aUnitsOpenOrdersComeWithTheirClocksAndNothingElseOfTheUnits() {
        UnitId unit = aUnitOfItsOwn();
        UnitId other = aUnitOfItsOwn();
        WorkOrder.Appeal appeal = appeal(Channel.PHONE, AppealType.COMPLAINT, "小区路灯不亮", "古楼街道", "09.05.03");
        WorkOrder dispatched = ContractOrders.dispatched(appeal, unit, List.of(), MARCH_2);
        WorkOrder inProgress = ContractOrders.dispatched(appeal, unit, List.of(), MARCH_2);
        require(inProgress.acknowledge(handlerOf(unit), MARCH_2.plusSeconds(600)));
        require(inProgress.supervise("请加快", WorkOrderFixture.supervisor(), MARCH_2.plusSeconds(1200)));
        WorkOrder returning = ContractOrders.dispatched(appeal, unit, List.of(), MARCH_2);
        require(returning.requestReturn(org.hotline.workorder.ReturnReason.OUTSIDE_JURISDICTION, other, "属于他单位",
                handlerOf(unit), MARCH_2.plusSeconds(900), DEADLINES));
        WorkOrder redone = ContractOrders.dispatched(appeal, unit, List.of(), MARCH_2);
        require(redone.acknowledge(handlerOf(unit), MARCH_2.plusSeconds(600)));
        require(redone.reply(WorkOrderFixture.reply(), handlerOf(unit), MARCH_2.plusSeconds(3600)));
        require(redone.redo("回访不满意", reviewer(), MARCH_2.plusSeconds(7200), DEADLINES));
        require(redone.acknowledge(handlerOf(unit), MARCH_2.plusSeconds(7800)));
        require(redone.reply(WorkOrderFixture.reply(), handlerOf(unit), MARCH_2.plusSeconds(9000)));
        WorkOrder closed = ContractOrders.dispatched(appeal, unit, List.of(), MARCH_2);
        require(closed.acknowledge(handlerOf(unit), MARCH_2.plusSeconds(600)));
        require(closed.reply(WorkOrderFixture.reply(), handlerOf(unit), MARCH_2.plusSeconds(3600)));
        require(closed.close(passedTheLoop(closed), "回访满意", reviewer(), MARCH_2.plusSeconds(7200)));
        WorkOrder othersOrder = ContractOrders.dispatched(appeal, other, List.of(unit), MARCH_2);
        WorkOrder otherCategory = ContractOrders.dispatched(
                appeal(Channel.PHONE, AppealType.COMPLAINT, "饭店油烟", "古楼街道", "10.01"), unit, List.of(), MARCH_2);
        List.of(dispatched, inProgress, returning, redone, closed, othersOrder, otherCategory).forEach(orders::add);

        List<WorkOrders.OpenOrder> open = orders.open(unit, null);

        assertThat(open).extracting(WorkOrders.OpenOrder::number).containsExactlyInAnyOrder(dispatched.number(),
                inProgress.number(), returning.number(), redone.number(), otherCategory.number());
        WorkOrders.OpenOrder supervised = open.stream().filter(o -> o.number().equals(inProgress.number()))
                .findFirst().orElseThrow();
        assertThat(supervised.clocks()).isEqualTo(inProgress.clocks());
        assertThat(supervised.leadUnit()).isEqualTo(unit);
        assertThat(supervised.lastSupervisedAt()).isEqualTo(MARCH_2.plusSeconds(1200));
        assertThat(open.stream().filter(o -> o.number().equals(redone.number())).findFirst().orElseThrow()
                .redoCount()).isEqualTo(1);
        assertThat(open.stream().filter(o -> o.number().equals(returning.number())).findFirst().orElseThrow()
                .clocks().status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        assertThat(orders.open(unit, "09.05")).extracting(WorkOrders.OpenOrder::number)
                .as("the category and those below it").doesNotContain(otherCategory.number())
                .contains(dispatched.number());
        assertThat(orders.open(null, null)).extracting(WorkOrders.OpenOrder::number)
                .as("every unit's").contains(dispatched.number(), othersOrder.number())
                .doesNotContain(closed.number());
    }

    @Test
    void aCoUnitOwesOnlyThePartsItHasNotDeliveredOnOrdersStillBeingHandled() {
        UnitId lead = aUnitOfItsOwn();
        UnitId co = aUnitOfItsOwn();
        WorkOrder.Appeal appeal = appeal(Channel.PHONE, AppealType.COMPLAINT, "巷内杂物堆积", "古楼街道", null);
        WorkOrder owed = ContractOrders.dispatched(appeal, lead, List.of(co), MARCH_2);
        WorkOrder acknowledged = ContractOrders.dispatched(appeal, lead, List.of(co), MARCH_2);
        require(acknowledged.acknowledgeAsCoUnit(handlerOf(co), MARCH_2.plusSeconds(600)));
        WorkOrder delivered = ContractOrders.dispatched(appeal, lead, List.of(co), MARCH_2);
        require(delivered.submitCoUnitPart("已清理", handlerOf(co), MARCH_2.plusSeconds(600)));
        WorkOrder declined = ContractOrders.dispatched(appeal, lead, List.of(co), MARCH_2);
        require(declined.declineAsCoUnit("不属于本单位", handlerOf(co), MARCH_2.plusSeconds(600)));
        WorkOrder replied = ContractOrders.dispatched(appeal, lead, List.of(co), MARCH_2);
        require(replied.acknowledge(handlerOf(lead), MARCH_2.plusSeconds(600)));
        require(replied.reply(WorkOrderFixture.reply(), handlerOf(lead), JUNE_1));
        List.of(owed, acknowledged, delivered, declined, replied).forEach(orders::add);

        List<WorkOrders.OwedPart> parts = orders.owedBy(co);

        assertThat(parts).extracting(WorkOrders.OwedPart::number)
                .containsExactlyInAnyOrder(owed.number(), acknowledged.number());
        WorkOrders.OwedPart part = parts.stream().filter(p -> p.number().equals(acknowledged.number())).findFirst()
                .orElseThrow();
        assertThat(part.part()).isEqualTo(acknowledged.coUnit(co).orElseThrow());
        assertThat(part.clocks()).isEqualTo(acknowledged.clocks());
        assertThat(orders.owedBy(lead)).isEmpty();
    }

    @Test
    void severalOrdersAreFoundWholeByTheirNumbers() {
        WorkOrder replied = ContractOrders.replied(MARCH_2);
        WorkOrder dispatched = ContractOrders.dispatched(MARCH_2);
        List.of(replied, dispatched).forEach(orders::add);

        List<WorkOrder> found = orders.findAll(List.of(replied.number(), dispatched.number(),
                ContractOrders.nextNumber()));

        assertThat(found).extracting(WorkOrder::number).containsExactlyInAnyOrder(replied.number(),
                dispatched.number());
        WorkOrder whole = found.stream().filter(w -> w.number().equals(replied.number())).findFirst().orElseThrow();
        assertThat(whole.snapshot()).usingRecursiveComparison().isEqualTo(orders.find(replied.number()).orElseThrow()
                .snapshot());
        assertThat(whole.replies()).hasSize(1);
        assertThat(whole.coUnits()).hasSize(1);
        assertThat(orders.findAll(List.of())).isEmpty();
    }

    @Test
    void theOrdersOfAPageAreReadInFullByTheirNumbers() {
        WorkOrder late = ContractOrders.inProgress(MARCH_2);
        WorkOrder early = ContractOrders.dispatched(JUNE_1);
        List.of(late, early).forEach(orders::add);

        List<OrderSummary> read = orders.summaries(List.of(late.number(), early.number()), JUNE_1.plusSeconds(60));

        assertThat(read).extracting(OrderSummary::number).containsExactlyInAnyOrder(late.number(), early.number());
        OrderSummary overdue = read.stream().filter(r -> r.number().equals(late.number())).findFirst().orElseThrow();
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.content()).isEqualTo(late.content());
        assertThat(overdue.leadUnit()).isEqualTo(ENFORCEMENT);
        assertThat(read.stream().filter(r -> r.number().equals(early.number())).findFirst().orElseThrow().overdue())
                .isFalse();
        assertThat(orders.summaries(List.of(), JUNE_1)).isEmpty();
    }

    // ---------------------------------------------------------------- order numbers

    @Test
    void concurrentIntakesOnOneServerNeverShareANumber() throws Exception {
        LocalDate day = LocalDate.of(2000, 1, 4);

        List<List<OrderNumber>> taken = concurrently(2, () -> take(numbers, day, 4 * OrderNumbers.BLOCK + 7));

        assertAllDistinctOn(day, taken, 2 * (4 * OrderNumbers.BLOCK + 7));
    }

    @Test
    void twoServersOnOneDatabaseNeverShareANumber() throws Exception {
        LocalDate day = LocalDate.of(2000, 1, 5);
        // two instances of the bean, each with its own block in memory: what two servers would have
        OrderNumbers server1 = new OrderNumbers(jdbcClient, transactions);
        OrderNumbers server2 = new OrderNumbers(jdbcClient, transactions);
        List<OrderNumbers> servers = List.of(server1, server2);
        var next = new java.util.concurrent.atomic.AtomicInteger();

        List<List<OrderNumber>> taken = concurrently(2,
                () -> take(servers.get(next.getAndIncrement()), day, 6 * OrderNumbers.BLOCK + 3));

        assertAllDistinctOn(day, taken, 2 * (6 * OrderNumbers.BLOCK + 3));
        // each server's own numbers increase: a block is handed out in order
        for (List<OrderNumber> own : taken) {
            assertThat(own).extracting(OrderNumber::value).isSorted();
        }
    }

    private static List<OrderNumber> take(OrderNumbers from, LocalDate day, int count) {
        List<OrderNumber> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(from.next(day));
        }
        return taken;
    }

    private static void assertAllDistinctOn(LocalDate day, Collection<List<OrderNumber>> taken, int expected) {
        Set<OrderNumber> all = new HashSet<>();
        taken.forEach(all::addAll);
        assertThat(all).hasSize(expected);
        assertThat(all).allSatisfy(n -> assertThat(n.value()).startsWith(day.toString().replace("-", "")));
    }

    /** Runs {@code task} on {@code threads} threads released at the same moment; the results in thread order. */
    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- search helpers

    Search search(SearchSet s) {
        return new Search().keyword(s.word());
    }

    List<OrderNumber> found(Search search) {
        return found(search, JUNE_1);
    }

    List<OrderNumber> found(Search search, Instant now) {
        OrderPage page = orders.search(search.query(), now);
        assertThat(page.total()).as("total matches the items of a single page").isEqualTo(page.items().size());
        return page.items().stream().map(OrderSummary::number).toList();
    }

    /** A readable way to build the twelve-field {@link OrderQuery}. */
    static final class Search {
        private Set<OrderStatus> statuses;
        private UnitId unit;
        private String category;
        private Channel channel;
        private Instant from;
        private Instant to;
        private Boolean overdue;
        private String keyword;
        private UnitId visibleTo;
        private int page;
        private int size = OrderQuery.MAX_SIZE;
        private String callerPhone;
        private String callerName;
        private boolean extensionPending;
        private UnitId leadUnit;
        private Boolean atRisk;
        private OrderQuery.Callback callback;

        Search statuses(Set<OrderStatus> s) { statuses = s; return this; }
        Search unit(UnitId u) { unit = u; return this; }
        Search category(String c) { category = c; return this; }
        Search channel(Channel c) { channel = c; return this; }
        Search between(Instant f, Instant t) { from = f; to = t; return this; }
        Search overdue(boolean o) { overdue = o; return this; }
        Search keyword(String k) { keyword = k; return this; }
        Search visibleTo(UnitId u) { visibleTo = u; return this; }
        Search page(int p, int s) { page = p; size = s; return this; }
        Search caller(String phoneDigits, String name) { callerPhone = phoneDigits; callerName = name; return this; }
        Search extensionPending() { extensionPending = true; return this; }
        Search leadUnit(UnitId u) { leadUnit = u; return this; }
        Search atRisk(boolean a) { atRisk = a; return this; }
        Search callback(OrderQuery.Callback c) { callback = c; return this; }

        OrderQuery query() {
            OrderQuery q = new OrderQuery(statuses, unit, category, channel, null, from, to, overdue, keyword,
                    visibleTo, page, size).byCaller(callerPhone, callerName).with(leadUnit, atRisk, callback);
            return extensionPending ? q.withExtensionPending() : q;
        }
    }
}
