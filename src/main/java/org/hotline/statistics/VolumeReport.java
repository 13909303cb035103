package org.hotline.statistics;

import java.util.List;

/**
 * Orders registered in a range, split by one dimension, each row with its share (工单量及占比). {@code level} is
 * the taxonomy level of a category breakdown (null for the other dimensions).
 */
public record VolumeReport(DateRange range, Dimension by, Integer level, String unit, String category, long total,
        List<Share> rows) {
}
