package org.hotline.workorder.internal;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline.workorder.OrderNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out order numbers ({@code 20261129-000123}), unique across every instance that shares the database.
 *
 * <p>Each instance reserves a block of numbers per intake day in a short transaction of its own and then
 * hands them out from memory. Taking one number per order from a counter row would make every intake wait
 * for the previous one's commit; a block makes that wait once per {@value #BLOCK} orders (while one thread
 * reserves, every other intake on the instance waits for it, so the block is sized for a busy hour, not a
 * quiet one). The price is a gap when an instance stops with numbers left in its block, or when an intake
 * rolls back: numbers are unique and increasing per instance, not gapless. Six digits leave room for 999,999
 * orders a day, far above a large city's 70,000 even with a block lost at every restart.
 */
@Component
public class OrderNumbers {

    static final int BLOCK = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    /** The block being handed out: numbers {@code next..end} of {@code day}. */
    private record Block(LocalDate day, AtomicLong next, long end) {
    }

    private volatile Block block;

    OrderNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of the day. Taking a number from the current block is one atomic increment, so intakes
     * do not queue behind each other; only the thread that finds the block used up reserves the next one, and
     * intakes arriving meanwhile wait for it.
     */
    public OrderNumber next(LocalDate intakeDay) {
        while (true) {
            Block current = block;
            if (current != null && current.day().equals(intakeDay)) {
                long n = current.next().getAndIncrement();
                if (n <= current.end()) {
                    return OrderNumber.of(intakeDay, n);
                }
            }
            synchronized (this) {
                if (block == current) {
                    long last = reserveBlock(intakeDay);
                    block = new Block(intakeDay, new AtomicLong(last - BLOCK + 1), last);
                }
            }
        }
    }

    /** Reserves the next block for the day and returns its last number. */
    private long reserveBlock(LocalDate intakeDay) {
        for (int attempt = 0; ; attempt++) {
            try {
                Long last = ownTransaction.execute(tx -> {
                    int updated = jdbc.sql("UPDATE order_number_counter SET last_value = last_value + :block "
                            + "WHERE intake_day = :day").param("block", BLOCK).param("day", intakeDay).update();
                    if (updated == 0) {
                        jdbc.sql("INSERT INTO order_number_counter (intake_day, last_value) VALUES (:day, :block)")
                                .param("day", intakeDay).param("block", BLOCK).update();
                    }
                    return jdbc.sql("SELECT last_value FROM order_number_counter WHERE intake_day = :day")
                            .param("day", intakeDay).query(Long.class).single();
                });
                return last;
            } catch (DuplicateKeyException raced) {
                // Another instance created the day's row first: the next attempt updates it.
                if (attempt > 3) {
                    throw raced;
                }
            }
        }
    }
}
