package org.hotline.workorder;

import java.util.List;

/** A page of search results and the total number of matches. */
public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
}
