package org.hotline.statistics;

/**
 * How many orders fall under one key of a breakdown (a category, a unit, a channel, an appeal type), with
 * the Chinese label the report shows. {@code key} is null for the orders that have none (未分类, 未派单).
 */
public record Count(String key, String label, long count) {

    public Count {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative: " + count);
        }
    }
}
