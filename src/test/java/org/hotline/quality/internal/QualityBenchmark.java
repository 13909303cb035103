package org.hotline.quality.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.hotline.quality.ReviewLevel;
import org.hotline.support.HotlinePostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the nightly leader draw and the work queues take at a large city's volume, on a real PostgreSQL:
 * {@code bench.replies} orders replied in one day (default 30 000, about half of Beijing's daily appeals),
 * spread unevenly over the demo organisation's units, a tenth of them confidential; and as many reply checks
 * open in review and callback. Prints figures, asserts nothing about speed. Run it with
 * {@code mvn -o -q test -Dtest=QualityBenchmark -Dbench.quality=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HotlinePostgresTest
@EnabledIfSystemProperty(named = "bench.quality", matches = "true")
class QualityBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Units units;

    @Autowired
    LeaderSamplingService sampling;

    @Autowired
    QualityLoop loop;

    @Test
    void theNightlyDrawAndTheQueuesAtALargeCitysVolume() {
        int replies = Integer.getInteger("bench.replies", 30_000);
        List<Unit> all = units.all().stream().filter(Unit::active).toList();
        long t0 = System.nanoTime();
        insertRepliedOrders(replies, all);
        System.out.printf("quality bench: inserted %d replied orders and their open checks over %d units in %d ms%n",
                replies, all.size(), (System.nanoTime() - t0) / 1_000_000);
        jdbc.execute("ANALYZE");

        long d0 = System.nanoTime();
        List<LeaderSamplingService.DrawResult> draws = sampling.draw(DAY);
        long drawMs = (System.nanoTime() - d0) / 1_000_000;
        System.out.printf("quality bench: leader draw of %d replies, %d units: %d orders drawn in %d ms%n", replies,
                draws.size(), draws.stream().mapToInt(LeaderSamplingService.DrawResult::drawn).sum(), drawMs);

        Actor reviewer = new Actor("bench-reviewer", "审核员", Role.REVIEWER, null);
        Actor agent = new Actor("bench-agent", "督办员", Role.SUPERVISOR, null);
        Actor leader = new Actor("bench-leader", "负责人", Role.UNIT_LEADER, all.get(0).id());
        report("review queue, district level, first page of 20",
                () -> loop.reviewQueue(ReviewLevel.DISTRICT_CENTER, reviewer, 0, 20));
        report("review queue, district level, page 500 of 20",
                () -> loop.reviewQueue(ReviewLevel.DISTRICT_CENTER, reviewer, 500, 20));
        report("review queue, one unit's leader", () -> loop.reviewQueue(null, leader, 0, 20));
        report("callback queue, first page of 20", () -> loop.callbackQueue(agent, 0, 20));
        if (Boolean.getBoolean("bench.explain")) {
            explain("""
                    SELECT COUNT(*) FROM reply_check c
                    JOIN work_order w ON w.number = c.order_number AND w.status = 'REPLIED' AND w.redo_count = c.redo_count
                    JOIN work_order_reply r ON r.order_number = c.order_number AND r.seq = c.reply_seq
                    WHERE c.stage = 'REVIEW' AND c.current_level IN ('DISTRICT_CENTER')
                    AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.order_number = c.order_number
                        AND d.reply_seq = c.reply_seq AND d.reviewer = 'x')""");
            explain("""
                    SELECT c.order_number FROM reply_check c
                    JOIN work_order w ON w.number = c.order_number AND w.status = 'REPLIED' AND w.redo_count = c.redo_count
                    JOIN work_order_reply r ON r.order_number = c.order_number AND r.seq = c.reply_seq
                    WHERE c.stage = 'REVIEW' AND c.current_level IN ('DISTRICT_CENTER')
                    AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.order_number = c.order_number
                        AND d.reply_seq = c.reply_seq AND d.reviewer = 'x')
                    ORDER BY c.replied_at, c.order_number LIMIT 20 OFFSET 0""");
        }
    }

    private void explain(String sql) {
        jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class).forEach(l -> System.out.println("quality bench plan: " + l));
    }

    private void report(String what, Runnable query) {
        for (int i = 0; i < 5; i++) {
            query.run();
        }
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - s) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("quality bench: %s: p50 %.1f ms, max %.1f ms (30 runs)%n", what, ms[ms.length / 2] / 1000.0,
                ms[ms.length - 1] / 1000.0);
    }

    /** Orders replied through DAY in Beijing time, by units drawn with a skewed weight, half of them in review. */
    private void insertRepliedOrders(int count, List<Unit> all) {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = DAY.atStartOfDay(ZONE).toInstant();
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> replyRows = new ArrayList<>();
        List<Object[]> checks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = "20261120-" + String.format("%06d", 500_000 + i);
            // a few big units take most orders, like the real district (skewed toward the first units)
            Unit unit = all.get((int) Math.floor(all.size() * Math.pow(random.nextDouble(), 2)));
            var at = start.plusSeconds(random.nextInt(86_400)).atOffset(ZoneOffset.UTC);
            boolean confidential = random.nextInt(10) == 0;
            orders.add(new Object[] { number, confidential, "基准测试诉求 " + i, at, unit.id().value() });
            replyRows.add(new Object[] { number, unit.id().value(), at });
            boolean inReview = i % 2 == 0;
            checks.add(new Object[] { number, unit.id().value(), at, at, inReview ? "REVIEW" : "CALLBACK",
                    inReview ? "DISTRICT_CENTER" : null, inReview ? null : at });
        }
        jdbc.batchUpdate("""
                INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone, confidential,
                    content, urgency, registered_at, registered_by, status, lead_unit_id, returns_requested,
                    extension_days_used, pending_extension_days, redo_count, supervision_count, merged_count,
                    replied_at, history_size)
                VALUES (?, 1, 'PHONE', 'COMPLAINT', '王女士', '13812341234', ?, ?, 'NORMAL', ?, 'bench', 'REPLIED', ?,
                    0, 0, 0, 0, 0, 0, NULL, 0)
                """, orders);
        jdbc.batchUpdate("""
                INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome, public_reply,
                    citizen_contacted)
                VALUES (?, 1, ?, 'bench', ?, 'RESOLVED', '已处理', TRUE)
                """, replyRows);
        jdbc.batchUpdate("""
                INSERT INTO reply_check (order_number, reply_seq, unit_id, redo_count, replied_at, opened_at,
                    review_levels, callback_plan, stage, current_level, callback_attempts, callback_due_at, version)
                VALUES (?, 1, ?, 0, ?, ?, 'DISTRICT_CENTER', 'CALL', ?, ?, 0, ?, 0)
                """, checks);
    }
}
