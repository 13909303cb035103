package org.hotline.workorder.internal;

import java.time.LocalDate;

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
 * for the previous one's commit; a block makes that wait once per {@value #BLOCK} orders. The price is a gap
 * when an instance stops with numbers left in its block, or when an intake rolls back: numbers are unique and
 * increasing per instance, not gapless.
 */
@Component
public class OrderNumbers {

    static final int BLOCK = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    private LocalDate day;
    private long next;
    private long end;

    OrderNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public synchronized OrderNumber next(LocalDate intakeDay) {
        if (!intakeDay.equals(day) || next > end) {
            long last = reserveBlock(intakeDay);
            day = intakeDay;
            next = last - BLOCK + 1;
            end = last;
        }
        return OrderNumber.of(day, next++);
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
