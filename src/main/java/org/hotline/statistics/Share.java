package org.hotline.statistics;

import java.math.BigDecimal;

/**
 * One row of a breakdown as a district reports it: "城市综合: 44,352 of 151,404 orders, 29.29%".
 * {@code percent} is {@code count / total × 100}, two decimals, half-up.
 */
public record Share(String key, String label, long count, long total, BigDecimal percent) {
}
